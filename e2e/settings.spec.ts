import { SCRIPTED_CHAT, SCRIPTED_CONTEXT_LENGTH } from '../scripts/fixtures/catalog.ts';
import { longestReplyFor, MAX_REPLY_TOKENS } from '../src/shared/reply-limit.ts';
import { assistantMessages, expect, HUB, loadModel, openApp, send, test } from './fixtures.ts';

test('the Hub endpoint set in Settings is saved and used for downloads', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Settings', { exact: true }).click();
  const endpoint = page.getByRole('textbox', { name: 'Hub endpoint' });
  await expect(endpoint).toHaveValue('https://huggingface.co');

  await endpoint.fill('not a url');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('is not a URL');

  await endpoint.fill(`${HUB}/`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.reload();
  await page.getByText('Settings', { exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Hub endpoint' })).toHaveValue(HUB);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Hi');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

test('an endpoint outside the Content Security Policy is refused with what to do about it', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Hub endpoint' }).fill('https://models.example.com');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('not allowed to download from https://models.example.com');
  await expect(page.getByRole('alert')).toContainText('FORGEAI_CONNECT_SRC=https://models.example.com');
});

test('the longest-reply setting is saved and cuts the next reply', async ({ page }) => {
  await page.goto(`/?hub=${encodeURIComponent(HUB)}`);
  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('spinbutton', { name: 'Longest reply (tokens)' }).fill('5');
  await page.getByRole('spinbutton', { name: 'Longest reply (tokens)' }).blur();
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('0');
  await page.getByRole('spinbutton', { name: 'Temperature' }).blur();
  await page.reload();
  await page.getByText('Settings', { exact: true }).click();
  await expect(page.getByRole('spinbutton', { name: 'Longest reply (tokens)' })).toHaveValue('5');
  await expect(page.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('0');

  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Hi');
  const reply = assistantMessages(page).last();
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(reply).toContainText('5 tokens');
  const text = (await reply.getByTestId('message-text').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  expect(SCRIPTED_CHAT.reply.startsWith(text)).toBe(true);
  expect(text.length).toBeLessThan(SCRIPTED_CHAT.reply.length);
});

test('Longest reply at its maximum is capped for the loaded model, and a message still gets its reply', async ({
  page,
}) => {
  await openApp(page);
  await page.getByText('Settings', { exact: true }).click();
  const replyLength = page.getByRole('spinbutton', { name: 'Longest reply (tokens)' });
  await expect(replyLength).toHaveAttribute('max', String(MAX_REPLY_TOKENS));
  await replyLength.fill(String(MAX_REPLY_TOKENS));
  await replyLength.blur();
  await expect(page.getByTestId('reply-limit')).toBeHidden(); // no model yet: nothing to cap against

  await loadModel(page, SCRIPTED_CHAT.id);
  const limit = longestReplyFor(SCRIPTED_CONTEXT_LENGTH);
  await expect(page.getByTestId('reply-limit')).toContainText(`At most ${limit} for this model`);
  await expect(replyLength).toHaveAttribute('max', String(limit));
  await expect(replyLength).toHaveValue(String(MAX_REPLY_TOKENS)); // the setting itself is kept

  await send(page, 'Hi');
  const reply = assistantMessages(page).last();
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(reply.getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  await expect(page.getByRole('alert')).toBeHidden();
});
