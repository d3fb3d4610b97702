// The one generation + timing loop shared by the raw-worker baseline (browser, onnxruntime-web) and the
// native baseline (Node, onnxruntime-node). `@huggingface/transformers` resolves to the right build in
// each (package exports), so this file imports it directly.
// It measures exactly as src/workers/hf-model.ts measures the app, minus the app's own machinery
// (stop strings, stopping criteria, text batching, yielding between steps).
import { TextStreamer, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import type { GenerationRun, GenerationSpec } from './generation-run.ts';
import { generateOptions, replyTiming } from '../../src/workers/generation-options.ts';

/** One generation of `spec.prompt` with `spec.settings`, timed like the app's chat(). */
export async function timedGenerate(
  model: PreTrainedModel,
  tokenizer: PreTrainedTokenizer,
  spec: GenerationSpec,
  maxNewTokens = spec.settings.maxNewTokens,
): Promise<GenerationRun> {
  const { settings } = spec;
  const started = performance.now();
  let firstTextAt = 0;
  let tokens = 0;
  const streamer = new TextStreamer(tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    // The app's first text is the first piece that is not only leading whitespace.
    callback_function: (piece: string) => {
      if (!firstTextAt && piece.trimStart()) firstTextAt = performance.now();
    },
    token_callback_function: () => {
      tokens++;
    },
  });
  const inputs = tokenizer(spec.prompt, { add_special_tokens: false });
  await model.generate({
    ...inputs,
    ...generateOptions(settings, maxNewTokens),
    streamer,
  });
  // As in hf-model.ts, decoding ends when generate() returns: that is where the streamer's last text is
  // flushed, and it counts the step that produced an end-of-sequence token (which `tokens` includes).
  const { timeToFirstTokenMs, tokensPerSecond } = replyTiming(tokens, started, firstTextAt, performance.now());
  return { tokens, timeToFirstTokenMs, tokensPerSecond };
}

export interface Loaded {
  model: PreTrainedModel;
  tokenizer: PreTrainedTokenizer;
}

/**
 * Loads with `load`, runs a short unreported warm-up generation (kernels, allocations), then `repetitions`
 * measured ones. loadMs includes the warm-up, as the app's does (hf-model.ts warms up inside load()).
 */
export async function benchGeneration(
  load: () => Promise<Loaded>,
  spec: GenerationSpec,
  repetitions: number,
): Promise<{ loadMs: number; runs: GenerationRun[] }> {
  const started = performance.now();
  const { model, tokenizer } = await load();
  try {
    await timedGenerate(model, tokenizer, spec, 2);
    const loadMs = Math.round(performance.now() - started);
    const runs: GenerationRun[] = [];
    for (let i = 0; i < repetitions; i++) runs.push(await timedGenerate(model, tokenizer, spec));
    return { loadMs, runs };
  } finally {
    await model.dispose();
  }
}
