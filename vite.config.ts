import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, parseConnectSources } from './src/features/pwa/csp.ts';
import { SANDBOX_PAGE, sandboxPage } from './src/features/tools/sandbox/sandbox-page.ts';

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

/** The policy goes into index.html as a <meta> tag (static hosts cannot send headers). */
function contentSecurityMeta(policy: string): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

/** run_code's sandbox page (see code-sandbox.ts): emitted by the build, answered by the dev server. */
function sandboxPageFile(html: string): Plugin {
  return {
    name: 'sandbox-page',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!(req.url ?? '').split('?')[0].endsWith(`/${SANDBOX_PAGE}`)) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(html);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SANDBOX_PAGE, source: html });
    },
  };
}

const sandbox = await sandboxPage(
  readFileSync(new URL('./src/features/tools/sandbox/sandbox-frame.js', import.meta.url), 'utf8'),
);

const policy = contentSecurityPolicy(parseConnectSources(process.env.FORGEAI_CONNECT_SRC));

const THEME = '#e8590c';

export default defineConfig({
  // Relative by default so the build works from any folder; BASE=/sub/path/ for a fixed sub-path.
  base: process.env.BASE ?? './',
  // The service worker sends these as headers: the app's policy, and sandbox.html's own.
  define: { __FORGEAI_CSP__: JSON.stringify(policy), __FORGEAI_SANDBOX_CSP__: JSON.stringify(sandbox.headerPolicy) },
  plugins: [
    svelte(),
    modelFiles404(),
    contentSecurityMeta(policy),
    sandboxPageFile(sandbox.html),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // src/features/pwa/app-updates.svelte.ts registers it and asks before updating.
      injectRegister: false,
      registerType: 'prompt',
      // The icons are in the glob below already.
      includeManifestIcons: false,
      injectManifest: {
        // The app shell, the model worker, ONNX Runtime's wasm (27 MB) and the small demo model.
        globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,png,json,onnx}'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
      manifest: {
        id: './',
        name: 'ForgeAI — chat with Hugging Face models in your browser',
        short_name: 'ForgeAI',
        description: 'Chat with Hugging Face models entirely in your browser: no server, no account, works offline.',
        // Relative to the manifest, so the same build works under any folder.
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: THEME,
        background_color: '#f7f7f8',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  // transformers.js ships prebuilt; pre-bundling it breaks its worker/wasm URLs in dev.
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
});
