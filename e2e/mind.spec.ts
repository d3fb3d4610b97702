// The wants system end to end: what the user says they want shows in the Mind panel, shapes the next
// prompt, moves with thumbs up/down, and survives a reload.
import type { Page } from '@playwright/test';
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

const lastReply = (page: Page) => assistantMessages(page).last();

async function sendAndWait(page: Page, text: string) {
  await send(page, text);
  await expect(lastReply(page)).toHaveAttribute('data-status', 'done');
}

test('a stated interest appears in the Mind panel and in the next prompt, and survives a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Terminal' }).click();
  await loadModel(page, SCRIPTED_CHAT.id);
  await sendAndWait(page, 'I want to learn about music');
  await expect(page.getByRole('log', { name: 'Terminal log' })).toContainText(
    'Learning from interaction (topic: music',
  );

  await page.getByText(/^Mind \(/).click();
  await expect(page.getByRole('list', { name: 'User interests' })).toContainText('music');
  await expect(page.getByRole('list', { name: 'User interests' })).toContainText('learn about music');

  await sendAndWait(page, 'What should I listen to?');
  await lastReply(page).getByText('View prompt').click();
  await expect(lastReply(page).getByTestId('prompt-text')).toContainText('User is interested in: music (motivation:');

  await page.reload();
  await loadModel(page, SCRIPTED_CHAT.id);
  await page.getByText(/^Mind \(/).click();
  await expect(page.getByRole('list', { name: 'User interests' })).toContainText('learn about music');
});

test('thumbs up raises the motivation of the topic the reply was about, thumbs down lowers it', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await sendAndWait(page, 'I love playing chess and other games');
  await page.getByText(/^Mind \(/).click();
  // A topic mentioned once has no motivation yet (it counts as neutral, 0.5) until feedback or a return.
  const motivation = async () => {
    const row = page
      .getByRole('list', { name: 'Motivations' })
      .getByRole('listitem')
      .filter({ hasText: /^gaming/ });
    return (await row.count()) === 0 ? 0.5 : Number((await row.locator('span').last().innerText()).trim());
  };
  await expect(page.getByRole('list', { name: 'User interests' })).toContainText('gaming');
  await lastReply(page).getByRole('button', { name: 'Good reply' }).click();
  await expect.poll(motivation).toBeGreaterThan(0.5);
  const raised = await motivation();
  await lastReply(page).getByRole('button', { name: 'Bad reply' }).click();
  await expect.poll(motivation).toBeLessThan(raised);
  await expect(lastReply(page).getByRole('button', { name: 'Bad reply' })).toHaveAttribute('aria-pressed', 'true');
});

test('goals can be added and progressed, and a training text seeds the mind', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  await page.getByText(/^Mind \(/).click();
  await page.getByRole('textbox', { name: 'New goal' }).fill('Learn jazz history');
  await page.getByRole('spinbutton', { name: 'Priority' }).fill('7');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expect(page.getByRole('list', { name: 'Goals' })).toContainText('Learn jazz history · priority 7');
  await page.getByRole('slider', { name: 'Progress of Learn jazz history' }).fill('0.4');
  await expect(page.getByRole('list', { name: 'Goals' })).toContainText('40%');

  await page
    .getByRole('textbox', { name: 'Training text' })
    .fill('<internal_want>understand how rhythms work</internal_want><motivation_level>music: 0.9</motivation_level>');
  await page.getByRole('button', { name: 'Learn from training text' }).click();
  await expect(page.getByRole('list', { name: 'AI wants' })).toContainText('understand how rhythms work');
  await expect(page.getByRole('list', { name: 'Motivations' })).toContainText('music');
  await page.getByRole('slider', { name: 'Intensity of understand how rhythms work' }).fill('0.9');
  await page.getByRole('spinbutton', { name: 'Half-life in days' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Half-life in days' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.reload();
  await loadModel(page, SCRIPTED_CHAT.id);
  await page.getByText(/^Mind \(/).click();
  await expect(page.getByRole('list', { name: 'Goals' })).toContainText('40%');
  await expect(page.getByRole('list', { name: 'AI wants' })).toContainText('understand how rhythms work');
  await expect(page.getByRole('slider', { name: 'Intensity of understand how rhythms work' })).toHaveValue('0.9');
  await expect(page.getByRole('spinbutton', { name: 'Half-life in days' })).toHaveValue('7');
});
