import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MAX_CHARS, MAX_LINES, WORKER_SCRIPT, codeScript } from './sandbox-worker.ts';

interface Message {
  type: string;
  line?: string;
  result?: string;
  error?: string;
}

interface ErrorEvent {
  message: string;
  defaultPrevented: boolean;
  preventDefault: () => void;
}

/**
 * Runs the worker's script in a fresh V8 context, as the worker would: it gets the code's URL and a
 * port, imports the code and runs it. Returns what it sent on the port once its promises settled.
 */
async function runWorker(code: string, importScripts?: (url: string) => void) {
  const messages: Message[] = [];
  const errorListeners: ((event: ErrorEvent) => void)[] = [];
  class MessagePort {
    postMessage(message: Message) {
      messages.push({ ...message }); // a plain copy: the message was made in the other context
    }
  }
  const context = createContext({
    onmessage: null,
    MessagePort,
    console: {},
    setTimeout,
    postMessage: () => messages.push({ type: 'sent to the sandbox page' }),
    addEventListener: (type: string, listener: (event: ErrorEvent) => void) => {
      if (type === 'error') errorListeners.push(listener);
    },
    importScripts:
      importScripts ??
      ((url: string) => {
        expect(url).toBe('blob:code');
        runInContext(codeScript(code), context);
      }),
  });
  context.self = context;
  runInContext(WORKER_SCRIPT, context);
  context.onmessage({ data: 'blob:code', ports: [new MessagePort()] });
  await new Promise((resolve) => setTimeout(resolve, 0));
  /** An error thrown later (in a timer, say), as the worker's global would see it. */
  const throwLater = (message: string) => {
    const event: ErrorEvent = {
      message,
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
    };
    for (const listener of errorListeners) listener(event);
    return event;
  };
  return { messages, context, throwLater };
}

const run = async (code: string) => (await runWorker(code)).messages;

describe('the worker script', () => {
  it('puts the code inside a strict async function', () => {
    expect(codeScript('return 6 * 7;')).toBe("'use strict';\nself.forgeaiCode = async () => {\nreturn 6 * 7;\n};\n");
  });

  it('posts console lines in order, then the returned value as text', async () => {
    expect(await run("console.log('hi', {a:1}); return 6*7;")).toEqual([
      { type: 'console', line: 'hi {"a":1}' },
      { type: 'done', result: '42' },
    ]);
  });

  it('prefixes lines from other console levels with the level', async () => {
    const messages = await run("console.warn('w'); console.info('i'); console.error('e'); console.debug('d');");
    expect(messages.filter((m) => m.type === 'console').map((m) => m.line)).toEqual([
      'warn: w',
      'info: i',
      'error: e',
      'debug: d',
    ]);
  });

  it('shows values JSON cannot write as plain text', async () => {
    const messages = await run(
      'const loop = {}; loop.self = loop; console.log(undefined, null, 1n, loop, [1, "two"], "text");',
    );
    expect(messages[0]).toEqual({ type: 'console', line: 'undefined null 1 [object Object] [1,"two"] text' });
  });

  it('returns strings as they are and objects as JSON', async () => {
    expect((await run("return 'plain';"))[0]).toEqual({ type: 'done', result: 'plain' });
    expect((await run('return { list: [1, 2], ok: true };'))[0]).toEqual({
      type: 'done',
      result: '{"list":[1,2],"ok":true}',
    });
    expect((await run('return 10n ** 20n;'))[0]).toEqual({ type: 'done', result: '100000000000000000000' });
  });

  it('posts done without a result when the code returns nothing', async () => {
    expect(await run('const x = 1;')).toEqual([{ type: 'done', result: undefined }]);
  });

  it('awaits the code, so an awaited value is the result', async () => {
    expect(await run('const v = await Promise.resolve(5); return v * 2;')).toEqual([{ type: 'done', result: '10' }]);
  });

  it('reports a thrown Error with its message', async () => {
    const messages = await run("console.log('before'); throw new Error('boom');");
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({ type: 'console', line: 'before' });
    expect(messages[1].type).toBe('error');
    expect(messages[1].error).toContain('Error: boom');
  });

  it('reports a thrown non-Error value, and a rejected promise', async () => {
    expect(await run("throw 'oops';")).toEqual([{ type: 'error', error: 'oops' }]);
    expect(await run("return Promise.reject('nope');")).toEqual([{ type: 'error', error: 'nope' }]);
    const messages = await run("await Promise.reject(new RangeError('too far'));");
    expect(messages).toHaveLength(1);
    expect(messages[0].error).toContain('RangeError: too far');
  });

  it('runs the code in strict mode', async () => {
    const messages = await run('undeclared = 1;');
    expect(messages[0].type).toBe('error');
    expect(messages[0].error).toContain('undeclared');
  });

  it('still closes the function when the code ends with a line comment', async () => {
    expect(await run('return 1 // the answer')).toEqual([{ type: 'done', result: '1' }]);
  });

  it('reports a syntax error, in words without the browser prefix', async () => {
    const [message] = await run('return 1 +');
    expect(message.type).toBe('error');
    expect(message.error).toMatch(/^SyntaxError: /);
    const chromium = await runWorker('', () => {
      throw new SyntaxError("Failed to execute 'importScripts' on 'WorkerGlobalScope': Unexpected token '}'");
    });
    expect(chromium.messages).toEqual([{ type: 'error', error: "SyntaxError: Unexpected token '}'" }]);
  });

  it('reports an error thrown later, and keeps it from the sandbox page', async () => {
    const { messages, throwLater } = await runWorker('await new Promise(() => {});');
    const event = throwLater('Uncaught Error: later');
    expect(event.defaultPrevented).toBe(true);
    expect(messages).toEqual([{ type: 'error', error: 'Uncaught Error: later' }]);
  });

  it('takes postMessage and its own hook away before the code runs', async () => {
    expect(await run('return [typeof postMessage, typeof self.postMessage, typeof forgeaiCode].join();')).toEqual([
      { type: 'done', result: 'undefined,undefined,undefined' },
    ]);
  });
});

describe('the output limit in the worker', () => {
  it(`sends at most ${MAX_LINES} lines, then says it reached the limit and sends no more`, async () => {
    const messages = await run("for (let i = 0; i < 100000; i++) console.log('x'); return 'end';");
    expect(messages).toHaveLength(MAX_LINES + 2);
    expect(messages.slice(0, MAX_LINES).every((m) => m.type === 'console' && m.line === 'x')).toBe(true);
    expect(messages[MAX_LINES]).toEqual({ type: 'limit' });
    expect(messages[MAX_LINES + 1]).toEqual({ type: 'done', result: 'end' });
  });

  it(`sends at most ${MAX_CHARS} characters, the last line cut to fit`, async () => {
    const messages = await run("for (let i = 0; i < 1000; i++) console.log('x'.repeat(1500));");
    expect(messages.map((m) => m.line?.length ?? m.type)).toEqual([1500, 1500, 1000, 'limit', 'done']);
  });

  it('holds even when the code replaces the functions the worker uses', async () => {
    const messages = await run(`
      String.prototype.slice = () => 'patched';
      Array.prototype.join = function () { return 'y'.repeat(10000); };
      const stolen = [];
      MessagePort.prototype.postMessage = function () { stolen.push(this); };
      console.log('a');
      console.log('b');
      return 'z'.repeat(10000);`);
    expect(messages).toEqual([
      { type: 'console', line: 'y'.repeat(MAX_CHARS) },
      { type: 'limit' },
      { type: 'done', result: 'z'.repeat(MAX_CHARS) },
    ]);
  });
});
