// Deploying a new build: the running app offers "Update available — Reload", never under a running reply.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHubServer } from '../scripts/hub-server.ts';
import { SCRIPTED_SLOW_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, send, test, waitForServiceWorker } from './fixtures.ts';

const root = join(import.meta.dirname, '..');

/** A static host of our own for a copy of the build, so the test can deploy over it. */
async function hostCopyOfBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'forgeai-deploy-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  const server = createHubServer({ modelsDir: join(root, 'fixtures', 'models'), appDir: dir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** What a redeploy changes: the start page, and so its revision in the service worker's precache list. */
    deployNewVersion() {
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      writeFileSync(join(dir, 'index.html'), html.replace('<head>', '<head><meta name="forgeai-build" content="2">'));
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      const updated = sw.replace(/"revision":"[0-9a-f]+","url":"index\.html"/, '"revision":"2","url":"index.html"');
      expect(updated, 'the precache list names index.html with a revision').not.toBe(sw);
      writeFileSync(join(dir, 'sw.js'), updated);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('a new deployment shows "Update available — Reload", held back while a reply streams', async ({ page }) => {
  const host = await hostCopyOfBuild();
  try {
    await page.goto(`${host.origin}/?hub=${encodeURIComponent(host.origin)}`);
    await waitForServiceWorker(page);
    await expect(page.getByText('Update available')).toHaveCount(0);

    host.deployNewVersion();
    await page.reload(); // opening the app again finds the new service worker; the old one keeps serving
    await expect(page.getByText('Update available')).toBeVisible();
    expect(await page.locator('meta[name="forgeai-build"]').count()).toBe(0);

    const reload = page.getByRole('button', { name: 'Reload', exact: true });
    await loadModel(page, SCRIPTED_SLOW_CHAT.id);
    await send(page, 'A long story, please');
    await expect(assistantMessages(page).last().getByTestId('message-text')).toContainText('Sentence 1');
    await expect(reload).toBeDisabled();
    await expect(page.getByText('finish or stop the reply')).toBeVisible();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'stopped');

    await expect(reload).toBeEnabled();
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await expect(page.locator('meta[name="forgeai-build"]')).toHaveAttribute('content', '2');
    await expect(page.getByText('Update available')).toHaveCount(0);
    // The stopped reply was saved before the switch.
    await expect(assistantMessages(page).last()).toContainText('Sentence 1');
  } finally {
    await host.close();
  }
});
