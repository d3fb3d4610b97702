// The model cache in IndexedDB: a second load needs no download, and a load that is cancelled or fails
// (corrupt or missing file, no network) says why and leaves nothing half-stored behind.
import { SCRIPTED_CHAT, TINY_RANDOM_LLAMA } from '../scripts/fixtures/catalog.ts';
import type { Page } from '@playwright/test';
import {
  assistantMessages,
  cachedRows,
  clearHubFaults,
  expect,
  HUB,
  loadModel,
  openApp,
  send,
  setHubFault,
  test,
} from './fixtures.ts';

const ONNX_Q8 = 'onnx/model_quantized.onnx';
const NOTHING = { models: 0, files: 0, chunks: 0 };

/** Presses Load and waits until the model is ready or an alert says why not; fails fast in the second case. */
async function loadAgain(page: Page, modelId: string): Promise<void> {
  const status = page.getByTestId('model-status');
  await page.getByRole('combobox', { name: 'Model' }).fill(modelId);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(status.getByText(`Ready: ${modelId}`).or(page.getByRole('alert'))).toBeVisible({ timeout: 45_000 });
  const alert = page.getByRole('alert');
  expect((await alert.isVisible()) ? await alert.textContent() : '', 'the alert after Load').toBe('');
  await expect(status).toContainText(`Ready: ${modelId}`, { timeout: 1_000 });
}

test.afterEach(async ({ request }) => {
  await clearHubFaults(request);
});

test('a model loaded once loads again from this device, with no download', async ({ page }) => {
  const resolveRequests: string[] = [];
  const record = (r: { url(): string }) => {
    if (r.url().includes('/resolve/')) resolveRequests.push(r.url());
  };
  await openApp(page);
  page.on('request', record);
  await loadModel(page, SCRIPTED_CHAT.id);
  await expect(page.getByTestId('model-status')).toContainText('downloaded and loaded');
  // The recording sees the worker's downloads, so an empty list below means something.
  expect(resolveRequests.some((url) => url.endsWith(`/${SCRIPTED_CHAT.id}/resolve/main/${ONNX_Q8}`))).toBe(true);
  const stored = await cachedRows(page, SCRIPTED_CHAT.id);
  expect(stored.models).toBe(1);
  expect(stored.files).toBeGreaterThanOrEqual(5);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Load', exact: true })).toBeVisible();
  resolveRequests.length = 0;
  await loadModel(page, SCRIPTED_CHAT.id);
  await expect(page.getByTestId('model-status')).toContainText('loaded from this device');
  await send(page, 'Hello again');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  expect(resolveRequests, 'model file requests during the second load').toEqual([]);
});

test('Cancel stops a download, keeps nothing, and a later Load works', async ({ page, request }) => {
  await setHubFault(request, TINY_RANDOM_LLAMA.id, ONNX_Q8, 'slow');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Model' }).fill(TINY_RANDOM_LLAMA.id);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Loading model' }) });
  // The slow file is on its way (about 2 s in all) when Cancel is pressed.
  await expect(progress).toContainText(`Downloading ${TINY_RANDOM_LLAMA.id}`);
  await expect(progress).toContainText(ONNX_Q8);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toHaveText('Download cancelled. Nothing was kept; press Load to start again.');
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('model-status')).toHaveText('No model loaded.');
  expect(await cachedRows(page, TINY_RANDOM_LLAMA.id)).toEqual(NOTHING);

  await clearHubFaults(request);
  await loadModel(page, TINY_RANDOM_LLAMA.id);
  await expect(page.getByTestId('model-status')).toContainText('downloaded and loaded');
  await expect(page.getByRole('alert')).toBeHidden();
  expect((await cachedRows(page, TINY_RANDOM_LLAMA.id)).models).toBe(1);
});

