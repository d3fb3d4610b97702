// WebGPU trouble must not leave a dead chat: when loading on WebGPU fails, or the device is lost after
// loading (driver reset, GPU crash), the app switches to WASM, says so, and replies stay the same.
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, clearHubFaults, expect, loadModel, openApp, send, setHubFault, test } from './fixtures.ts';
import { WEBGPU_LAUNCH } from '../scripts/browser-flags.ts';

test.use({ launchOptions: WEBGPU_LAUNCH });

test.afterEach(async ({ request }) => {
  await clearHubFaults(request);
});

test('a model that fails to load on WebGPU is loaded on WASM instead, with a notice', async ({ page, request }) => {
  // On this adapter (no shader-f16) WebGPU picks fp32 (onnx/model.onnx) and WASM picks q8: breaking only
  // the fp32 file makes the WebGPU session fail while the WASM one can succeed.
  await setHubFault(request, SCRIPTED_CHAT.id, 'onnx/model.onnx', 'corrupt');
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  const status = page.getByTestId('model-status');
  await expect(status).toContainText('· WASM (WebGPU failed');
  await expect(status).toContainText('· q8 ·');
  await expect(page.locator('p.notice')).toContainText('switched to WASM');
  await send(page, 'Hello after the fallback');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

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
