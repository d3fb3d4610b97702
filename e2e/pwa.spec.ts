// The installable offline app: manifest, service worker, offline start, sub-path builds, threads.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config, { ORIGIN, SUB_PATH } from '../playwright.config.ts';
import { DEMO_MODEL, SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import {
  assistantMessages,
  expect,
  HUB,
  loadModel,
  openApp,
  recordOffHostRequests,
  send,
  test,
  waitForServiceWorker,
} from './fixtures.ts';

test('Chromium finds the app installable: no installability errors', async () => {
  // Installability needs a real profile: Playwright's usual contexts count as incognito.
  const profile = mkdtempSync(join(tmpdir(), 'forgeai-install-'));
  const context = await chromium.launchPersistentContext(profile, { ...config.use?.launchOptions, baseURL: ORIGIN });
  const offHost = recordOffHostRequests(context);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ short_name: 'ForgeAI', display: 'standalone' });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  expect(offHost).toEqual([]);
});

test('offline: the app starts from its service worker and the cached model answers', async ({ page, context }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { name: /ForgeAI/ })).toBeVisible();
  await loadModel(page, SCRIPTED_CHAT.id);
  await expect(page.getByTestId('model-status')).toContainText('loaded from this device');
  await send(page, 'Are you there with the network off?');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

test('a build for a sub-path works under that sub-path: worker, wasm, manifest, service worker, chat', async ({
  page,
}) => {
  // The root build's service worker is installed first: it must leave the sub-folder's pages alone.
  await page.goto('/');
  await waitForServiceWorker(page);

  const opened = await page.goto(`${SUB_PATH}?hub=${encodeURIComponent(HUB)}`);
  expect(opened?.status(), `${SUB_PATH} is served (run npm run build:subpath)`).toBe(200);
  await expect(page.locator(`script[src^="${SUB_PATH}assets/"]`)).toHaveCount(1);
  await waitForServiceWorker(page);
  await page.waitForFunction(
    (path) => navigator.serviceWorker.controller?.scriptURL.endsWith(`${path}sw.js`),
    SUB_PATH,
  );
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${ORIGIN}${SUB_PATH}`);
  const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
  expect(manifestUrl).toBe(`${ORIGIN}${SUB_PATH}manifest.webmanifest`);

  await page.reload(); // now served by the service worker, cross-origin isolated
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Hello from a sub-folder');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);

  // The bundled demo model lives inside the sub-path build too.
  await loadModel(page, DEMO_MODEL.id);
  await send(page, 'And the demo?');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(DEMO_MODEL.reply);
});

test('after the service worker takes over, one reload makes the page isolated and the model uses threads', async ({
  page,
}) => {
  await openApp(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await waitForServiceWorker(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false); // loaded before the worker existed
  if (cores > 1) {
    await page.getByRole('button', { name: `Reload to use ${cores}` }).click();
    await page.waitForFunction(() => crossOriginIsolated);
  } else {
    await page.reload();
  }
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('threads-state')).toHaveText(`Threads: ${cores}`);
  await loadModel(page, SCRIPTED_CHAT.id);
  // The count comes from the model worker: ONNX Runtime's own setting after it started.
  await expect(page.getByTestId('model-status')).toContainText(cores > 1 ? `${cores} threads` : '1 thread');
  await send(page, 'Threads?');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});
