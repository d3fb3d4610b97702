// Drives the built app in Chromium the way a person does (Settings, Load, type, Enter), and reads what
// it measured: the worker's own timing (same definitions as the raw and native runs), what the page saw,
// long tasks on the UI thread, and model bytes fetched.
import type { BrowserContext, Page } from '@playwright/test';
import type { GenerationRun } from './generation-run.ts';

export interface AppRun extends GenerationRun {
  /** Enter → first reply text on screen, and → the reply marked done, as the page saw it. */
  uiFirstTextMs: number;
  uiDoneMs: number;
  /** Long tasks (> 50 ms) on the UI thread while the reply streamed. */
  longTasks: number;
  longestTaskMs: number;
  /** Exactly what the model read, so the raw and native runs can be given the same prompt. */
  prompt: string;
}

/** Counts model-file bytes the page (and its workers) fetched from the network. */
export function countModelBytes(context: BrowserContext): { bytes: number; requests: number } {
  const seen = { bytes: 0, requests: 0 };
  context.on('requestfinished', (request) => {
    if (!request.url().includes('/resolve/') || request.method() !== 'GET') return;
    seen.requests++;
    void request.sizes().then((sizes) => (seen.bytes += sizes.responseBodySize));
  });
  return seen;
}

/** Opens the app on the local Hub; with `isolated`, waits for the service worker and reloads (threads). */
export async function openApp(page: Page, origin: string, isolated: boolean): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[] = [];
    Object.assign(globalThis, { benchLongTasks: tasks });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(`${origin}/?hub=${encodeURIComponent(origin)}`);
  if (isolated) {
    await page.getByTestId('offline-state').getByText('Works offline').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the app did not become isolated');
  }
}

export async function configure(page: Page, settings: { threads?: number; maxNewTokens: number; device?: string }) {
  await page.getByText('Settings', { exact: true }).click();
  if (settings.threads !== undefined)
    await page.getByRole('combobox', { name: 'WASM threads' }).selectOption(String(settings.threads));
  await page.getByRole('combobox', { name: 'Device' }).selectOption(settings.device ?? 'auto');
  const length = page.getByRole('spinbutton', { name: 'Longest reply (tokens)' });
  await length.fill(String(settings.maxNewTokens));
  await length.blur();
  await page.getByText('Settings', { exact: true }).click();
}

/** Loads a model through the picker; returns the wall time until "Ready" and the status line. */
export async function loadModel(page: Page, modelId: string, dtype = 'auto'): Promise<{ ms: number; status: string }> {
  await page.getByRole('combobox', { name: 'Model' }).fill(modelId);
  await page.getByRole('combobox', { name: 'Weights' }).selectOption(dtype);
  const started = Date.now();
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const status = page.getByTestId('model-status');
  await status.getByText(`Ready: ${modelId}`).waitFor({ timeout: 300_000 });
  return { ms: Date.now() - started, status: (await status.textContent()) ?? '' };
}

/** One reply in a new chat (so every run reads the same prompt). */
export async function generate(page: Page, message: string): Promise<AppRun> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill(message);
  const seen = await page.evaluate(async () => {
    const tasks = (globalThis as unknown as { benchLongTasks: number[] }).benchLongTasks;
    tasks.length = 0;
    const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]');
    if (!box) throw new Error('no message box');
    const started = performance.now();
    let firstText = 0;
    const done = new Promise<number>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        const reply = [...document.querySelectorAll('article[aria-label="Assistant"]')].at(-1);
        const text = reply?.querySelector('[data-testid="message-text"]')?.textContent?.replace('▍', '').trim();
        if (text && !firstText) firstText = performance.now();
        const status = reply?.getAttribute('data-status');
        if (status === 'done' || status === 'error') {
          observer.disconnect();
          if (status === 'error') reject(new Error(reply?.textContent ?? 'reply failed'));
          else resolve(performance.now());
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const finished = await done;
    return {
      uiFirstTextMs: firstText - started,
      uiDoneMs: finished - started,
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks),
    };
  });
  return { ...seen, ...(await lastReply(page)) };
}

/** The worker's figures and the prompt of the newest reply, read from IndexedDB. */
async function lastReply(page: Page): Promise<GenerationRun & { prompt: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('forgeai');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<{ role: string; stats?: GenerationRun; prompt?: { text: string } }[]>(
      (resolve, reject) => {
        const request = db.transaction('messages').objectStore('messages').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    const reply = all.filter((m) => m.role === 'assistant').at(-1);
    if (!reply?.stats || !reply.prompt) throw new Error('the newest reply has no stats');
    const { tokens, timeToFirstTokenMs, tokensPerSecond } = reply.stats;
    return { tokens, timeToFirstTokenMs, tokensPerSecond, prompt: reply.prompt.text };
  });
}
