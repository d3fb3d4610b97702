// Step 2 of a turn: the prompt. System prompt = personality + what each context provider adds;
// then history, newest first, until the token budget is full — reading stops there, so a long
// conversation costs no more than a short one. Tokens are counted with the model's own tokenizer.
import type { ChatTurn } from '../../shared/model-types.ts';

export interface TokenCounter {
  /** Exact tokens of the prompt these turns make once formatted for the model (template included). */
  promptTokens(turns: ChatTurn[]): Promise<number>;
  /** What one more turn adds: its text plus the template's wrapping. Close, not exact: checked at the end. */
  turnTokens(turn: ChatTurn): Promise<number>;
}

export interface BuiltContext {
  turns: ChatTurn[];
  systemPrompt: string;
  promptTokens: number;
  historyUsed: number;
  /** True when older history was left out to fit. */
  historyTrimmed: boolean;
  /** Room left for the reply: the requested length, or less when the system prompt and message need it. */
  replyTokens: number;
}

export interface ContextRequest {
  systemParts: string[];
  /** Earlier turns, newest first; read lazily and only as far as the budget allows. */
  history: Iterable<ChatTurn> | AsyncIterable<ChatTurn>;
  userMessage: string;
  contextLength: number;
  replyTokens: number;
}

/** Below this many tokens a reply is not worth asking for, so a shorter reply setting would not help. */
const MIN_USEFUL_REPLY = 16;
/**
 * A long system prompt or message may take room from the reply, down to this many tokens (or the
 * requested length, if lower); a reply cut shorter than that needs the user's say: the error asks for it.
 */
const MIN_REPLY_ROOM = 256;

/** Says what to change: the reply-length setting when a shorter reply would make room, else the message. */
function tooLongMessage(promptTokens: number, { contextLength, replyTokens }: ContextRequest): string {
  const roomForReply = contextLength - promptTokens;
  if (roomForReply >= MIN_USEFUL_REPLY) {
    return (
      `The message and system prompt need ${promptTokens} tokens and the reply may take ${replyTokens}: together more than this model reads (${contextLength}). ` +
      `Lower Settings → Longest reply (now ${replyTokens} tokens) to ${roomForReply} or less, or shorten the message.`
    );
  }
  return (
    `The message is too long for this model: the message and system prompt need ${promptTokens} tokens, and the model reads at most ${contextLength}, its reply included. ` +
    `Shorten the message or the persona's prompt.`
  );
}

export async function buildContext(request: ContextRequest, counter: TokenCounter): Promise<BuiltContext> {
  const systemPrompt = request.systemParts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
  const system: ChatTurn[] = systemPrompt ? [{ role: 'system', content: systemPrompt }] : [];
  const user: ChatTurn = { role: 'user', content: request.userMessage };
  let promptTokens = await counter.promptTokens([...system, user]);
  const replyTokens = Math.min(request.replyTokens, request.contextLength - promptTokens);
  if (replyTokens < Math.min(request.replyTokens, MIN_REPLY_ROOM))
    throw new Error(tooLongMessage(promptTokens, request));
  // History only fills what the reply leaves: the whole requested length when the prompt allows.
  const budget = request.contextLength - replyTokens;
  const kept: ChatTurn[] = [];
  let remaining = budget - promptTokens;
  let historyTrimmed = false;
  for await (const turn of request.history) {
    const cost = await counter.turnTokens(turn);
    if (cost > remaining) {
      historyTrimmed = true;
      break;
    }
    kept.unshift(turn);
    remaining -= cost;
  }
  // Per-turn counts can differ a little from the whole (merges across turn borders): check exactly,
  // and drop the oldest kept turns in the rare case the estimate was short.
  promptTokens = await counter.promptTokens([...system, ...kept, user]);
  while (promptTokens > budget && kept.length > 0) {
    kept.shift();
    historyTrimmed = true;
    promptTokens = await counter.promptTokens([...system, ...kept, user]);
  }
  return {
    turns: [...system, ...kept, user],
    systemPrompt,
    promptTokens,
    historyUsed: kept.length,
    historyTrimmed,
    replyTokens,
  };
}
