// Points transformers.js at our own copy of onnxruntime-web's wasm (never a CDN) and at the chosen Hub.
import { env } from '@huggingface/transformers';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

export function configureRuntime(endpoint: string, numThreads: number): void {
  const wasm = env.backends.onnx.wasm;
  if (!wasm) throw new Error('onnxruntime-web has no WASM backend in this build');
  // Set fields on the existing object: transformers.js keeps a reference to it.
  wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href, mjs: new URL(mjsUrl, self.location.href).href };
  wasm.numThreads = numThreads;
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

export async function hasWebGpuAdapter(): Promise<boolean> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}
