// The bare page: exposes window.rawBench for Playwright (scripts/bench/raw/raw-bench.ts) and nothing else.
import type { GenerationSpec } from '../generation-run.ts';
import type { RawReply, RawRequest, RawResult } from './raw-worker.ts';

export interface RawBench {
  run(spec: GenerationSpec, repetitions: number): Promise<RawResult>;
}

declare global {
  interface Window {
    rawBench?: RawBench;
  }
}

function run(spec: GenerationSpec, repetitions: number): Promise<RawResult> {
  // A fresh worker per call, so every run loads into a clean runtime (and frees it afterwards).
  const worker = new Worker(new URL('./raw-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<RawResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<RawReply>) => {
      const reply = event.data;
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.error));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the worker failed to start'));
    worker.postMessage({ spec, repetitions } satisfies RawRequest);
  }).finally(() => worker.terminate());
}

window.rawBench = { run };
document.body.textContent = `rawBench ready (crossOriginIsolated: ${String(self.crossOriginIsolated)})`;
