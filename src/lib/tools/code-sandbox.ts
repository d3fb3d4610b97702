// Runs JavaScript where it cannot touch the app: a worker made from a data: URL has an opaque origin,
// so it has no access to our IndexedDB, files or caches, and no DOM at all. The code is the worker's
// script itself (the app's Content Security Policy forbids eval), so it gives a value with `return`.

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
const MAX_LINES = 200;
const MAX_CHARS = 4000;

/** The worker's script: console capture, then the code inside an async function. */
export function sandboxScript(code: string): string {
  return `'use strict';
const show = (value) => { try { return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value); } catch { return String(value); } };
for (const level of ['log', 'info', 'warn', 'error', 'debug'])
  console[level] = (...args) => postMessage({ type: 'console', line: (level === 'log' ? '' : level + ': ') + args.map(show).join(' ') });
(async () => {
${code}
})().then(
  (value) => postMessage({ type: 'done', result: value === undefined ? undefined : show(value) }),
  (error) => postMessage({ type: 'error', error: String((error && error.stack) || error) }),
);`;
}

function dataUrl(script: string): string {
  const bytes = new TextEncoder().encode(script);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:text/javascript;base64,${btoa(binary)}`;
}

export function runJavaScript(
  code: string,
  { timeLimitMs = DEFAULT_TIME_LIMIT_MS, signal }: { timeLimitMs?: number; signal?: AbortSignal } = {},
): Promise<CodeRun> {
  const started = performance.now();
  const output: string[] = [];
  let chars = 0;
  return new Promise((resolve) => {
    const worker = new Worker(dataUrl(sandboxScript(code)));
    const finish = (run: Omit<CodeRun, 'output' | 'durationMs'>) => {
      worker.terminate();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ ...run, output, durationMs: Math.round(performance.now() - started) });
    };
    const onAbort = () => finish({ ok: false, error: 'Stopped by the user.', timedOut: false });
    const timer = setTimeout(
      () => finish({ ok: false, error: `Stopped after ${timeLimitMs / 1000} s (the time limit).`, timedOut: true }),
      timeLimitMs,
    );
    signal?.addEventListener('abort', onAbort);
    if (signal?.aborted) return onAbort();
    worker.onmessage = (event: MessageEvent<{ type: string; line?: string; result?: string; error?: string }>) => {
      const message = event.data;
      if (message.type === 'console' && output.length < MAX_LINES && chars < MAX_CHARS) {
        const line = (message.line ?? '').slice(0, MAX_CHARS - chars);
        chars += line.length;
        output.push(line);
      } else if (message.type === 'done')
        finish({ ok: true, result: message.result?.slice(0, MAX_CHARS), timedOut: false });
      else if (message.type === 'error')
        finish({ ok: false, error: message.error?.slice(0, MAX_CHARS), timedOut: false });
    };
    // A syntax error stops the script before it runs.
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: event.message || 'The code could not run (syntax error?).', timedOut: false });
    };
  });
}
