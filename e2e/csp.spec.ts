// The Content Security Policy and cross-origin isolation, with a Hub on another origin.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHubServer } from '../scripts/hub-server.ts';
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, send, test, waitForServiceWorker } from './fixtures.ts';

test('inline and string-eval scripts never run; the service worker sends the same policy', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy?.split(/[\s;]+/)).not.toContain("'unsafe-eval'");

  await waitForServiceWorker(page);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toBe(policy);
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');

  const ran = await page.evaluate(async () => {
    const flags = globalThis as unknown as Record<string, unknown>;
    const inline = document.createElement('script');
    inline.textContent = 'window.inlineRan = true';
    document.head.append(inline);
    setTimeout('window.stringEvalRan = true' as unknown as () => void, 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { inline: flags.inlineRan === true, stringEval: flags.stringEvalRan === true };
  });
  expect(ran).toEqual({ inline: false, stringEval: false });
});

test('isolated (require-corp) page downloads from a Hub on another origin, with no policy violations', async ({
  page,
}) => {
  const hub = createHubServer({ modelsDir: join(import.meta.dirname, '..', 'fixtures', 'models') });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  const hubOrigin = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  try {
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(globalThis, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`/?hub=${encodeURIComponent(hubOrigin)}`);
    await waitForServiceWorker(page);
    await page.reload();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await loadModel(page, SCRIPTED_CHAT.id);
    await expect(page.getByTestId('model-status')).toContainText('downloaded and loaded');
    await send(page, 'Hello across origins');
    await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
    expect(await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  } finally {
    hub.closeAllConnections(); // the page keeps idle connections open; close() would wait for them
    await new Promise((resolve) => hub.close(resolve));
  }
});
