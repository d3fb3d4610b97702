// Tool calling end to end with scripted models: the call is run, shown, logged and fed back, and the
// model's second reply (scripted to differ once a <tool_result> is in its prompt) appears.
import {
  SCRIPTED_CODE,
  SCRIPTED_TOOL_IMAGE,
  SCRIPTED_TOOL_TIME,
  SCRIPTED_TOOL_VIDEO,
  SCRIPTED_TOOL_WRITE,
} from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, send, test } from './fixtures.ts';

test('a get_time call runs, shows the time, and the model answers again with the result', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_TOOL_TIME.id);
  await send(page, 'What time is it?');

  const card = page.getByRole('article', { name: 'Tool get_time' });
  await expect(card).toHaveAttribute('data-status', 'done');
  const year = String(new Date().getFullYear());
  await expect(card.getByTestId('tool-output')).toContainText(year);
  await expect(card).toContainText(/Done in \d+ ms/);

  // First reply: the text around the call, never the raw tag. Second reply: after the result.
  const replies = assistantMessages(page);
  await expect(replies).toHaveCount(2);
  await expect(replies.first().getByTestId('message-text')).toHaveText('Let me do that for you.');
  await expect(replies.last().getByTestId('message-text')).toHaveText(SCRIPTED_TOOL_TIME.replyAfterToolResult ?? '');
  await expect(page.getByTestId('message-text').filter({ hasText: '<tool_call>' })).toHaveCount(0);

  // The second reply's prompt holds the result the model read back.
  await replies.last().getByText('View prompt').click();
  await expect(replies.last().getByTestId('prompt-text')).toContainText(
    '<tool_result>{"tool":"get_time","success":true',
  );

  // Every step is in the terminal log.
  await page.getByRole('button', { name: 'Terminal' }).click();
  const log = page.getByRole('log', { name: 'Terminal log' });
  await expect(log).toContainText('Giving 1 tool result(s) back');
  const lines = (await log.innerText()).split('\n');
  const steps = [
    '[INFO] Detected 1 tool call(s)',
    '[INFO] Executing tool: get_time',
    '[OK] Tool get_time succeeded in',
    '[INFO] Giving 1 tool result(s) back to the model (round 1 of at most 5)',
    `[OK] Generated ${SCRIPTED_TOOL_TIME.replyAfterToolResult?.length} characters`,
  ].map((step) => lines.findIndex((line) => line.includes(step)));
  expect(steps.every((index) => index >= 0)).toBe(true);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));

  // The call is counted in the model's tool usage (Mind panel).
  await page.getByText(/^Mind \(/).click();
  const usage = page.getByRole('table', { name: 'Tool use' });
  await expect(usage.getByRole('row', { name: /get_time/ }).getByRole('cell')).toHaveText([
    'get_time',
    '1',
    '1',
    '0',
    /\d+ ms/,
    /\d/,
  ]);
});

