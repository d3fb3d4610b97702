// Memory search: find a message from an older conversation and jump to it.
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

test('search finds a message in an older conversation, highlighted, and opens it there', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Tell me about emperor penguins');
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'New chat' }).click();
  await send(page, 'Something else entirely');
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'done');
  await expect(page.getByRole('article', { name: 'You' })).toHaveCount(1);

  await page.getByText('Search conversations').click();
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('PENGU');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText('penguins');

  await results.getByRole('button').click();
  const found = page.getByRole('article', { name: 'You' }).filter({ hasText: 'emperor penguins' });
  await expect(found).toBeVisible();
  await expect(found).toHaveClass(/found/);
  await expect(page.getByRole('article', { name: 'You' }).filter({ hasText: 'Something else' })).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('walrus');
  await expect(page.getByText('Nothing found for “walrus”.')).toBeVisible();
});
