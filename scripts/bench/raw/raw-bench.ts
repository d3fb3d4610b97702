// Node side of the raw baseline: builds the bare page and runs it in a Playwright page. The caller serves
// dist-bench-raw/ at `${origin}/bench-raw/` (cross-origin isolated) and the models at `${origin}/<id>/resolve/main/`.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import type { GenerationSpec } from '../generation-run.ts';
import type { RawResult } from './raw-worker.ts';

export async function buildRawBench(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

export async function runRawBench(
  page: Page,
  origin: string,
  spec: GenerationSpec,
  repetitions: number,
): Promise<RawResult> {
  await page.goto(`${origin}/bench-raw/`);
  await page.waitForFunction(() => window.rawBench !== undefined);
  return page.evaluate(
    ([s, r]) => {
      if (!window.rawBench) throw new Error('window.rawBench is missing');
      return window.rawBench.run(s, r);
    },
    [spec, repetitions] as const,
  );
}
