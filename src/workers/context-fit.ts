// The worker's safety net: a prompt never exceeds the model's context, whatever the caller sends.
// Oldest non-system turns are dropped first; the reply gets whatever room is left (the context
// builder on the UI side does the real budgeting; this only guarantees nothing overflows).
import type { ChatTurn } from '../shared/model-types.ts';

export interface FittedPrompt {
  turns: ChatTurn[];
  promptTokens: number;
  maxNewTokens: number;
  droppedTurns: number;
}

/** Smallest reply room worth generating into; below it the history is trimmed further. */
const MIN_REPLY_TOKENS = 16;

export function fitToContext(
  turns: ChatTurn[],
  countPromptTokens: (turns: ChatTurn[]) => number,
  contextLength: number,
  wantedNewTokens: number,
): FittedPrompt {
  const replyRoom = Math.min(wantedNewTokens, Math.max(MIN_REPLY_TOKENS, Math.floor(contextLength / 4)));
  let kept = turns;
  let promptTokens = countPromptTokens(kept);
  while (promptTokens + replyRoom > contextLength) {
    const oldest = kept.findIndex((t) => t.role !== 'system');
    // Never drop the newest turn: it is what the user just asked. With nothing left to drop, a
    // shorter reply is better than none, down to MIN_REPLY_TOKENS.
    if (oldest === -1 || oldest === kept.length - 1) {
      if (contextLength - promptTokens >= MIN_REPLY_TOKENS) break;
      throw new Error(
        `The message is too long for this model: the prompt needs ${promptTokens} tokens and the model reads at most ${contextLength}. Shorten the message or the system prompt.`,
      );
    }
    kept = kept.filter((_, i) => i !== oldest);
    promptTokens = countPromptTokens(kept);
  }
  return {
    turns: kept,
    promptTokens,
    maxNewTokens: Math.min(wantedNewTokens, contextLength - promptTokens),
    droppedTurns: turns.length - kept.length,
  };
}
