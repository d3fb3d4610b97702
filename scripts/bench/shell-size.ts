// P5: what a first visit downloads before the app can draw, from the build output (gzip, as served).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ShellSize {
  /** The UI thread's JavaScript: what the page needs before it can draw. */
  shellJsGzip: number;
  shellCssGzip: number;
  /** The model worker's JavaScript (transformers.js), fetched on the first Load. */
  workerJsGzip: number;
  /** ONNX Runtime's wasm, fetched on the first Load (and precached for offline use). */
  ortWasmGzip: number;
}

export function measureShell(distDir: string): ShellSize {
  const assets = join(distDir, 'assets');
  const gzipOf = (match: (name: string) => boolean) =>
    readdirSync(assets)
      .filter(match)
      .reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
  return {
    shellJsGzip: gzipOf((n) => n.startsWith('index-') && n.endsWith('.js')),
    shellCssGzip: gzipOf((n) => n.endsWith('.css')),
    workerJsGzip: gzipOf((n) => n.startsWith('model.worker-') && n.endsWith('.js')),
    ortWasmGzip: gzipOf((n) => n.endsWith('.wasm')),
  };
}
