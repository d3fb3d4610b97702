// Tool calls in replies: `<tool_call>{"name": "get_time", "arguments": {}}</tool_call>` (Qwen2.5 /
// Hermes templates) or `<tool_call>{"tool": "get_time", "params": {}}</tool_call>` (ForgeAI's own).
// The raw tags never reach the screen, even mid-stream; a broken call becomes an error to report back
// to the model, never an exception.

export const OPEN_TAG = '<tool_call>';
export const CLOSE_TAG = '</tool_call>';

export interface ToolCall {
  /** The tool's name as the model wrote it ('' when the call could not be read). */
  name: string;
  arguments: Record<string, unknown>;
  /** The text between the tags, as written. */
  raw: string;
  /** Why the call cannot run (malformed JSON, no name, unclosed tag…). */
  error?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one call's JSON in either format. Models sometimes wrap it in a ```json fence: that is allowed. */
export function parseCallBody(raw: string): ToolCall {
  const body = raw
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { name: '', arguments: {}, raw, error: `The tool call is not valid JSON (${(error as Error).message}).` };
  }
  if (!isObject(parsed)) return { name: '', arguments: {}, raw, error: 'The tool call must be a JSON object.' };
  const name = typeof parsed.name === 'string' ? parsed.name : typeof parsed.tool === 'string' ? parsed.tool : '';
  if (!name.trim())
    return {
      name: '',
      arguments: {},
      raw,
      error: 'The tool call needs "name" (with "arguments") or "tool" (with "params").',
    };
  let args: unknown = parsed.arguments ?? parsed.params;
  if (typeof args === 'string') {
    try {
      args = JSON.parse(args); // some templates send the arguments as a JSON string
    } catch {
      return { name, arguments: {}, raw, error: 'The arguments are a string that is not JSON.' };
    }
  }
  if (args === undefined || args === null) args = {};
  if (!isObject(args)) return { name, arguments: {}, raw, error: 'The arguments must be a JSON object.' };
  return { name: name.trim(), arguments: args, raw };
}

const isTagStart = (segment: string) =>
  segment.length < CLOSE_TAG.length && (OPEN_TAG.startsWith(segment) || CLOSE_TAG.startsWith(segment));

/**
 * How much of `text`'s end must wait: the longest suffix made only of unfinished tag starts (`<tool_`,
 * `<tool_</tool`…). One may still become a tag, and once a tag is removed, pieces on both sides of it
 * could join into one, so none is shown before that is decided.
 */
function undecidedLength(text: string): number {
  let start = text.length;
  for (let end = text.length; end > 0;) {
    const at = text.lastIndexOf('<', end - 1);
    if (at === -1 || !isTagStart(text.slice(at, end))) break;
    start = at;
    end = at;
  }
  return text.length - start;
}

/**
 * Takes tool calls out of a reply as it streams. `push` returns the text that can be shown now (a
 * possible `<tool_c…` is held back until it is decided); `flush` returns the rest at the end and closes
 * an unfinished call as an error. `calls` lists every call found, in order.
 */
export class ToolCallStream {
  readonly calls: ToolCall[] = [];
  #pending = '';
  #insideCall = false;
  /** Text just before a removed tag that could join what follows it into a tag (`<tool_` + `call>`). */
  #carry = '';

  push(chunk: string): string {
    this.#pending += chunk;
    let shown = '';
    for (;;) {
      if (this.#insideCall) {
        const end = this.#pending.indexOf(CLOSE_TAG);
        if (end === -1) return shown; // the call's body waits for its closing tag
        this.calls.push(parseCallBody(this.#pending.slice(0, end)));
        this.#pending = this.#carry + this.#pending.slice(end + CLOSE_TAG.length);
        this.#carry = '';
        this.#insideCall = false;
        continue;
      }
      const open = this.#pending.indexOf(OPEN_TAG);
      const stray = this.#pending.indexOf(CLOSE_TAG); // a closing tag without its call: hidden too
      if (open === -1 && stray === -1) break;
      const isOpen = open !== -1 && (stray === -1 || open < stray);
      const at = isOpen ? open : stray;
      const before = this.#pending.slice(0, at);
      const carry = before.slice(before.length - undecidedLength(before));
      shown += before.slice(0, before.length - carry.length);
      const after = this.#pending.slice(at + (isOpen ? OPEN_TAG : CLOSE_TAG).length);
      if (isOpen) this.#carry = carry;
      this.#pending = isOpen ? after : carry + after;
      this.#insideCall = isOpen;
    }
    const keep = undecidedLength(this.#pending);
    shown += this.#pending.slice(0, this.#pending.length - keep);
    this.#pending = this.#pending.slice(this.#pending.length - keep);
    return shown;
  }

  flush(): string {
    const rest = this.#pending;
    const carry = this.#carry;
    this.#pending = '';
    this.#carry = '';
    if (!this.#insideCall) return rest;
    this.#insideCall = false;
    const call = parseCallBody(rest);
    this.calls.push({ ...call, error: `The tool call was not closed with ${CLOSE_TAG}.` });
    return carry;
  }
}

/** The whole reply at once: the text without calls, and the calls. */
export function parseToolCalls(reply: string): { text: string; calls: ToolCall[] } {
  const stream = new ToolCallStream();
  const text = stream.push(reply) + stream.flush();
  return { text, calls: stream.calls };
}
