// One reply, parsed: tool calls and avatar tags come out of the text, and what is left is what people
// see and hear. While it streams, `push` gives the newly visible text; once it is complete, `parseReply`
// reads it whole, once, for everything that acts on it (saving, tools, the avatar, the mind, the voice).
import { readTags, StreamingTagStripper, type AvatarTagged } from '../avatar/avatar-tags.ts';
import { ToolCallStream, type ToolCall } from '../tools/tool-calls.ts';

export interface ParsedReply {
  /** What people see: no tool calls, no avatar tags. */
  text: string;
  toolCalls: ToolCall[];
  /** What the reply's [emotion:…], [gesture:…] and [expression:…] tags ask the avatar for. */
  avatar: Omit<AvatarTagged, 'text'>;
  /** A thinking model's reasoning, kept apart from the answer ('' for models that do not think). */
  thinking: string;
}

export class ReplyParser {
  readonly #tools = new ToolCallStream();
  readonly #tags = new StreamingTagStripper();
  #text = '';

  /** Adds streamed text; returns the part that became visible (often '' while a tag or call is open). */
  push(piece: string): string {
    const shown = this.#tags.push(this.#tools.push(piece));
    this.#text += shown;
    return shown;
  }

  /** The visible text so far. */
  get text(): string {
    return this.#text;
  }

  /** Ends the reply: the rest of its text, its calls and its tags. */
  finish(): ParsedReply {
    this.#text += this.#tags.push(this.#tools.flush()) + this.#tags.flush();
    const { text, ...avatar } = readTags(this.#text, this.#tags.tags);
    return { text: text.trim(), toolCalls: this.#tools.calls, avatar, thinking: '' };
  }
}

/** A complete reply, parsed in one go. */
export function parseReply(reply: string): ParsedReply {
  const parser = new ReplyParser();
  parser.push(reply);
  return parser.finish();
}
