// What every generation benchmark (our app, raw transformers.js in a bare worker, native onnxruntime)
// is given and reports, so their figures mean the same thing.
import type { GenerationSettings } from '../../src/shared/model-types.ts';

export interface GenerationSpec {
  /** A model id on the local Hub (fixtures/models/<id>). */
  modelId: string;
  dtype: 'q8' | 'fp32';
  device: 'wasm' | 'webgpu' | 'cpu';
  threads: number;
  /** The exact prompt text (already chat-templated), tokenized without adding special tokens. */
  prompt: string;
  settings: GenerationSettings;
}

/**
 * One generation, measured as src/workers/hf-model.ts measures the app's: time to first token from the
 * generate() call to the first streamed text; decode speed (tokens - 1) / (generate() returned - first text).
 */
export interface GenerationRun {
  tokens: number;
  timeToFirstTokenMs: number;
  tokensPerSecond: number;
}
