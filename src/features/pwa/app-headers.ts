// Headers the service worker adds to the app's own files. Static hosts cannot set headers, so this is
// how the app becomes cross-origin isolated (SharedArrayBuffer, so ONNX Runtime can use threads).
import { SANDBOX_PAGE } from '../tools/sandbox/sandbox-page.ts';

/**
 * require-corp rather than credentialless: every Hub download is a CORS request, which require-corp
 * allows, and require-corp works in every browser with service workers (credentialless does not).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/** A copy of `response` with the isolation headers and the Content Security Policy. */
export function withAppHeaders(response: Response, policy: string): Response {
  // Opaque and error responses cannot be rebuilt (and are never the app's own files).
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  headers.set('Content-Security-Policy', policy);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** run_code's sandbox page gets its own policy (which sandboxes it); every other file gets the app's. */
export function policyFor(url: string, scope: string, policies: { app: string; sandbox: string }): string {
  return new URL(url).pathname === new URL(SANDBOX_PAGE, scope).pathname ? policies.sandbox : policies.app;
}
