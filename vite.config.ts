import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Vite's dev and preview servers answer unknown paths with index.html. For model files that is
 * poison (a 200 HTML page would be cached as a model file), so missing files under /models/ get a 404.
 */
function modelFiles404(): Plugin {
  const guard =
    (root: string) =>
    (req: { url?: string }, res: { statusCode: number; end: (s: string) => void }, next: () => void) => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]);
      if (path.includes('/models/') && !existsSync(join(root, path.slice(path.indexOf('/models/'))))) {
        res.statusCode = 404;
        res.end('Entry not found');
        return;
      }
      next();
    };
  return {
    name: 'model-files-404',
    configureServer(server) {
      server.middlewares.use(guard(join(server.config.root, 'public')));
    },
    configurePreviewServer(server) {
      server.middlewares.use(guard(server.config.build.outDir));
    },
  };
}

export default defineConfig({
  // Relative by default so the build works from any folder; BASE=/sub/path/ for a fixed sub-path.
  base: process.env.BASE ?? './',
  plugins: [svelte(), modelFiles404()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  // transformers.js ships prebuilt; pre-bundling it breaks its worker/wasm URLs in dev.
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
});
