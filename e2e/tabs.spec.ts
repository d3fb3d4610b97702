// Two tabs on one conversation: a tab that starts up (or reloads) while another streams a reply leaves
// that reply alone, and shows it growing until it is done.
import type { Page } from '@playwright/test';
import { SCRIPTED_SLOW_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

interface StoredReply {
  status: string;
  text: string;
}

/** The assistant rows in the database, read with the raw IndexedDB API (not the app's code). */
function storedReplies(page: Page): Promise<StoredReply[]> {
  return page.evaluate(
    () =>
      new Promise<StoredReply[]>((resolve, reject) => {
        const open = indexedDB.open('forgeai');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('messages', 'readonly').objectStore('messages').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            const rows = request.result as { role: string; status: string; text: string }[];
            resolve(rows.filter((r) => r.role === 'assistant').map(({ status, text }) => ({ status, text })));
          };
        };
      }),
  );
}

/** From now on, notes every status an assistant message shows in `page`. */
async function watchStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const note = () =>
      document
        .querySelectorAll('article.message.assistant')
        .forEach((article) => seen.push(article.getAttribute('data-status') ?? ''));
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
    note();
    Reflect.set(window, 'seenStatuses', seen);
  });
  return () => page.evaluate(() => [...new Set(Reflect.get(window, 'seenStatuses') as string[])]);
}

test('a reload in one tab never marks the reply another tab is streaming as stopped', async ({ page, context }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_SLOW_CHAT.id);
  const seenInWriter = await watchStatuses(page);
  await send(page, 'Tell me a long story');
  const writerReply = assistantMessages(page).last();
  await expect(writerReply.getByTestId('message-text')).toContainText('Sentence 1');

  const other = await context.newPage();
  await openApp(other);
  const otherReply = assistantMessages(other).last();
  await expect(otherReply).toHaveAttribute('data-status', 'streaming');
  await other.reload();
  // Shown after its start-up sweep: still streaming, so the sweep left it alone.
  await expect(otherReply).toHaveAttribute('data-status', 'streaming');
  const seenInOther = await watchStatuses(other);
  const partial = (await otherReply.getByTestId('message-text').textContent())?.replace('▍', '') ?? ''; // the cursor
  expect(SCRIPTED_SLOW_CHAT.reply.startsWith(partial)).toBe(true);
  const [row] = await storedReplies(other);
  expect(row.status).not.toBe('stopped');

  // The other tab follows the reply as it grows, to the end (the writer's final text: the reply-length
  // setting may cut the scripted reply short).
  await expect(writerReply).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
  const final = (await writerReply.getByTestId('message-text').textContent()) ?? '';
  expect(final.length).toBeGreaterThan(partial.length);
  expect(SCRIPTED_SLOW_CHAT.reply.startsWith(final)).toBe(true);
  await expect(otherReply).toHaveAttribute('data-status', 'done');
  await expect(otherReply.getByTestId('message-text')).toHaveText(final);
  await expect(otherReply).toContainText('tokens/s');
  expect(await storedReplies(page)).toEqual([{ status: 'done', text: final }]);
  expect(await seenInWriter()).not.toContain('stopped');
  expect(await seenInOther()).not.toContain('stopped');
});

test('a reply whose tab closed mid-way is marked stopped when the app starts again', async ({ page, context }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_SLOW_CHAT.id);
  await send(page, 'Tell me a long story');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toContainText('Sentence 1');
  const other = await context.newPage();
  await openApp(other);
  await expect(assistantMessages(other).last()).toHaveAttribute('data-status', 'streaming');

  await page.close(); // the writer is gone mid-reply: its lock goes with it
  await other.reload();
  const reply = assistantMessages(other).last();
  await expect(reply).toHaveAttribute('data-status', 'stopped');
  const partial = (await reply.getByTestId('message-text').textContent()) ?? '';
  expect(partial.length).toBeLessThan(SCRIPTED_SLOW_CHAT.reply.length);
  expect(SCRIPTED_SLOW_CHAT.reply.startsWith(partial)).toBe(true);
  expect(await storedReplies(other)).toEqual([{ status: 'stopped', text: partial }]);
});
