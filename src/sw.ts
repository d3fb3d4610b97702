// The service worker: keeps the app (shell, model worker, ONNX Runtime's wasm, the demo model) offline,
// adds the headers that make the page cross-origin isolated, and only updates when the user says so.
/// <reference lib="webworker" />
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PrecacheEntry } from 'workbox-precaching';
import { policyFor, withAppHeaders } from './features/pwa/app-headers.ts';
import { escapeRegExp } from './shared/regexp.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };
declare const __FORGEAI_CSP__: string;
declare const __FORGEAI_SANDBOX_CSP__: string;

const policies = { app: __FORGEAI_CSP__, sandbox: __FORGEAI_SANDBOX_CSP__ };
addPlugins([
  {
    handlerWillRespond: async ({ request, response }) =>
      withAppHeaders(response, policyFor(request.url, self.registration.scope, policies)),
  },
]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The app has no routes: only its own start page is answered from the cache. Other pages on the same
// origin (another app in a sub-folder, say) go to the network as if this worker did not exist.
const scopePath = new URL(self.registration.scope).pathname;
const startPage = new RegExp(`^${escapeRegExp(scopePath)}(index\\.html)?(\\?.*)?$`);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [startPage] }));

// A new version waits until the user presses "Reload" (never under a running reply).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes over open pages at once, so they work offline without a reload.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
