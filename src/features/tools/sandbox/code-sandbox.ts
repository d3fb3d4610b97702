// Runs JavaScript where it can reach nothing: a worker started by sandbox.html (sandbox-page.ts), a page
// with an opaque origin (none of the app's IndexedDB, caches or files; no access to this page) and its
// own policy, connect-src 'none', which the worker keeps. Its output comes back on a MessagePort of
// ours; the run ends on the result, the output limit, the time limit or Stop, and then the frame is
// removed, which ends the worker (even in an endless loop).
import { SANDBOX_PAGE } from './sandbox-page.ts';
import { OutputCollector, type RunEnd } from './sandbox-output.ts';
import { WORKER_SCRIPT, codeScript } from './sandbox-worker.ts';

export interface CodeRun {
  ok: boolean;
  /** console.log/info/warn/error lines, in order. */
  output: string[];
  /** What the code returned, as text. */
  result?: string;
  error?: string;
  timedOut: boolean;
  durationMs: number;
}

export const DEFAULT_TIME_LIMIT_MS = 5000;

/**
 * The frame for one run. A service worker never serves a frame sandboxed to an opaque origin, so under
 * one the page comes unsandboxed and the worker's header sandboxes it (offline too); without one, the
 * sandbox attribute does. Either way the page refuses to run anything unless its origin is opaque.
 */
function sandboxFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  if (!navigator.serviceWorker?.controller) frame.sandbox.add('allow-scripts');
  frame.title = 'Code sandbox';
  frame.hidden = true;
  frame.src = SANDBOX_PAGE;
  return frame;
}

export function runJavaScript(
  code: string,
  { timeLimitMs = DEFAULT_TIME_LIMIT_MS, signal }: { timeLimitMs?: number; signal?: AbortSignal } = {},
): Promise<CodeRun> {
  const started = performance.now();
  const collector = new OutputCollector();
  return new Promise((resolve) => {
    const frame = sandboxFrame();
    const channel = new MessageChannel();
    const finish = (end: RunEnd, timedOut = false) => {
      // Stop listening first: messages already queued are dropped, not read.
      channel.port1.onmessage = null;
      channel.port1.close();
      frame.remove();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ ...end, output: collector.output, timedOut, durationMs: Math.round(performance.now() - started) });
    };
    const onAbort = () => finish({ ok: false, error: 'Stopped by the user.' });
    const timer = setTimeout(
      () => finish({ ok: false, error: `Stopped after ${timeLimitMs / 1000} s (the time limit).` }, true),
      timeLimitMs,
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    // Only our own port is listened to: nothing from the frame's window is read.
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const end = collector.take(event.data);
      if (end) finish(end);
    };
    frame.addEventListener(
      'load',
      () => {
        // A frame we can see into is not sandboxed (a page served without its sandbox header).
        if (frame.contentDocument) return finish({ ok: false, error: 'The sandbox could not start.' });
        frame.contentWindow?.postMessage({ worker: WORKER_SCRIPT, code: codeScript(code) }, '*', [channel.port2]);
      },
      { once: true },
    );
    document.body.append(frame);
  });
}
