import { join } from 'node:path';
import { SCRIPTED_CHAT, TINY_RANDOM_LLAMA } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

const usage = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

test('the library lists a downloaded model; Delete removes it and frees its space', async ({ page }) => {
  await openApp(page);
  await loadModel(page, TINY_RANDOM_LLAMA.id);
  await page.getByText('Downloaded models').click();
  const list = page.getByRole('list', { name: 'Downloaded models' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(TINY_RANDOM_LLAMA.id);
  await expect(list).toContainText('q8');
  await expect(page.getByTestId('storage-usage')).toContainText('This site uses');
  const before = await usage(page);

  await page.getByRole('button', { name: `Delete ${TINY_RANDOM_LLAMA.id}` }).click();
  await expect(page.getByText('No models downloaded yet.')).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('forgeai');
        open.onsuccess = () => {
          const count = open.result.transaction('fileChunks').objectStore('fileChunks').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(stored).toBe(0);
  // The q8 file alone is ~290 KB; the browser's estimate drops once IndexedDB lets go of the blobs.
  await expect.poll(() => usage(page), { timeout: 20_000 }).toBeLessThan(before - 200_000);
});

test('a model loaded from a local folder answers with no model requests at all', async ({ page }) => {
  const modelRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/resolve\/|\/api\//.test(request.url())) modelRequests.push(request.url());
  });
  // A Hub endpoint that does not exist: anything trying the network for the model would fail.
  await page.goto('/?hub=http://127.0.0.1:9');
  const folder = join(import.meta.dirname, '..', 'fixtures', 'models', SCRIPTED_CHAT.id);
  await page.getByLabel('Model folder').setInputFiles(folder);
  await expect(page.getByTestId('model-status')).toContainText('Ready: local/scripted-chat', { timeout: 45_000 });
  await send(page, 'Hello from disk');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  await page.getByText('Downloaded models').click();
  await expect(page.getByRole('list', { name: 'Downloaded models' })).toContainText('from a folder');
  expect(modelRequests).toEqual([]);
});
