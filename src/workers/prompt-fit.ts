// The prompt, built once: the system prompt, as much history as fits, this turn — rendered whole with
// the model's chat template and counted with its tokenizer. History gives way first (oldest turns out);
// a long system prompt or message may shorten the first reply, down to MIN_REPLY_ROOM, before the turn
// fails with an error that says what to change; a reply after tool results takes whatever room is left
// (a turn half done is not stopped for a shorter answer). Only whole conversations are rendered: strict
// templates (roles that must alternate, no lone messages) refuse pieces.
import { boundReplyLength } from '../shared/reply-limit.ts';
import type { BuiltPrompt, ChatTurn, ReplyRequest } from '../shared/model-types.ts';

export interface PromptRenderer {
  /** The prompt these turns make, the chat template applied (it may throw: templates refuse some turns). */
  render(turns: ChatTurn[]): string;
  /** Tokens of a rendered prompt. */
  count(text: string): number;
}

/** More than the tokens a chat template wraps around one turn (role markers, separators). */
const TEMPLATE_TOKENS = 16;
/** Below this many tokens a reply is not worth asking for, so a shorter reply setting would not help. */
const MIN_USEFUL_REPLY = 16;
/** A long system prompt or message may take room from the reply down to this (or the setting, if lower). */
export const MIN_REPLY_ROOM = 256;

/** Says what to change: the reply-length setting when a shorter reply would make room, else the message. */
function tooLong(promptTokens: number, contextLength: number, replyTokens: number): Error {
  const roomForReply = contextLength - promptTokens;
  if (roomForReply >= MIN_USEFUL_REPLY)
    return new Error(
      `The message and system prompt need ${promptTokens} tokens and the reply may take ${replyTokens}: together more than this model reads (${contextLength}). ` +
        `Lower Settings → Longest reply (now ${replyTokens} tokens) to ${roomForReply} or less, or shorten the message.`,
    );
  return new Error(
    `The message is too long for this model: the message and system prompt need ${promptTokens} tokens, and the model reads at most ${contextLength}, its reply included. ` +
      `Shorten the message or the persona's prompt.`,
  );
}

/** History as sent, from its `keep` newest turns, starting at a user turn (templates expect user first). */
function newestHistory(history: ChatTurn[], keep: number): ChatTurn[] {
  const kept = history.slice(history.length - keep);
  const firstUser = kept.findIndex((turn) => turn.role === 'user');
  return firstUser === -1 ? [] : kept.slice(firstUser);
}

export function fitPrompt(request: ReplyRequest, renderer: PromptRenderer, contextLength: number): BuiltPrompt {
  const systemText = request.system
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
  const system: ChatTurn[] = systemText ? [{ role: 'system', content: systemText }] : [];
  const wanted = boundReplyLength(request.settings, contextLength).maxNewTokens;
  const build = (keep: number) => {
    const history = newestHistory(request.history, keep);
    const text = renderer.render([...system, ...history, ...request.turn]);
    return { text, tokens: renderer.count(text), historyUsed: history.length };
  };
  const result = (built: ReturnType<typeof build>): BuiltPrompt => ({
    ...built,
    historyLeftOut: request.history.length - built.historyUsed,
    maxNewTokens: Math.min(wanted, contextLength - built.tokens),
  });

  const history = request.history;
  const chars = (turns: ChatTurn[]) => turns.reduce((sum, turn) => sum + turn.content.length, 0);
  // The usual case, one render: text this short fits whatever the tokenizer (a token is at least one
  // character; the template adds a few tokens per turn).
  const turnCount = system.length + history.length + request.turn.length;
  const surelyFits = systemText.length + chars(history) + chars(request.turn) + TEMPLATE_TOKENS * turnCount;
  if (surelyFits + wanted <= contextLength) {
    const all = build(history.length);
    if (all.tokens + wanted <= contextLength) return result(all);
  }

  const bare = build(0);
  const replyTokens = Math.min(wanted, contextLength - bare.tokens);
  const continuing = request.turn.length > 1;
  const floor = continuing ? MIN_USEFUL_REPLY : Math.min(wanted, MIN_REPLY_ROOM);
  if (replyTokens < floor) throw tooLong(bare.tokens, contextLength, wanted);
  if (!history.length) return result(bare);
  // History fills what the reply leaves: the largest number of newest turns that fits. More turns never
  // make a shorter prompt, so a search works. Each guess comes from the last render (its tokens per
  // character, the template's characters per turn): two or three renders, not log2(history).
  const budget = contextLength - replyTokens;
  const wrapChars = Math.max(
    0,
    (bare.text.length - systemText.length - chars(request.turn)) / (turnCount - history.length),
  );
  /** How many newest turns fit if each costs its characters (and the template's) at `perChar` tokens. */
  const guessAt = (perChar: number) => {
    let tokens = bare.tokens;
    let keep = 0;
    for (let i = history.length - 1; i >= 0; i--, keep++) {
      tokens += (history[i].content.length + wrapChars) * perChar;
      if (tokens > budget) break;
    }
    return keep;
  };
  let best = bare;
  let fits = 0;
  // One more than the whole history never fits (and is never rendered).
  let fails = history.length + 1;
  let guess = guessAt(bare.tokens / Math.max(1, bare.text.length));
  while (fails - fits > 1) {
    const keep = guess > fits && guess < fails ? guess : Math.floor((fits + fails) / 2);
    const candidate = build(keep);
    if (candidate.tokens <= budget) [fits, best] = [keep, candidate];
    else fails = keep;
    const addedChars = chars(history.slice(history.length - keep)) + wrapChars * keep;
    guess = guessAt((candidate.tokens - bare.tokens) / Math.max(1, addedChars));
    // Close to the answer, a guess can repeat: step next to the bound just found instead.
    if (guess === keep) guess = candidate.tokens <= budget ? keep + 1 : keep - 1;
  }
  return result(best);
}
