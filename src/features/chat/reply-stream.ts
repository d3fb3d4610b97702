// One assistant message as it streams: tool calls and avatar tags are taken out of the text before it
// shows, the text is saved now and then, and the final result fills in status, speed and prompt.
import { parseAvatarTags, StreamingTagStripper } from '../avatar/avatar-tags.ts';
import { parseToolCalls, ToolCallStream } from '../tools/tool-calls.ts';
import type { StoredMessage } from '../../db/messages.ts';
import type { GenerationResult } from '../../shared/model-types.ts';

/** How often a streaming reply is written to IndexedDB (it is always written at the end). */
const SAVE_INTERVAL_MS = 250;

export type SaveMessage = (id: number, changes: Partial<StoredMessage>) => Promise<void>;

/** What the user sees of a reply: no tool calls, no avatar tags. */
export function visibleReply(text: string): string {
  return parseAvatarTags(parseToolCalls(text).text).text;
}

export class ReplyStream {
  readonly #tools = new ToolCallStream();
  readonly #tags = new StreamingTagStripper();
  #lastSave = 0;
  #finished = false;

  /** `message` is the reactive object on screen; `onFirstText` fires when the first visible text arrives. */
  constructor(
    readonly message: StoredMessage,
    private readonly save: SaveMessage,
    private readonly onFirstText?: () => void,
  ) {}

  readonly onText = (piece: string): void => {
    // Streamed pieces travel on their own channel and can arrive after the result: ignore those.
    if (this.#finished) return;
    const shown = this.#tags.push(this.#tools.push(piece));
    if (!shown) return;
    if (!this.message.text) this.onFirstText?.();
    this.message.text += shown;
    if (performance.now() - this.#lastSave > SAVE_INTERVAL_MS) {
      this.#lastSave = performance.now();
      void this.save(this.message.id, { text: this.message.text });
    }
  };

  /** Saves the finished reply, then shows it as done: "done" on screen means it is in the database. */
  async finish(result: GenerationResult): Promise<void> {
    this.#finished = true;
    const final: Partial<StoredMessage> = {
      text: visibleReply(result.text),
      status: result.finishReason === 'stopped' ? 'stopped' : 'done',
      stats: {
        tokens: result.tokens,
        tokensPerSecond: result.tokensPerSecond,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
      },
      prompt: { text: result.prompt, tokens: result.promptTokens },
    };
    this.message.text = final.text ?? '';
    await this.save(this.message.id, final);
    Object.assign(this.message, final);
  }

  async fail(reason: string): Promise<void> {
    this.#finished = true;
    this.message.status = 'error';
    this.message.error = reason;
    await this.save(this.message.id, { text: this.message.text, status: 'error', error: reason });
  }
}
