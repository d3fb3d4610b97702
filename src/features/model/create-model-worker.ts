/** The model worker, created the way Vite recognises (it bundles the worker from this exact pattern). */
export function createModelWorker(): Worker {
  return new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' });
}
