// One mapping from our settings to transformers.js's generate() options, and one way to time a reply:
// the app and the benchmark's baselines (scripts/bench) both use them, so their figures mean the same.
import type { GenerationSettings } from '../shared/model-types.ts';

export function generateOptions(settings: GenerationSettings, maxNewTokens: number) {
  return {
    max_new_tokens: maxNewTokens,
    temperature: settings.temperature,
    top_p: settings.topP,
    top_k: settings.topK,
    repetition_penalty: settings.repetitionPenalty,
    do_sample: settings.doSample,
  };
}

/** Time to first text from the start; decode speed (tokens − 1) over first text → end. */
export function replyTiming(tokens: number, started: number, firstTextAt: number, endedAt: number) {
  const totalMs = endedAt - started;
  const decodeMs = firstTextAt ? endedAt - firstTextAt : totalMs;
  return {
    timeToFirstTokenMs: firstTextAt ? Math.round(firstTextAt - started) : Math.round(totalMs),
    totalMs: Math.round(totalMs),
    tokensPerSecond: tokens > 1 && decodeMs > 0 ? ((tokens - 1) * 1000) / decodeMs : 0,
  };
}
