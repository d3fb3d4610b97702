// Step 2 of a turn: the prompt. System prompt = personality + what each context provider adds;
// then history, newest first, until the token budget is full — reading stops there, so a long
// conversation costs no more than a short one. Tokens are counted with the model's own tokenizer.
import type { ChatTurn } from '../../workers/api-types.ts';

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
}

export interface ContextRequest {
  systemParts: string[];
  /** Earlier turns, newest first; read lazily and only as far as the budget allows. */
  history: Iterable<ChatTurn> | AsyncIterable<ChatTurn>;
  userMessage: string;
  contextLength: number;
  replyTokens: number;
}

export async function buildContext(request: ContextRequest, counter: TokenCounter): Promise<BuiltContext> {
  const systemPrompt = request.systemParts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
  const system: ChatTurn[] = systemPrompt ? [{ role: 'system', content: systemPrompt }] : [];
  const user: ChatTurn = { role: 'user', content: request.userMessage };
  const budget = request.contextLength - request.replyTokens;
  let promptTokens = await counter.promptTokens([...system, user]);
  if (promptTokens > budget) {
    throw new Error(
      `The message and system prompt need ${promptTokens} tokens, more than this model can read while leaving room for a reply (${budget}). Shorten the message or the persona's prompt.`,
    );
  }
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
  return { turns: [...system, ...kept, user], systemPrompt, promptTokens, historyUsed: kept.length, historyTrimmed };
}
