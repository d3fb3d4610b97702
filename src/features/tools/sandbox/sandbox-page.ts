// sandbox.html, where run_code's worker is started: one definition for the page and its policy, used by
// the build (vite.config.ts emits the page and gives the header policy to the service worker) and tests.

/** The page's file name, beside index.html. */
export const SANDBOX_PAGE = 'sandbox.html';

export interface SandboxPage {
  html: string;
  /** The policy in the page's <meta> tag. */
  policy: string;
  /** The same as a header, which can also sandbox the page (a <meta> policy cannot). */
  headerPolicy: string;
}

export async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/**
 * No network at all, and scripts only by hash or from blob: (the worker and the code it imports). Not
 * 'self': that would let the code importScripts() anything from the app's host.
 */
export function sandboxPolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}' blob:`,
    'worker-src blob:',
    "connect-src 'none'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page: its policy first in <head> (it covers only what comes after it), then its one inline script. */
export async function sandboxPage(script: string): Promise<SandboxPage> {
  const policy = sandboxPolicy(await sha256Base64(script));
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta charset="utf-8">',
    '<title>ForgeAI code sandbox</title>',
    `<script>${script}</script>`,
    '</head>',
    '<body></body>',
    '</html>',
    '',
  ].join('\n');
  return { html, policy, headerPolicy: `sandbox allow-scripts; ${policy}` };
}
