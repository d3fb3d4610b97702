import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sandboxPage, sandboxPolicy } from './sandbox-page.ts';

const script = readFileSync(join(import.meta.dirname, 'sandbox-frame.js'), 'utf8');
const page = await sandboxPage(script);

/** The tokens of one directive of `policy`, or undefined when it is absent. */
function directive(policy: string, name: string): string[] | undefined {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find((tokens) => tokens[0] === name);
  return found?.slice(1);
}

describe('sandboxPolicy', () => {
  const policy = sandboxPolicy('HASH');

  it('allows no network and no images', () => {
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'none'"]);
    expect(directive(policy, 'img-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
    expect(directive(policy, 'form-action')).toEqual(["'none'"]);
  });

  it("runs only its own script and blob: scripts and workers: not 'self', no inline or eval", () => {
    expect(directive(policy, 'script-src')).toEqual(["'sha256-HASH'", 'blob:']);
    expect(directive(policy, 'worker-src')).toEqual(['blob:']);
    expect(policy).not.toMatch(/'self'|'unsafe-|\*|data:|https?:/);
  });
});

describe('sandboxPage', () => {
  const { document } = parseHTML(page.html);

  it("allows exactly its inline script, by the script's sha256", () => {
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(directive(page.policy, 'script-src')).toEqual([`'sha256-${hash}'`, 'blob:']);
    const scripts = document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].textContent).toBe(script);
    expect(page.html).toContain(`<script>${script}</script>`);
  });

  it('puts its policy first in <head>, before anything it must cover', () => {
    const first = document.head.firstElementChild;
    expect(first?.tagName).toBe('META');
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(page.policy);
    expect(document.body.children).toHaveLength(0);
  });

  it('sends the same policy as a header, which also sandboxes the page to an opaque origin with scripts only', () => {
    expect(page.headerPolicy).toBe(`sandbox allow-scripts; ${page.policy}`);
  });

  it('has a script whose hash holds whatever charset the page is read in', () => {
    expect(script).toMatch(/^[\x20-\x7e\n]*$/);
    expect(script).not.toMatch(/<\/script/i);
  });
});

describe('the sandbox page script', () => {
  interface Started {
    worker: string;
    options: unknown;
    message: unknown;
    transfer: unknown[];
  }

  /** Runs the page's script with a stand-in window; returns its message listener and what it started. */
  function loadPage(pageOrigin = 'null') {
    const parent = { name: 'the app' };
    const started: Started[] = [];
    const blobs: string[] = [];
    let listener: ((event: unknown) => void) | undefined;
    class Worker {
      constructor(
        readonly url: string,
        readonly options: unknown,
      ) {}
      postMessage(message: unknown, transfer: unknown[]) {
        started.push({ worker: blobs[Number(this.url.slice(5))], options: this.options, message, transfer });
      }
    }
    runInNewContext(script, {
      parent,
      origin: pageOrigin,
      addEventListener: (type: string, handler: (event: unknown) => void) => {
        if (type === 'message') listener = handler;
      },
      Blob: class {
        constructor(readonly parts: string[]) {}
      },
      URL: { createObjectURL: (blob: { parts: string[] }) => `blob:${blobs.push(blob.parts.join('')) - 1}` },
      Worker,
    });
    const send = (source: unknown, ports: unknown[] = ['port']) =>
      listener?.({ source, ports, data: { worker: 'worker script', code: 'code script' } });
    return { parent, started, blobs, send };
  }

  it("starts one worker from the app's first message and hands it the code and the port", () => {
    const { parent, started, blobs, send } = loadPage();
    send(parent);
    expect(started).toEqual([
      { worker: 'worker script', options: { name: 'run_code' }, message: 'blob:1', transfer: ['port'] },
    ]);
    expect(blobs[1]).toBe('code script');
    send(parent);
    expect(started).toHaveLength(1);
  });

  it('ignores messages from anyone but the app, and without exactly one port', () => {
    const { parent, started, send } = loadPage();
    send({ name: 'someone else' });
    send(parent, []);
    send(parent, ['a', 'b']);
    expect(started).toEqual([]);
  });

  it('runs nothing when the page is not sandboxed to an opaque origin', () => {
    const { parent, started, send } = loadPage('https://app.example');
    send(parent);
    expect(started).toEqual([]);
  });
});
