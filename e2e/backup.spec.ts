// Export and backup: a conversation as Markdown, everything as one file, restored into an empty browser.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, recordOffHostRequests, send, test } from './fixtures.ts';

test('back up, start from an empty browser, restore: the same conversation is back; bad files change nothing', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Remember the lighthouse');
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'done');
  await page.getByText('Export and backup').click();

  const markdown = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown' }).click();
  const markdownText = await readFile(await (await markdown).path(), 'utf8');
  expect(markdownText).toContain('**You:**\n\nRemember the lighthouse');
  expect(markdownText).toContain(`**Assistant:**\n\n${SCRIPTED_CHAT.reply}`);

  const backupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up everything' }).click();
  const backupPath = await (await backupDownload).path();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up 1 conversation(s)' })).toBeVisible();

  // A browser profile with nothing in it.
  const fresh = await browser.newContext();
  const offHost = recordOffHostRequests(fresh);
  const other = await fresh.newPage();
  await openApp(other);
  await expect(other.getByRole('article', { name: 'You' })).toHaveCount(0);
  await other.getByText('Export and backup').click();
  const restore = other.getByLabel('Restore a backup…');

  const foreign = join(tmpdir(), `not-a-backup-${Date.now()}.json`);
  await writeFile(foreign, JSON.stringify({ name: 'some other app' }));
  await restore.setInputFiles(foreign);
  await expect(other.getByRole('alert')).toContainText('not a ForgeAI backup');

  await restore.setInputFiles(backupPath);
  await expect(
    other.getByRole('status').filter({ hasText: 'restored 1 conversation(s) and 2 message(s).' }),
  ).toBeVisible();
  await expect(other.getByRole('article', { name: 'You' })).toHaveText(/Remember the lighthouse/);
  await expect(assistantMessages(other).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);

  await restore.setInputFiles(backupPath);
  await expect(other.getByRole('status').filter({ hasText: '1 were already here' })).toBeVisible();
  await other.reload();
  await expect(other.getByRole('article', { name: 'You' })).toHaveCount(1);
  await fresh.close();
  expect(offHost, 'requests that left 127.0.0.1').toEqual([]);
});
