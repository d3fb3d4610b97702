import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, HUB, loadModel, send, test } from './fixtures.ts';

test('the Hub endpoint set in Settings is saved and used for downloads', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Settings').click();
  const endpoint = page.getByRole('textbox', { name: 'Hub endpoint' });
  await expect(endpoint).toHaveValue('https://huggingface.co');

  await endpoint.fill('not a url');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('is not a URL');

  await endpoint.fill(`${HUB}/`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.reload();
  await page.getByText('Settings').click();
  await expect(page.getByRole('textbox', { name: 'Hub endpoint' })).toHaveValue(HUB);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Hi');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});
