// Replies render as Markdown with highlighted code and copy buttons; HTML in a reply never runs.
import { SCRIPTED_MARKDOWN } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

test('a reply renders as Markdown; its XSS payloads never run; code blocks copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page);
  await loadModel(page, SCRIPTED_MARKDOWN.id);
  await send(page, 'Format something');
  const reply = assistantMessages(page).last();
  await expect(reply).toHaveAttribute('data-status', 'done');
  const text = reply.getByTestId('message-text');

  await expect(text.locator('strong')).toHaveText('Bold');
  await expect(text.locator('code .hljs-keyword')).toHaveText('const');
  // The payloads are gone from the page, not just blocked.
  await expect(text.locator('script')).toHaveCount(0);
  await expect(text.locator('img[onerror]')).toHaveCount(0);
  await expect(text.locator('img[src]')).toHaveCount(0);
  // The javascript: link keeps its words but loses its target: not a link any more.
  await expect(text.getByRole('link')).toHaveCount(0);
  await text.getByText('link', { exact: true }).click();
  expect(await page.evaluate(() => (globalThis as { xss?: unknown }).xss)).toBeUndefined();
  expect(dialogs).toEqual([]);

  await text.getByRole('button', { name: 'Copy js' }).click();
  await expect(text.getByRole('button', { name: 'Copy js' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('const n = 42;');
});
