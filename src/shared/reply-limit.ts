// How long a reply may be for the loaded model. The reply and the prompt share the model's context:
// a reply allowed the whole context would leave no room for the message, and every send would fail.
import type { GenerationSettings } from './model-types.ts';

/** The most Settings → Longest reply accepts, whatever the model. */
export const MAX_REPLY_TOKENS = 4096;

/** The prompt (system prompt, history, message) always keeps at least this many tokens… */
const MIN_PROMPT_TOKENS = 256;
/** …and at least this share of the context, so long contexts keep room for history too. */
const MIN_PROMPT_SHARE = 1 / 4;

/**
 * The longest reply a model with `contextLength` tokens can be asked for. The rule: the reply takes at
 * most 3/4 of the context and leaves the prompt at least 256 tokens; in a context under 512 tokens,
 * where both cannot hold, reply and prompt get half each.
 */
export function longestReplyFor(contextLength: number): number {
  const promptRoom = Math.min(
    Math.max(MIN_PROMPT_TOKENS, Math.ceil(contextLength * MIN_PROMPT_SHARE)),
    Math.ceil(contextLength / 2),
  );
  return Math.max(1, Math.min(MAX_REPLY_TOKENS, contextLength - promptRoom));
}

/** What a reply is sent with: the saved setting, bounded by the model (the saved value itself is kept). */
export function boundReplyLength(settings: GenerationSettings, contextLength: number): GenerationSettings {
  const limit = longestReplyFor(contextLength);
  return settings.maxNewTokens > limit ? { ...settings, maxNewTokens: limit } : settings;
}
