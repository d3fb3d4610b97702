// `npm run bench [-- --quick]`: our speed against raw transformers.js and native onnxruntime, side by
// side in one run on one machine. Prints a table and writes bench/results.json (quick: results-quick.json).
// Nothing here asserts a timing; it exits non-zero only if a cached load downloads model bytes.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_GENERATION } from '../../src/shared/model-types.ts';
import { BENCH_LLAMA, TINY_RANDOM_LLAMA } from '../fixtures/catalog.ts';
import { createHubServer } from '../hub-server.ts';
import { ensureModel, MODELS_DIR } from './bench-model.ts';
import type { GenerationSpec } from './generation-run.ts';
import { buildRawBench } from './raw/raw-bench.ts';
import { figureTable, ratioTable } from './stats.ts';
import { measureApp, measureWebGpu } from './suite-app.ts';
import { measureBaselines, measureBuild, type Results } from './suite-baselines.ts';
import { machineInfo } from './machine.ts';
import { CPU_LAUNCH } from '../browser-flags.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick;
const root = join(import.meta.dirname, '..', '..');
const model = quick ? TINY_RANDOM_LLAMA : BENCH_LLAMA;
const plan = { repetitions: quick ? 2 : 3, tokens: quick ? 32 : 256, message: 'Tell me about the sea.' };
const settings = { ...DEFAULT_GENERATION, maxNewTokens: plan.tokens };

ensureModel(model);
await buildRawBench();
const server = createHubServer({
  modelsDir: MODELS_DIR,
  appDir: join(root, 'dist'),
  subApps: [{ prefix: '/bench-raw/', dir: join(root, 'dist-bench-raw'), isolated: true }],
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch(CPU_LAUNCH);
const started = Date.now();
const results: Results = { figures: [], ratios: [], failures: [], skipped: [] };
try {
  console.log(`bench: ${model.id}, ${plan.repetitions} repetitions of ${plan.tokens} tokens, on ${origin}`);
  const app = await measureApp(browser, origin, model.id, plan, results);
  const spec = (threads: number, device: GenerationSpec['device']): GenerationSpec => ({
    modelId: model.id,
    dtype: 'q8',
    device,
    threads,
    prompt: app.prompt,
    settings,
  });
  await measureBaselines(browser, origin, MODELS_DIR, spec, app, plan.repetitions, results);
  await measureWebGpu(origin, TINY_RANDOM_LLAMA.id, plan, results);
  await measureBuild(join(root, 'dist'), MODELS_DIR, quick, results);
} finally {
  await browser.close();
  server.close();
}

const report = {
  date: new Date().toISOString(),
  quick,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  machine: { ...machineInfo(), chromium: browser.version() },
  model: { ...model, dtype: 'q8', device: 'wasm' },
  plan,
  settings,
  figures: results.figures,
  ratios: results.ratios,
  skipped: results.skipped,
};
mkdirSync(join(root, 'bench'), { recursive: true });
const file = join(root, 'bench', quick ? 'results-quick.json' : 'results.json');
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${figureTable(results.figures)}\n\n${ratioTable(results.ratios)}\n`);
for (const line of results.skipped) console.log(`skipped: ${line}`);
console.log(`bench: ${report.durationSeconds} s; written to ${file}`);
if (results.failures.length) {
  console.error(`bench: FAILED: ${results.failures.join('; ')}`);
  process.exit(1);
}
