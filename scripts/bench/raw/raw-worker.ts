// Raw transformers.js in a bare module worker: the baseline the app is compared against. No Comlink, no
// ForgeAI code; only the runtime set-up the app also needs (self-hosted wasm, the local Hub, threads).
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import type { GenerationRun, GenerationSpec } from '../generation-run.ts';
import { benchGeneration } from '../timed-generation.ts';

export interface RawRequest {
  spec: GenerationSpec;
  repetitions: number;
}

export interface RawResult {
  loadMs: number;
  /** Threads ONNX Runtime really used: it drops to 1 when the page is not cross-origin isolated. */
  threads: number;
  runs: GenerationRun[];
}

export type RawReply = { ok: true; result: RawResult } | { ok: false; error: string };

async function run({ spec, repetitions }: RawRequest): Promise<RawResult> {
  const wasm = env.backends.onnx.wasm;
  if (!wasm) throw new Error('onnxruntime-web has no WASM backend in this build');
  // Set fields on the existing object, as onnx-setup.ts does: transformers.js keeps a reference to it.
  wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href, mjs: new URL(mjsUrl, self.location.href).href };
  wasm.numThreads = spec.threads;
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = `${self.location.origin}/`;
  env.useBrowserCache = false;
  // As in the app: load the wasm straight from its URL rather than through transformers.js's cache.
  env.useWasmCache = false;
  const { loadMs, runs } = await benchGeneration(
    async () => ({
      tokenizer: await AutoTokenizer.from_pretrained(spec.modelId),
      model: await AutoModelForCausalLM.from_pretrained(spec.modelId, { dtype: spec.dtype, device: spec.device }),
    }),
    spec,
    repetitions,
  );
  return { loadMs, threads: wasm.numThreads ?? 1, runs };
}

self.onmessage = (event: MessageEvent<RawRequest>) => {
  run(event.data).then(
    (result) => self.postMessage({ ok: true, result } satisfies RawReply),
    (error: unknown) =>
      self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies RawReply),
  );
};
