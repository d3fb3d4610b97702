// One chat turn as the seed describes it: the terminal log shows every step, personas shape the prompt,
// and a long conversation still fits the model's context.
import type { Page } from '@playwright/test';
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

const lastReply = (page: Page) => assistantMessages(page).last();

test("a turn writes the seed's log lines, in order", async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Terminal' }).click();
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Hello log');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'done');
  const log = page.getByRole('log', { name: 'Terminal log' });
  await expect(log).toContainText('Generated');
  const lines = (await log.innerText()).split('\n');
  const order = [
    '[INFO] Loading model forgeai-fixtures/scripted-chat',
    '[OK] Model ready in',
    '[INFO] NEW REQUEST: "Hello log"',
    '[INFO] Building conversation history...',
    '[INFO] History: 0 earlier message(s); prompt',
    `[INFO] Running inference on model ${SCRIPTED_CHAT.id}...`,
    `[OK] Generated ${SCRIPTED_CHAT.reply.length} characters`,
  ].map((step) => lines.findIndex((line) => line.includes(step)));
  expect(order.every((index) => index >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \[(DEBUG|INFO|OK|WARN|ERROR|TOKEN)\] /);

  await page.getByRole('searchbox', { name: 'Filter log' }).fill('NEW REQUEST');
  await expect(log.locator('div')).toHaveCount(1);
});

test('switching persona changes the prompt the model sees', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'First');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'done');
  await lastReply(page).getByText('View prompt').click();
  await expect(lastReply(page).getByTestId('prompt-text')).toContainText('You are Helpful Assistant.');

  await page.getByText('Persona: Helpful Assistant').click();
  await page.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Terse Coder (built in)' });
  await send(page, 'Second');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'done');
  await lastReply(page).getByText('View prompt').click();
  const prompt = lastReply(page).getByTestId('prompt-text');
  await expect(prompt).toContainText('You are Terse Coder.');
  await expect(prompt).toContainText('You keep answers short and to the point.');
  await expect(prompt).not.toContainText('Helpful Assistant');
});

test('a 500-message conversation still answers, and the prompt fits the context', async ({ page }) => {
  await openApp(page);
  // Seed a long conversation straight into IndexedDB, as months of chatting would leave it.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('forgeai');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['conversations', 'messages'], 'readwrite');
    const start = Date.now() - 1_000_000;
    const conversation = tx.objectStore('conversations').add({
      title: 'Long chat',
      modelId: 'forgeai-fixtures/scripted-chat',
      createdAt: start,
      updatedAt: Date.now(),
    });
    conversation.onsuccess = () => {
      for (let i = 0; i < 500; i++) {
        tx.objectStore('messages').add({
          conversationId: conversation.result,
          role: i % 2 === 0 ? 'user' : 'assistant',
          text: `Message number ${i}: a sentence long enough to cost a few tokens in the prompt.`,
          createdAt: start + i,
          modelId: 'forgeai-fixtures/scripted-chat',
          status: 'done',
        });
      }
    };
    await new Promise((resolve) => (tx.oncomplete = resolve));
  });
  await page.reload();
  await expect(page.getByRole('article', { name: 'You' })).toHaveCount(250);
  await page.getByRole('button', { name: 'Terminal' }).click();
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Still there?');
  await expect(lastReply(page).getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  await expect(page.getByRole('log', { name: 'Terminal log' })).toContainText('older ones left out to fit');
  await lastReply(page).getByText('View prompt').click();
  const summary = await lastReply(page)
    .getByText(/Exactly what the model read: \d+ tokens/)
    .innerText();
  const tokens = Number(/(\d+) tokens/.exec(summary)?.[1]);
  expect(tokens).toBeGreaterThan(1000); // plenty of history made it in…
  expect(tokens).toBeLessThanOrEqual(2048 - 200); // …and room was left for the reply
  await expect(lastReply(page).getByTestId('prompt-text')).toContainText('Message number 499');
  await expect(lastReply(page).getByTestId('prompt-text')).not.toContainText('Message number 0:');
});
