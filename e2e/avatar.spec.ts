// The avatar: its design comes from the learned generator and is kept per model; reply tags drive its
// expression and never show in the text.
import { readFile } from 'node:fs/promises';
import { SCRIPTED_EMOTION } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

test('a reply tagged [emotion:happy] makes the avatar happy, and the tag is not shown', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_EMOTION.id);
  const avatar = page.getByTestId('avatar');
  await expect(avatar).toHaveAttribute('data-expression', 'idle');
  await send(page, 'Ask me anything');
  const text = assistantMessages(page).last().getByTestId('message-text');
  await expect(text).toHaveText('What a lovely question! I am glad you asked.');
  await expect(avatar).toHaveAttribute('data-expression', 'happy');
  await expect(text).not.toContainText('[emotion');
  // The emotion fades back to idle after a few seconds.
  await expect(avatar).toHaveAttribute('data-expression', 'idle', { timeout: 10_000 });
  await page.reload();
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(
    'What a lovely question! I am glad you asked.',
  );
});

test('the design is kept per model across a reload, and Regenerate adds a new one', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_EMOTION.id);
  const avatarPanel = page.getByRole('region', { name: 'Avatar' });
  await expect(avatarPanel).toContainText('1 design(s) so far');
  const form = await page.getByTestId('avatar').getAttribute('data-form');
  await page.reload();
  await loadModel(page, SCRIPTED_EMOTION.id);
  await expect(page.getByTestId('avatar')).toHaveAttribute('data-form', form ?? '');
  await avatarPanel.getByRole('button', { name: 'Regenerate' }).click();
  await expect(avatarPanel).toContainText('2 design(s) so far');
  await avatarPanel.getByRole('button', { name: 'Like this design', exact: true }).click();
  await expect(avatarPanel.getByRole('button', { name: 'Like this design', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('the avatar exports as an SVG document and as a PNG image', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_EMOTION.id);
  const avatarPanel = page.getByRole('region', { name: 'Avatar' });
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    avatarPanel.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  const svg = await readFile((await svgDownload.path()) ?? '', 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('<path');
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    avatarPanel.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  const png = await readFile((await pngDownload.path()) ?? '');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(1000);
});
