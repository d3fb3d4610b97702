// Turning a conversation into the model's input text. Models with a chat template use it; models
// without one (GPT-2, DialoGPT) get the fallbacks the original ForgeAI used.
import type { ChatFormat, ChatTurn, ToolSupport } from '../shared/model-types.ts';

/** Strings that mean "the model started writing the next turn": the reply is cut there. */
export const STOP_STRINGS = ['User:', 'Human:', '</s>', '[/INST]', '<|user|>', '<|end|>'];

export function pickFallbackFormat(modelId: string): Exclude<ChatFormat, 'chat-template'> {
  return /dialogpt/i.test(modelId) ? 'dialogpt' : 'plain-dialogue';
}

/** What a chat template can do with tools: take their definitions (`tools`) and `tool`-role results. */
export function detectToolSupport(template: string | undefined): ToolSupport {
  return {
    definitions: template && /\btools\b/.test(template) ? 'template' : 'system-prompt',
    // message.role == "tool" or message['role'] == 'tool'
    results: template && /role['"]?\]?\s*==\s*["']tool["']/.test(template) ? 'tool-role' : 'tag',
  };
}

export const TOOL_RESULT_OPEN = '<tool_result>';
export const TOOL_RESULT_CLOSE = '</tool_result>';

/**
 * Tool results in the shape the model understands: as `tool` turns when its template has that role,
 * otherwise as one user turn of `<tool_result>…</tool_result>` blocks per round.
 */
export function shapeToolTurns(turns: ChatTurn[], results: ToolSupport['results']): ChatTurn[] {
  if (results === 'tool-role') return turns;
  const shaped: ChatTurn[] = [];
  let round: ChatTurn | undefined; // the user turn collecting this round's results (our own object)
  for (const turn of turns) {
    if (turn.role !== 'tool') {
      shaped.push(turn);
      round = undefined;
      continue;
    }
    const block = `${TOOL_RESULT_OPEN}${turn.content}${TOOL_RESULT_CLOSE}`;
    if (round) round.content += `\n${block}`;
    else shaped.push((round = { role: 'user', content: block }));
  }
  return shaped;
}

/** DialoGPT: every turn's text followed by the EOS token; the system prompt has no place. */
export function formatDialoGpt(turns: ChatTurn[], eosToken: string): string {
  return turns
    .filter((t) => t.role !== 'system')
    .map((t) => `${t.content}${eosToken}`)
    .join('');
}

/** GPT-2 style: the system prompt as a first line, then `User:` / `AI:` lines, ending with `AI:`. */
export function formatPlainDialogue(turns: ChatTurn[]): string {
  const lines = turns.map((t) =>
    t.role === 'system' ? t.content : `${t.role === 'user' ? 'User' : 'AI'}: ${t.content}`,
  );
  return `${lines.join('\n')}\nAI:`;
}

/**
 * Cuts streamed text at the first stop string. Text that might be the start of a stop string is held
 * back until it is clear, so a half-written `User:` never flashes on screen.
 */
export class StopStringFilter {
  private pending = '';
  stopped = false;

  constructor(private readonly stopStrings: string[] = STOP_STRINGS) {}

  /** Adds streamed text; returns the part that is safe to show now. */
  push(chunk: string): string {
    if (this.stopped) return '';
    this.pending += chunk;
    let cut = -1;
    for (const stop of this.stopStrings) {
      const at = this.pending.indexOf(stop);
      if (at !== -1 && (cut === -1 || at < cut)) cut = at;
    }
    if (cut !== -1) {
      this.stopped = true;
      const safe = this.pending.slice(0, cut);
      this.pending = '';
      return safe;
    }
    const hold = this.longestStopPrefixAtEnd();
    const safe = this.pending.slice(0, this.pending.length - hold);
    this.pending = this.pending.slice(this.pending.length - hold);
    return safe;
  }

  /** The text still held back, once the stream has ended without a stop string. */
  flush(): string {
    const rest = this.stopped ? '' : this.pending;
    this.pending = '';
    return rest;
  }

  private longestStopPrefixAtEnd(): number {
    let longest = 0;
    for (const stop of this.stopStrings) {
      for (let n = Math.min(stop.length - 1, this.pending.length); n > longest; n--) {
        if (this.pending.endsWith(stop.slice(0, n))) {
          longest = n;
          break;
        }
      }
    }
    return longest;
  }
}
