import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { sandboxScript } from './code-sandbox.ts';

interface Message {
  type: string;
  line?: string;
  result?: string;
  error?: string;
}

/**
 * Runs the worker script in a fresh V8 context, as the worker would, with a postMessage that
 * collects what the script sends, then lets its promises settle.
 */
async function runScript(code: string): Promise<Message[]> {
  const messages: Message[] = [];
  runInNewContext(sandboxScript(code), {
    postMessage: (message: Message) => messages.push(message),
    console: {},
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Plain copies: the messages were made in the other context.
  return messages.map((message) => ({ ...message }));
}

describe('sandboxScript', () => {
  it('puts the code inside an async function after the console capture', () => {
    const script = sandboxScript('return 6 * 7;');
    expect(script.startsWith("'use strict';")).toBe(true);
    expect(script).toContain('(async () => {\nreturn 6 * 7;\n})()');
    expect(script.indexOf('console[level] = ')).toBeLessThan(script.indexOf('return 6 * 7;'));
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) expect(script).toContain(`'${level}'`);
  });

  it('posts console lines in order, then the returned value as text', async () => {
    expect(await runScript("console.log('hi', {a:1}); return 6*7;")).toEqual([
      { type: 'console', line: 'hi {"a":1}' },
      { type: 'done', result: '42' },
    ]);
  });

  it('prefixes lines from other console levels with the level', async () => {
    const messages = await runScript("console.warn('w'); console.info('i'); console.error('e'); console.debug('d');");
    expect(messages.filter((m) => m.type === 'console').map((m) => m.line)).toEqual([
      'warn: w',
      'info: i',
      'error: e',
      'debug: d',
    ]);
  });

  it('shows values JSON cannot write as plain text', async () => {
    const messages = await runScript(
      'const loop = {}; loop.self = loop; console.log(undefined, null, 1n, loop, [1, "two"], "text");',
    );
    expect(messages[0]).toEqual({ type: 'console', line: 'undefined null 1 [object Object] [1,"two"] text' });
  });

  it('returns strings as they are and objects as JSON', async () => {
    expect((await runScript("return 'plain';"))[0]).toEqual({ type: 'done', result: 'plain' });
    expect((await runScript('return { list: [1, 2], ok: true };'))[0]).toEqual({
      type: 'done',
      result: '{"list":[1,2],"ok":true}',
    });
    expect((await runScript('return 10n ** 20n;'))[0]).toEqual({ type: 'done', result: '100000000000000000000' });
  });

  it('posts done without a result when the code returns nothing', async () => {
    const messages = await runScript('const x = 1;');
    expect(messages).toHaveLength(1);
    expect(messages[0].type).toBe('done');
    expect(messages[0].result).toBeUndefined();
  });

  it('awaits the code, so an awaited value is the result', async () => {
    expect(await runScript('const v = await Promise.resolve(5); return v * 2;')).toEqual([
      { type: 'done', result: '10' },
    ]);
  });

  it('reports a thrown Error with its message', async () => {
    const messages = await runScript("console.log('before'); throw new Error('boom');");
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({ type: 'console', line: 'before' });
    expect(messages[1].type).toBe('error');
    expect(messages[1].error).toContain('Error: boom');
    expect(messages.some((m) => m.type === 'done')).toBe(false);
  });

  it('reports a thrown non-Error value as text', async () => {
    expect(await runScript("throw 'oops';")).toEqual([{ type: 'error', error: 'oops' }]);
  });

  it('reports a rejected promise', async () => {
    const messages = await runScript("await Promise.reject(new RangeError('too far'));");
    expect(messages).toHaveLength(1);
    expect(messages[0].type).toBe('error');
    expect(messages[0].error).toContain('RangeError: too far');
  });

  it('reports a returned rejected promise', async () => {
    expect(await runScript("return Promise.reject('nope');")).toEqual([{ type: 'error', error: 'nope' }]);
  });

  it('runs the code in strict mode', async () => {
    const messages = await runScript('undeclared = 1;');
    expect(messages[0].type).toBe('error');
    expect(messages[0].error).toContain('undeclared');
  });

  it('still closes the function when the code ends with a line comment', async () => {
    expect(await runScript('return 1 // the answer')).toEqual([{ type: 'done', result: '1' }]);
  });
});
