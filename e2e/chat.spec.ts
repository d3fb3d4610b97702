import { SCRIPTED_CHAT, SCRIPTED_NO_TEMPLATE, SCRIPTED_SLOW_CHAT, DEMO_MODEL } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

test('loads the scripted model from the local Hub and streams its exact reply', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await expect(page.getByTestId('model-status')).toContainText("format: the model's chat template");
  await send(page, 'Hello there');
  await expect(page.getByRole('article', { name: 'You' }).last()).toContainText('Hello there');
  const reply = assistantMessages(page).last();
  await expect(reply.getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(reply).toContainText('tokens/s');
});

test('the built-in demo model answers with no Hub at all', async ({ page }) => {
  await page.goto('/');
  await loadModel(page, DEMO_MODEL.id);
  await send(page, 'What are you?');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(DEMO_MODEL.reply);
});

test('Stop mid-stream keeps the partial reply', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_SLOW_CHAT.id);
  await send(page, 'Tell me a long story');
  const text = assistantMessages(page).last().getByTestId('message-text');
  await expect(text).toContainText('Sentence 1');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'stopped');
  const partial = (await text.textContent()) ?? '';
  expect(partial.length).toBeGreaterThan(0);
  expect(SCRIPTED_SLOW_CHAT.reply.startsWith(partial)).toBe(true);
  expect(partial.length).toBeLessThan(SCRIPTED_SLOW_CHAT.reply.length);
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled(); // empty box
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
});

test('a reload shows the saved conversation again', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Remember me');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'done'); // saved
  await page.reload();
  await expect(page.getByRole('article', { name: 'You' }).last()).toContainText('Remember me');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

test('a model without a chat template still answers, through the fallback format', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_NO_TEMPLATE.id);
  await expect(page.getByTestId('model-status')).toContainText('format: User:/AI: lines (no chat template)');
  await send(page, 'Hi');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(
    SCRIPTED_NO_TEMPLATE.reply.trim(),
  );
});

test('an unknown model id gives a clear error and keeps the conversation', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await send(page, 'Keep this');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  await page.getByRole('combobox', { name: 'Model' }).fill('forgeai-fixtures/no-such-model');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Could not find "forgeai-fixtures/no-such-model"');
  await expect(page.getByRole('article', { name: 'You' }).last()).toContainText('Keep this');
  await page.reload();
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});
