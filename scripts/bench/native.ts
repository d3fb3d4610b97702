// Native baseline: transformers.js in Node on onnxruntime-node (CPU), with the same warm-up and timed
// generation loop as the raw browser worker (timed-generation.ts).
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import type { GenerationRun, GenerationSpec } from './generation-run.ts';
import { benchGeneration } from './timed-generation.ts';

export async function runNative(
  modelsDir: string,
  spec: GenerationSpec,
  repetitions: number,
): Promise<{ loadMs: number; runs: GenerationRun[] }> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  // Read the files where they are; never copy them into transformers.js's own cache folder.
  env.useFSCache = false;
  return benchGeneration(
    async () => ({
      tokenizer: await AutoTokenizer.from_pretrained(spec.modelId),
      // transformers.js passes session_options on to InferenceSession.create (backends/onnx.js), filling
      // in only executionProviders, so these thread counts reach onnxruntime-node as they are.
      model: await AutoModelForCausalLM.from_pretrained(spec.modelId, {
        dtype: spec.dtype,
        device: 'cpu',
        session_options: { intraOpNumThreads: spec.threads, interOpNumThreads: 1 },
      }),
    }),
    spec,
    repetitions,
  );
}
