// Storage limits: a download that cannot fit is refused before it starts (when the size is known), and a
// disk that fills up mid-download still leaves a working model, with a notice and nothing half-stored.
//
// The quota is lowered for real with CDP (Storage.overrideQuotaForOrigin: IndexedDB writes past it fail
// with QuotaExceededError). Chromium's navigator.storage.estimate() does not show that override: it
// reports `usage + 10 GiB` whatever the quota (seen here in incognito and persistent contexts alike).
import type { CDPSession, Page } from '@playwright/test';
import { TINY_RANDOM_LLAMA } from '../scripts/fixtures/catalog.ts';
import {
  assistantMessages,
  cachedRows,
  clearHubFaults,
  expect,
  HUB,
  send,
  setHubFault,
  test,
  waitForServiceWorker,
} from './fixtures.ts';

const NOTHING = { models: 0, files: 0, chunks: 0 };
const NOT_KEPT =
  'There was not enough storage space to keep this model, so it will download again next time. It works for now.';

test.afterEach(async ({ request }) => {
  await clearHubFaults(request);
});

async function overrideQuota(page: Page, quotaSize: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: HUB, quotaSize });
  const { quota, overrideActive } = await cdp.send('Storage.getUsageAndQuota', { origin: HUB });
  expect(overrideActive && quota === quotaSize, 'the quota override is in force').toBe(true);
  return cdp;
}

async function openWith(page: Page, endpoint: string): Promise<void> {
  await page.goto(`/?hub=${encodeURIComponent(endpoint)}`);
  await expect(page.getByRole('button', { name: 'Load', exact: true })).toBeVisible();
}

async function startLoad(page: Page, modelId: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model' }).fill(modelId);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
}

test('a download bigger than the storage left is refused before it starts', async ({ page }) => {
  const quota = 100_000;
  const cdp = await overrideQuota(page, quota);
  // The app checks the space with navigator.storage.estimate(); make it report the quota the browser enforces.
  await page.addInitScript((enforced) => {
    const estimate = navigator.storage.estimate.bind(navigator.storage);
    navigator.storage.estimate = async () => ({ ...(await estimate()), quota: enforced });
  }, quota);
  const modelRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/resolve/')) modelRequests.push(r.url());
  });
  await openWith(page, HUB);
  await startLoad(page, TINY_RANDOM_LLAMA.id);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`Not enough storage for "${TINY_RANDOM_LLAMA.id}"`);
  test.info().annotations.push({ type: 'quota message', description: (await alert.textContent()) ?? '' });
  await expect(page.getByTestId('model-status')).toHaveText('No model loaded.');
  expect(modelRequests, 'nothing downloaded').toEqual([]);
  expect(await cachedRows(page, TINY_RANDOM_LLAMA.id)).toEqual(NOTHING);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: HUB });
});

test('a quota too small for the model, as Chromium reports it: the model works, is not kept, and says so', async ({
  page,
}) => {
  // No estimate stub: the pre-download check sees `usage + 10 GiB`, so only the write itself can fail.
  const cdp = await overrideQuota(page, 100_000);
  await openWith(page, HUB);
  await startLoad(page, TINY_RANDOM_LLAMA.id);
  await expect(page.getByTestId('model-status')).toContainText(`Ready: ${TINY_RANDOM_LLAMA.id}`, { timeout: 45_000 });
  await expect(page.locator('p.notice')).toContainText(NOT_KEPT);
  await expect(page.getByRole('alert')).toBeHidden();
  expect(await cachedRows(page, TINY_RANDOM_LLAMA.id)).toEqual(NOTHING);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: HUB });
});

test('storage that runs out mid-download (size unknown up front): the model answers, is not kept, and says so', async ({
  page,
  request,
}) => {
  // The ONNX file takes ~2 s, so the JSON files can be seen stored before it fails to fit.
  await setHubFault(request, TINY_RANDOM_LLAMA.id, 'onnx/model_quantized.onnx', 'slow');
  // A mirror without the Hub API: no sizes, so no check before the download.
  await openWith(page, `${HUB}/no-api`);
  // The service worker's precache (27 MB) counts too: measure once it is stored, or it eats the room.
  await waitForServiceWorker(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  // Room for the JSON files (~33 KB) but not for onnx/model_quantized.onnx (~290 KB).
  const cdp = await overrideQuota(page, usage + 150_000);
  await startLoad(page, TINY_RANDOM_LLAMA.id);
  const status = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Loading model' }) });
  await expect
    .poll(async () => (await cachedRows(page, TINY_RANDOM_LLAMA.id)).files, {
      message: 'config.json, tokenizer.json and tokenizer_config.json fit and are stored',
      intervals: [100],
    })
    .toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('model-status')).toContainText(`Ready: ${TINY_RANDOM_LLAMA.id}`, { timeout: 45_000 });
  await expect(status).toBeHidden();
  const notice = page.locator('p.notice');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText(NOT_KEPT);
  test.info().annotations.push({ type: 'not kept notice', description: (await notice.textContent()) ?? '' });
  await expect(page.getByRole('alert')).toBeHidden();
  expect(await cachedRows(page, TINY_RANDOM_LLAMA.id)).toEqual(NOTHING);

  await send(page, 'Hello');
  const reply = assistantMessages(page).last();
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: HUB });
});
