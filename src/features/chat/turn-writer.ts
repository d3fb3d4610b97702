// Saves one turn as it happens, from its events: each reply a message that grows as it streams (saved
// now and then, and whole at the end), each tool call a message that shows it running, then its result.
// A finished reply is saved before it shows as done. Storage failures are the store's to report.
import type { NewMessage, StoredMessage } from '../../db/messages.ts';
import type { ToolRecord } from '../../db/messages.ts';
import type { ToolStep, TurnEvent, TurnListener } from './turn-controller.ts';

/** How often a streaming reply is written to IndexedDB (it is always written at the end). */
const SAVE_INTERVAL_MS = 250;

export interface MessageStore {
  /** Adds a message and shows it; returns the object on screen (changes to it show at once). */
  add(message: NewMessage): Promise<StoredMessage>;
  save(id: number, changes: Partial<StoredMessage>): Promise<void>;
}

function toolRecord({ call, outcome }: ToolStep): ToolRecord {
  return {
    name: outcome.name || call.name || '(unreadable)',
    arguments: outcome.arguments,
    success: outcome.success,
    error: outcome.error,
    durationMs: outcome.durationMs,
    display: outcome.display,
  };
}

export class TurnWriter {
  /** The reply being written, and the tool messages of the round being run (in call order). */
  #reply: StoredMessage | undefined;
  #tools: StoredMessage[] = [];
  #lastSave = 0;

  constructor(
    private readonly store: MessageStore,
    private readonly base: Pick<NewMessage, 'conversationId' | 'modelId'>,
  ) {}

  readonly listener: TurnListener = (event) => this.#on(event);

  async #on(event: TurnEvent): Promise<void> {
    switch (event.type) {
      case 'thinking':
        this.#tools = [];
        this.#reply = await this.store.add({ ...this.base, role: 'assistant', text: '', status: 'streaming' });
        return;
      case 'streaming':
        return this.#streamed(event.text);
      case 'replied': {
        const reply = this.#reply;
        if (!reply) return;
        const { result } = event.round;
        event.round.messageId = reply.id;
        const final: Partial<StoredMessage> = {
          text: event.round.reply.text,
          status: result.finishReason === 'stopped' ? 'stopped' : 'done',
          stats: {
            tokens: result.tokens,
            tokensPerSecond: result.tokensPerSecond,
            timeToFirstTokenMs: result.timeToFirstTokenMs,
          },
          prompt: { text: result.prompt.text, tokens: result.prompt.tokens },
        };
        reply.text = final.text ?? '';
        await this.store.save(reply.id, final);
        Object.assign(reply, final);
        return;
      }
      case 'tool-started':
        this.#tools.push(
          await this.store.add({
            ...this.base,
            role: 'tool',
            text: '',
            status: 'streaming',
            tool: { name: event.call.name || '(unreadable)', arguments: event.call.arguments },
          }),
        );
        return;
      case 'tool-finished': {
        const message = this.#tools[this.#tools.length - 1];
        if (!message) return;
        const changes = { text: event.step.resultText, tool: toolRecord(event.step), status: 'done' as const };
        Object.assign(message, changes);
        await this.store.save(message.id, changes);
        return;
      }
      case 'failed': {
        const reply = this.#reply;
        if (!reply || reply.status !== 'streaming') return;
        reply.status = 'error';
        reply.error = event.error;
        await this.store.save(reply.id, { text: reply.text, status: 'error', error: event.error });
        return;
      }
    }
  }

  #streamed(text: string): void {
    const reply = this.#reply;
    if (!reply || reply.status !== 'streaming') return;
    reply.text = text;
    if (performance.now() - this.#lastSave < SAVE_INTERVAL_MS) return;
    this.#lastSave = performance.now();
    void this.store.save(reply.id, { text });
  }
}