test('a corrupt ONNX file gives a clear error, is not kept, and the next Load works', async ({ page, request }) => {
  await setHubFault(request, SCRIPTED_CHAT.id, ONNX_Q8, 'corrupt');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Model' }).fill(SCRIPTED_CHAT.id);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`"${SCRIPTED_CHAT.id}"`, { timeout: 45_000 });
  await expect(alert).toContainText(/damaged|not an ONNX/);
  const message = (await alert.textContent()) ?? '';
  test.info().annotations.push({ type: 'corrupt ONNX message', description: message });
  expect(message, 'no stack trace in the message').not.toMatch(/\n\s+at |\.js:\d+:\d+/);
  await expect(page.getByTestId('model-status')).toHaveText('No model loaded.');
  expect(await cachedRows(page, SCRIPTED_CHAT.id)).toEqual(NOTHING);

  await clearHubFaults(request);
  await loadAgain(page, SCRIPTED_CHAT.id);
  await expect(page.getByTestId('model-status')).toContainText('downloaded and loaded');
  await send(page, 'Are you fixed?');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

test('a missing ONNX file gives a clear error, and the next Load works once it is back', async ({ page, request }) => {
  await setHubFault(request, SCRIPTED_CHAT.id, ONNX_Q8, 'missing');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Model' }).fill(SCRIPTED_CHAT.id);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`"${SCRIPTED_CHAT.id}" is missing ${ONNX_Q8}`, { timeout: 45_000 });
  test.info().annotations.push({ type: 'missing ONNX message', description: (await alert.textContent()) ?? '' });
  expect(await cachedRows(page, SCRIPTED_CHAT.id)).toEqual(NOTHING);

  await clearHubFaults(request);
  await loadAgain(page, SCRIPTED_CHAT.id);
  await send(page, 'Hello');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

test('a download cut off mid-way says it was interrupted, keeps nothing, and Load downloads it again', async ({
  page,
  request,
}) => {
  await setHubFault(request, SCRIPTED_CHAT.id, ONNX_Q8, 'cut');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Model' }).fill(SCRIPTED_CHAT.id);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`The download of "${SCRIPTED_CHAT.id}" was interrupted before it finished`, {
    timeout: 45_000,
  });
  await expect(alert).toContainText('press Load to download it again');
  test.info().annotations.push({ type: 'cut download message', description: (await alert.textContent()) ?? '' });
  expect(await cachedRows(page, SCRIPTED_CHAT.id)).toEqual(NOTHING);

  await clearHubFaults(request);
  await loadAgain(page, SCRIPTED_CHAT.id);
  await send(page, 'Are you whole now?');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

test('a server error names the file once, without "error error", and says Load tries again', async ({
  page,
  request,
}) => {
  await setHubFault(request, SCRIPTED_CHAT.id, ONNX_Q8, 'error');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Model' }).fill(SCRIPTED_CHAT.id);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`could not send ${ONNX_Q8} of "${SCRIPTED_CHAT.id}" (Internal server error)`, {
    timeout: 45_000,
  });
  await expect(alert).toContainText('press Load to try again');
  await expect(alert).not.toContainText(/error error/i);
});

test('a missing tokenizer and a damaged config.json are each named, with what to do', async ({ page, request }) => {
  await setHubFault(request, SCRIPTED_CHAT.id, 'tokenizer.json', 'missing');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Model' }).fill(SCRIPTED_CHAT.id);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    `"${SCRIPTED_CHAT.id}" on ${HUB} has no tokenizer.json: the repo lacks the tokenizer file`,
    {
      timeout: 45_000,
    },
  );
  await expect(alert).not.toContainText('weight format');

  await clearHubFaults(request);
  await setHubFault(request, SCRIPTED_CHAT.id, 'config.json', 'corrupt');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(alert).toContainText(`config.json of "${SCRIPTED_CHAT.id}" is not valid JSON`, { timeout: 45_000 });
  expect(await cachedRows(page, SCRIPTED_CHAT.id)).toEqual(NOTHING);
});

test('offline with nothing cached: the alert says the endpoint cannot be reached', async ({ page, context }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Model' }).fill(TINY_RANDOM_LLAMA.id);
  // The picker shows the download size once the model worker has answered: the app is fully started.
  await expect(page.getByText(/Download: [\d.]+ KB \(q8\)/)).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 45_000 });
  await expect(alert).toHaveText(
    `Could not download "${TINY_RANDOM_LLAMA.id}": ${HUB} cannot be reached. Check your connection and the Hub endpoint in Settings. (Failed to fetch)`,
    { timeout: 1_000 },
  );
  await expect(page.getByTestId('model-status')).toHaveText('No model loaded.');
  expect(await cachedRows(page, TINY_RANDOM_LLAMA.id)).toEqual(NOTHING);
});
