// Points transformers.js at our own copy of onnxruntime-web's wasm (never a CDN), our IndexedDB
// model cache, our cancellable fetch, and the chosen Hub endpoint.
import { env } from '@huggingface/transformers';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import type { ModelCache } from './model-cache.ts';
import type { Downloads } from './downloads.ts';

export function configureRuntime(cache: ModelCache, downloads: Downloads): void {
  const wasm = env.backends.onnx.wasm;
  if (!wasm) throw new Error('onnxruntime-web has no WASM backend in this build');
  // Set fields on the existing object: transformers.js keeps a reference to it.
  wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href, mjs: new URL(mjsUrl, self.location.href).href };
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = false;
  env.useCustomCache = true;
  // The wasm is one of the app's own files (the service worker keeps it offline), not a model file.
  env.useWasmCache = false;
  env.customCache = cache;
  env.fetch = downloads.fetch;
}

export function useEndpoint(endpoint: string, numThreads: number): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.numThreads = numThreads;
  env.remoteHost = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

/** Threads ONNX Runtime really uses: it drops to 1 when SharedArrayBuffer is unavailable. */
export function activeThreads(): number {
  return env.backends.onnx.wasm?.numThreads ?? 1;
}

interface GpuAdapterLike {
  features: { has(name: string): boolean };
}

export async function webGpuSupport(): Promise<{ adapter: boolean; shaderF16: boolean }> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  try {
    const adapter = gpu ? await gpu.requestAdapter() : null;
    return { adapter: adapter !== null, shaderF16: adapter?.features.has('shader-f16') ?? false };
  } catch {
    return { adapter: false, shaderF16: false };
  }
}
