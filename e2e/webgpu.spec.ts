// With a WebGPU adapter (SwiftShader here: software, slow, but real), the model runs on WebGPU and says so.
import { SCRIPTED_CHAT } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';
import { WEBGPU_LAUNCH } from '../scripts/browser-flags.ts';

test.use({ launchOptions: WEBGPU_LAUNCH });

test('uses WebGPU when the browser has an adapter, and the reply is the same', async ({ page }) => {
  await openApp(page);
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return gpu ? (await gpu.requestAdapter()) !== null : false;
  });
  expect(hasAdapter, 'Chromium with --enable-unsafe-webgpu offers an adapter (SwiftShader)').toBe(true);
  await loadModel(page, SCRIPTED_CHAT.id);
  // No shader-f16 on SwiftShader and the repo has no q4: the automatic choice is fp32.
  await expect(page.getByTestId('model-status')).toContainText('WebGPU (WebGPU adapter found (no shader-f16)) · fp32');
  await send(page, 'Hello on the GPU');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});
