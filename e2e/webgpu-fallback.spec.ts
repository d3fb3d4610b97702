// A WebGPU device lost after loading (driver reset, GPU crash) must not leave a dead chat: the app
// switches to WASM, says so, and replies stay the same.
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';
import { WEBGPU_LAUNCH } from '../playwright.config.ts';

test.use({ launchOptions: WEBGPU_LAUNCH });

interface ForgeAiHandle {
  forgeai: { loseGpuDevice(): Promise<boolean> };
}

test('a lost WebGPU device switches the model to WASM, with a notice, and replies stay exact', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  const status = page.getByTestId('model-status');
  await expect(status).toContainText('WebGPU (');
  await send(page, 'Hello on the GPU');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);

  const lost = await page.evaluate(() => (globalThis as unknown as ForgeAiHandle).forgeai.loseGpuDevice());
  expect(lost, 'a WebGPU device was in use').toBe(true);
  const notice = page.locator('p.notice');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('The WebGPU device was lost', { timeout: 45_000 });
  await expect(notice).toContainText('WASM');
  test.info().annotations.push({ type: 'device lost notice', description: (await notice.textContent()) ?? '' });
  await expect(status).toContainText(`Ready: ${SCRIPTED_CHAT.id} · WASM (`);
  await expect(status).not.toContainText('WebGPU (');
  await expect(page.getByRole('alert')).toBeHidden();

  await send(page, 'Hello on the CPU');
  const reply = assistantMessages(page).last();
  await expect(reply.getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(assistantMessages(page)).toHaveCount(2);
});
