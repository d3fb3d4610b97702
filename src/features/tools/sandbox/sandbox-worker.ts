// The two scripts run_code's worker runs (see code-sandbox.ts): its own, then the model's code. The
// worker's only way out is the MessagePort the app gave it; it sends console lines, then the result.

export const MAX_LINES = 200;
export const MAX_CHARS = 4000;

export type SandboxMessage =
  | { type: 'console'; line: string }
  /** More output than MAX_LINES / MAX_CHARS: the app stops the code. */
  | { type: 'limit' }
  | { type: 'done'; result?: string }
  | { type: 'error'; error: string };

/**
 * The worker's own script. It keeps its own copies of what it relies on (the code may replace
 * prototypes), caps the output before sending it (so a flood never reaches the app), and removes
 * postMessage (its messages would land on the sandbox page's thread, which may be the app's).
 */
export const WORKER_SCRIPT = `'use strict';
onmessage = (start) => {
  onmessage = null;
  const post = MessagePort.prototype.postMessage.bind(start.ports[0]);
  const cut = Function.prototype.call.bind(String.prototype.slice);
  const text = String;
  const json = JSON.stringify;
  delete self.postMessage;
  const show = (value) => { try { return typeof value === 'string' ? value : json(value) ?? text(value); } catch { return text(value); } };
  let lines = 0;
  let chars = 0;
  let full = false;
  const write = (line) => {
    if (full) return;
    if (typeof line !== 'string') line = '';
    const room = ${MAX_CHARS} - chars;
    if (lines < ${MAX_LINES} && line.length <= room) {
      lines += 1;
      chars += line.length;
      return post({ type: 'console', line });
    }
    full = true;
    if (lines < ${MAX_LINES} && room > 0) post({ type: 'console', line: cut(line, 0, room) });
    post({ type: 'limit' });
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug'])
    console[level] = (...args) => write((level === 'log' ? '' : level + ': ') + args.map(show).join(' '));
  const fail = (error) => post({ type: 'error', error: cut(text(error), 0, ${MAX_CHARS}) });
  // An error the code throws later (in a timer, say) ends the run, as it would in a page.
  addEventListener('error', (event) => {
    event.preventDefault();
    fail(event.message);
  });
  try {
    importScripts(start.data);
  } catch (error) {
    // A syntax error: the code never ran.
    return fail(text(error).replace("Failed to execute 'importScripts' on 'WorkerGlobalScope': ", ''));
  }
  const run = self.forgeaiCode;
  delete self.forgeaiCode;
  run().then(
    (value) => post({ type: 'done', result: value === undefined ? undefined : cut(show(value), 0, ${MAX_CHARS}) }),
    (error) => fail((error && error.stack) || error),
  );
};
`;

/** The model's code, inside an async function so it can `await` and `return` a value. */
export function codeScript(code: string): string {
  return `'use strict';\nself.forgeaiCode = async () => {\n${code}\n};\n`;
}
