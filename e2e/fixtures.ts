// Shared test setup: every test records every request the page makes and fails if any leaves 127.0.0.1.
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { ORIGIN } from '../playwright.config.ts';

export const HUB = ORIGIN;

/** Records every request of `context` (pages, workers, the service worker) that leaves 127.0.0.1. */
export function recordOffHostRequests(context: BrowserContext): string[] {
  const offHost: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1')
      offHost.push(request.url());
  });
  return offHost;
}

export const test = base.extend<{ offHostRequests: string[] }>({
  offHostRequests: [
    async ({ context }, use) => {
      const offHost = recordOffHostRequests(context);
      await use(offHost);
      expect(offHost, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app pointed at the local test Hub. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/?hub=${encodeURIComponent(HUB)}`);
  await expect(page.getByRole('button', { name: 'Load', exact: true })).toBeVisible();
}

/** Waits until the service worker has saved the app and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect(page.getByTestId('offline-state')).toHaveText('Works offline');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

export async function loadModel(page: Page, modelId: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model' }).fill(modelId);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('model-status')).toContainText(`Ready: ${modelId}`, { timeout: 45_000 });
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

export function assistantMessages(page: Page) {
  return page.getByRole('article', { name: 'Assistant' });
}

export type HubFault = 'missing' | 'corrupt' | 'error' | 'slow' | 'cut';

/** Makes one file of one model on the local Hub missing, corrupt, failing, slow or cut off (see scripts/hub-faults.ts). */
export async function setHubFault(request: APIRequestContext, model: string, file: string, fault: HubFault) {
  const params = new URLSearchParams({ model, file, fault });
  const response = await request.post(`${HUB}/__faults?${params}`);
  expect(response.status(), `setting fault ${fault} on ${model}/${file}`).toBe(204);
}

/** Every file of the local Hub served normally again. */
export async function clearHubFaults(request: APIRequestContext) {
  const response = await request.post(`${HUB}/__faults?clear=1`);
  expect(response.status(), 'clearing Hub faults').toBe(204);
}

export interface CachedRows {
  /** cachedModels rows for the model (any endpoint, any revision). */
  models: number;
  /** cachedFiles rows whose URL is one of the model's files. */
  files: number;
  /** fileChunks rows of those files. */
  chunks: number;
}

/**
 * What the model cache holds for `modelId`, read with the raw IndexedDB API (not the app's code).
 * A database the app never created counts as empty and is not created by this check.
 */
export async function cachedRows(page: Page, modelId: string): Promise<CachedRows> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase | undefined>((resolve) => {
      const open = indexedDB.open('forgeai');
      open.onupgradeneeded = () => open.transaction?.abort(); // does not exist yet: leave it so
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(undefined);
    });
    if (!db) return { models: 0, files: 0, chunks: 0 };
    const keys = (store: string) =>
      new Promise<IDBValidKey[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store, 'readonly').objectStore(store).getAllKeys();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const fileUrl = `/${id}/resolve/`;
    try {
      const models = (await keys('cachedModels')).filter((k) => typeof k === 'string' && k.split('|')[1] === id);
      const files = (await keys('cachedFiles')).filter((k) => typeof k === 'string' && k.includes(fileUrl));
      const chunks = (await keys('fileChunks')).filter(
        (k) => Array.isArray(k) && typeof k[0] === 'string' && k[0].includes(fileUrl),
      );
      return { models: models.length, files: files.length, chunks: chunks.length };
    } finally {
      db.close();
    }
  }, modelId);
}