test('write_file asks first: Deny feeds back "denied", Allow writes the file shown in the Files panel', async ({
  page,
}) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_TOOL_WRITE.id);
  const dialog = page.getByRole('dialog', { name: 'Allow write_file?' });
  const cards = page.getByRole('article', { name: 'Tool write_file' });

  await send(page, 'Save a note for me');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('notes/hello.txt');
  await dialog.getByRole('button', { name: 'Deny' }).click();
  await expect(cards.last().getByTestId('tool-output')).toHaveText('Denied by the user.');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(
    SCRIPTED_TOOL_WRITE.replyAfterToolResult ?? '',
  );
  await assistantMessages(page).last().getByText('View prompt').click();
  await expect(assistantMessages(page).last().getByTestId('prompt-text')).toContainText(
    '{"tool":"write_file","success":false,"error":"Denied by the user."}',
  );

  await page.getByText('Files', { exact: true }).click();
  const files = page.getByRole('list', { name: 'Workspace files' });
  await expect(page.getByText('No files yet.')).toBeVisible();

  // The scripted model calls its tool only while no result is in its prompt: a new chat each time.
  const newChat = () => page.getByRole('button', { name: 'New chat' }).click();
  await newChat();
  await send(page, 'Save it after all');
  await dialog.getByRole('button', { name: 'Allow once' }).click();
  await expect(cards.last().getByTestId('tool-output')).toContainText('Saved notes/hello.txt (20 bytes)');
  await expect(files).toContainText('notes/hello.txt');

  // The file holds what the model wrote.
  const download = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Download notes/hello.txt' }).click();
  const saved = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(saved, 'utf8')).toBe('Hello from the model');

  // "Always allow" is remembered (and listed in Settings, where it can be undone).
  await newChat();
  await send(page, 'And once more');
  await dialog.getByRole('button', { name: 'Always allow this tool' }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.last()).toHaveAttribute('data-status', 'done');
  await newChat();
  await send(page, 'Again, without asking');
  await expect(cards).toHaveCount(1);
  await expect(cards.last().getByTestId('tool-output')).toContainText('Saved notes/hello.txt');
  await expect(dialog).toBeHidden();
  await page.getByText('Settings', { exact: true }).click();
  const permissions = page.getByRole('list', { name: 'Tool permissions' });
  await expect(permissions).toContainText('write_file — writes files: always allowed');
  await permissions.getByRole('button', { name: 'Ask again' }).click();
  await expect(permissions).toContainText('write_file — writes files: asks each time');
});

test('a generate_image call shows the image, offline, and it can be downloaded', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_TOOL_IMAGE.id);
  await send(page, 'Draw me a sunset');
  const card = page.getByRole('article', { name: 'Tool generate_image' });
  const image = card.getByRole('img', { name: 'a sunset over a calm sea' });
  await expect(image).toBeVisible();
  const size = await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size).toEqual([256, 256]);
  // A real picture, not a blank: sample the pixels the page decoded.
  const colours = await image.evaluate((img: HTMLImageElement) => {
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const context = canvas.getContext('2d');
    context?.drawImage(img, 0, 0);
    const data = context?.getImageData(0, 0, img.naturalWidth, img.naturalHeight).data ?? new Uint8ClampedArray();
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(20);
  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Download image' }).click();
  expect((await download).suggestedFilename()).toBe('generate_image.png');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(
    SCRIPTED_TOOL_IMAGE.replyAfterToolResult ?? '',
  );
});

test('code blocks run in a sandbox that cannot see the page or the app data, and is stopped at its time limit', async ({
  page,
}) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_CODE.id);
  await send(page, 'Show me some code');
  const reply = assistantMessages(page).last();
  await expect(reply).toHaveAttribute('data-status', 'done');
  const outputs = reply.getByTestId('code-output');

  await reply.getByRole('button', { name: 'Run code block 1' }).click();
  await expect(outputs.first()).toHaveText(['document: undefined', 'SecurityError', '→ 42'].join('\n'));

  const started = Date.now();
  await reply.getByRole('button', { name: 'Run code block 2' }).click();
  await expect(outputs.nth(1)).toHaveText('Stopped after 5 s (the time limit).', { timeout: 15_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
  // The page stayed responsive while the loop ran: the app is still usable.
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEditable();
});

test('a generate_video call records a WebM animation offline and shows it', async ({ page }) => {
  await openApp(page);
  await loadModel(page, SCRIPTED_TOOL_VIDEO.id);
  await send(page, 'Animate the sea');
  const card = page.getByRole('article', { name: 'Tool generate_video' });
  await expect(card).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const video = card.locator('video');
  await expect(video).toHaveAttribute('aria-label', 'waves on the sea');
  // The browser decodes what MediaRecorder wrote: a 320×240 video.
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => [v.readyState >= 1, v.videoWidth, v.videoHeight]))
    .toEqual([true, 320, 240]);
  await expect(card.getByRole('link', { name: 'Download video' })).toHaveAttribute('download', 'animation.webm');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(
    SCRIPTED_TOOL_VIDEO.replyAfterToolResult ?? '',
  );
});
