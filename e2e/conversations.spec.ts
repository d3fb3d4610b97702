// The conversation list: open, rename, pin, and delete with undo.
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

test('conversations can be opened, renamed, pinned, and deleted with undo', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'First topic: rivers');
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'New chat' }).click();
  await send(page, 'Second topic: mountains');
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'done');

  const list = page.getByRole('list', { name: 'Conversations' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // Newest first.
  await expect(list.getByRole('listitem').first()).toContainText('Second topic: mountains');

  await list.getByRole('button', { name: 'First topic: rivers', exact: true }).click();
  await expect(page.getByRole('article', { name: 'You' })).toHaveText(/First topic: rivers/);

  await list.getByRole('button', { name: 'Rename First topic: rivers' }).click();
  await page.getByRole('textbox', { name: 'New title' }).fill('Rivers');
  await page.getByRole('textbox', { name: 'New title' }).press('Enter');
  await expect(list.getByRole('button', { name: 'Rivers', exact: true })).toBeVisible();

  await list.getByRole('button', { name: 'Pin Rivers' }).click();
  await expect(list.getByRole('listitem').first()).toContainText('Rivers');

  await list.getByRole('button', { name: 'Delete Rivers' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'You' })).toHaveCount(0); // it was on screen
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list
    .getByRole('button', { name: /Rivers/ })
    .first()
    .click();
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);

  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('📌 Rivers');
});
