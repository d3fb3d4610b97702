// Generation must run in the Worker: the page's own scripts never contain transformers.js or onnxruntime.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const dist = join(import.meta.dirname, '..', 'dist');
// Strings that survive minification: onnxruntime's licence banner and transformers.js's KV cache input names.
const RUNTIME_MARKERS = ['ONNX Runtime Web', 'past_key_values'];

/** The scripts index.html loads, and everything they import statically, transitively. */
async function pageScripts(): Promise<Map<string, string>> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Map<string, string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    const code = await readFile(join(dist, file), 'utf8');
    seen.set(file, code);
    for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return seen;
}

test('the UI thread bundle does not contain the model runtime; the worker bundle does', async () => {
  const scripts = await pageScripts();
  expect(scripts.size).toBeGreaterThan(0);
  for (const [file, code] of scripts) {
    for (const marker of RUNTIME_MARKERS) expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
  }
  const assets = await readdir(join(dist, 'assets'));
  const worker = assets.find((f) => f.startsWith('model.worker') && f.endsWith('.js'));
  expect(worker, 'a model.worker chunk in dist/assets').toBeDefined();
  const workerCode = await readFile(join(dist, 'assets', worker as string), 'utf8');
  for (const marker of RUNTIME_MARKERS) expect(workerCode.includes(marker), `worker contains ${marker}`).toBe(true);
});
