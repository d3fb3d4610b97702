// Shared test setup: every test records every request the page makes and fails if any leaves 127.0.0.1.
import { test as base, expect, type Page } from '@playwright/test';
import { ORIGIN } from '../playwright.config.ts';

export const HUB = ORIGIN;

export const test = base.extend<{ offHostRequests: string[] }>({
  offHostRequests: [
    async ({ context }, use) => {
      const offHost: string[] = [];
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1')
          offHost.push(request.url());
      });
      await use(offHost);
      expect(offHost, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app pointed at the local test Hub. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/?hub=${encodeURIComponent(HUB)}`);
  await expect(page.getByRole('button', { name: 'Load' })).toBeVisible();
}

export async function loadModel(page: Page, modelId: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model' }).fill(modelId);
  await page.getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-status')).toContainText(`Ready: ${modelId}`, { timeout: 45_000 });
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

export function assistantMessages(page: Page) {
  return page.getByRole('article', { name: 'Assistant' });
}
