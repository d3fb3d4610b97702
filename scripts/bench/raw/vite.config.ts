// Builds the bare raw-transformers.js page (scripts/bench/raw/) into dist-bench-raw/ at the repo root:
//   npx vite build --config scripts/bench/raw/vite.config.ts
// No Svelte, no PWA: only what the baseline needs.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../../dist-bench-raw', import.meta.url)),
    emptyOutDir: true,
  },
  // As in the main config: pre-bundling transformers.js breaks its worker/wasm URLs in dev.
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
});
