// Voice with a fake Web Speech API (headless Chromium has no voices and no working recognition): the only
// stub in the suite, at the browser's boundary.
import type { Page } from '@playwright/test';
import { SCRIPTED_CHAT, SCRIPTED_EMOTION } from '../scripts/fixtures/catalog.ts';
import { assistantMessages, expect, loadModel, openApp, test } from './fixtures.ts';

/** Records what is spoken; recognition "hears" an interim then a final phrase. */
async function fakeSpeech(page: Page) {
  await page.addInitScript(() => {
    const spoken: string[] = [];
    class Utterance {
      voice: unknown = null;
      rate = 1;
      pitch = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      onboundary: ((event: { name: string }) => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synthesis = {
      getVoices: () => [{ voiceURI: 'test-voice', name: 'Test Voice', lang: 'en-GB', default: true }],
      speak(utterance: Utterance) {
        spoken.push(utterance.text);
        setTimeout(() => {
          utterance.onboundary?.({ name: 'word' });
          utterance.onend?.();
        }, 20);
      },
      cancel() {},
      addEventListener() {},
    };
    class Recognition {
      onresult: ((event: unknown) => void) | null = null;
      onerror: ((event: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      start() {
        const result = (transcript: string, isFinal: boolean) => ({
          resultIndex: 0,
          results: [{ isFinal, 0: { transcript } }],
        });
        setTimeout(() => this.onresult?.(result('hello', false)), 50);
        setTimeout(() => {
          this.onresult?.(result('hello there', true));
          this.onend?.();
        }, 600);
      }
      stop() {
        this.onend?.();
      }
    }
    Object.assign(globalThis, { spoken, SpeechSynthesisUtterance: Utterance });
    // Chromium has both names (the real one cannot hear anything here).
    for (const name of ['SpeechRecognition', 'webkitSpeechRecognition'])
      Object.defineProperty(globalThis, name, { value: Recognition, configurable: true });
    Object.defineProperty(globalThis, 'speechSynthesis', { value: synthesis, configurable: true });
  });
}

test('auto-speak reads the reply without its tags, sentence by sentence', async ({ page }) => {
  await fakeSpeech(page);
  await openApp(page);
  await page.getByText('Voice', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Speak replies aloud' }).check();
  await expect(page.getByRole('combobox', { name: /Voice for/ })).toContainText('Test Voice (en-GB)');
  await loadModel(page, SCRIPTED_EMOTION.id);
  await page.getByRole('textbox', { name: 'Message' }).fill('Hi');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(assistantMessages(page).last()).toHaveAttribute('data-status', 'done');
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { spoken: string[] }).spoken))
    .toEqual(['What a lovely question!', 'I am glad you asked.']);
  // The setting survives a reload.
  await page.reload();
  await page.getByText('Voice', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Speak replies aloud' })).toBeChecked();
});

test('the microphone shows what it hears as you speak, then sends it', async ({ page }) => {
  await fakeSpeech(page);
  await openApp(page);
  await loadModel(page, SCRIPTED_CHAT.id);
  const box = page.getByRole('textbox', { name: 'Message' });
  await page.getByRole('button', { name: 'Speak a message' }).click();
  await expect(box).toHaveValue('hello');
  await expect(page.getByRole('article', { name: 'You' }).last()).toHaveText(/hello there/);
  await expect(box).toHaveValue('');
  await expect(assistantMessages(page).last().getByTestId('message-text')).toHaveText(SCRIPTED_CHAT.reply);
});

test('without SpeechRecognition the microphone is disabled and says why', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['SpeechRecognition', 'webkitSpeechRecognition'])
      Object.defineProperty(globalThis, name, { value: undefined, configurable: true });
  });
  await openApp(page);
  const mic = page.getByRole('button', { name: 'Speak a message' });
  await expect(mic).toBeDisabled();
  await expect(mic).toHaveAttribute('title', /Speech input is not available in this browser/);
});
