// The app's own figures: load from the Hub vs from the cache (P3), decode speed and first token through
// the worker, Comlink and the UI (P1b), UI-thread long tasks (P4), 1 vs N threads (P7), WebGPU vs WASM.
import { chromium, type Browser, type Page } from '@playwright/test';
import { WEBGPU_LAUNCH } from '../browser-flags.ts';
import { configure, countModelBytes, generate, loadModel, openApp, type AppRun } from './app-driver.ts';
import { figure, ratio, type Figure } from './stats.ts';
import type { Results } from './suite-baselines.ts';

export interface Plan {
  repetitions: number;
  tokens: number;
  message: string;
}

export interface AppFigures {
  prompt: string;
  cores: number;
  tokensPerSecond1: Figure;
  firstToken1: Figure;
  tokensPerSecondN: Figure;
}

async function runs(page: Page, plan: Plan): Promise<AppRun[]> {
  const all: AppRun[] = [];
  for (let i = 0; i < plan.repetitions; i++) all.push(await generate(page, plan.message));
  return all;
}

export async function measureApp(browser: Browser, origin: string, modelId: string, plan: Plan, results: Results) {
  const download: number[] = [];
  const cached: number[] = [];
  const cachedBytes: number[] = [];
  let app: AppFigures | undefined;
  for (let rep = 0; rep < plan.repetitions; rep++) {
    const context = await browser.newContext(); // empty IndexedDB: the first load downloads
    const bytes = countModelBytes(context);
    const page = await context.newPage();
    await openApp(page, origin, false);
    await page.getByTestId('offline-state').getByText('Works offline').waitFor({ timeout: 120_000 });
    await configure(page, { threads: 1, maxNewTokens: plan.tokens });
    const first = await loadModel(page, modelId);
    if (!first.status.includes('downloaded')) throw new Error(`first load did not download: ${first.status}`);
    download.push(first.ms);
    await page.reload(); // the service worker now serves the page: cross-origin isolated from here on
    bytes.bytes = 0;
    bytes.requests = 0;
    const second = await loadModel(page, modelId);
    if (!second.status.includes('loaded from this device')) throw new Error(`not from the cache: ${second.status}`);
    cached.push(second.ms);
    cachedBytes.push(bytes.bytes);
    if (rep === 0) app = await measureGeneration(page, modelId, plan, results);
    await context.close();
  }
  const fromHub = figure('p3.download', 'P3 load, first download from the local Hub', 'ms', download);
  const fromCache = figure('p3.cache', 'P3 load from the IndexedDB cache', 'ms', cached);
  results.figures.push(
    fromHub,
    fromCache,
    figure('p3.cacheBytes', 'P3 model bytes fetched on the cached load', 'bytes', cachedBytes, 'must be 0'),
  );
  results.ratios.push(
    ratio('p3', 'P3 cached load / first download', fromCache, fromHub, 'below 1 = the cache is faster'),
  );
  if (cachedBytes.some((b) => b > 0)) results.failures.push('a cached load fetched model bytes');
  if (!app) throw new Error('no generation measured');
  return app;
}

async function measureGeneration(page: Page, modelId: string, plan: Plan, results: Results) {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const one = await runs(page, plan);
  const tokens = figure(
    'app.tokens',
    'tokens per reply (app, 1 thread)',
    'tokens',
    one.map((r) => r.tokens),
  );
  const tokensPerSecond1 = figure(
    'p1.app.tps',
    'P1 app decode speed, WASM 1 thread',
    'tokens/s',
    one.map((r) => r.tokensPerSecond),
  );
  const firstToken1 = figure(
    'p1.app.ttft',
    'P1 app time to first token (worker)',
    'ms',
    one.map((r) => r.timeToFirstTokenMs),
  );
  results.figures.push(
    tokens,
    tokensPerSecond1,
    firstToken1,
    figure(
      'p1.app.uiFirst',
      'P1 app Enter → first text on screen',
      'ms',
      one.map((r) => r.uiFirstTextMs),
    ),
    figure(
      'p1.app.uiDone',
      'P1 app Enter → reply done',
      'ms',
      one.map((r) => r.uiDoneMs),
    ),
    figure(
      'p4.longTasks',
      `P4 UI long tasks (>50 ms) while ${plan.tokens} tokens stream`,
      'tasks',
      one.map((r) => r.longTasks),
    ),
    figure(
      'p4.longest',
      'P4 longest UI task while streaming',
      'ms',
      one.map((r) => r.longestTaskMs),
      '0 = none over 50 ms',
    ),
  );
  await configure(page, { threads: cores, maxNewTokens: plan.tokens });
  const loaded = await loadModel(page, modelId);
  if (!loaded.status.includes(`${cores} threads`) && cores > 1) throw new Error(`threads not in use: ${loaded.status}`);
  const many = await runs(page, plan);
  const tokensPerSecondN = figure(
    'p7.app.tps',
    `P7 app decode speed, WASM ${cores} threads`,
    'tokens/s',
    many.map((r) => r.tokensPerSecond),
  );
  results.figures.push(tokensPerSecondN);
  results.ratios.push(
    ratio(
      'p7',
      `P7 app ${cores} threads / 1 thread (decode)`,
      tokensPerSecondN,
      tokensPerSecond1,
      'above 1 = threads help',
    ),
  );
  return { prompt: one[0].prompt, cores, tokensPerSecond1, firstToken1, tokensPerSecondN } satisfies AppFigures;
}

/** WebGPU vs WASM on the small model, fp32 on both. Here the adapter is SwiftShader (software). */
export async function measureWebGpu(origin: string, modelId: string, plan: Plan, results: Results): Promise<void> {
  const browser = await chromium.launch(WEBGPU_LAUNCH);
  try {
    const page = await browser.newPage();
    await openApp(page, origin, false);
    const speeds: Record<string, number[]> = {};
    for (const device of ['webgpu', 'wasm']) {
      await configure(page, { device, threads: device === 'wasm' ? 1 : undefined, maxNewTokens: plan.tokens });
      const loaded = await loadModel(page, modelId, 'fp32');
      const expected = device === 'webgpu' ? 'WebGPU' : 'WASM';
      if (!loaded.status.includes(expected)) throw new Error(`expected ${expected}: ${loaded.status}`);
      speeds[device] = (await runs(page, plan)).map((r) => r.tokensPerSecond);
    }
    const note = 'software adapter (SwiftShader): not a GPU figure';
    const gpu = figure('gpu.webgpu', `WebGPU decode speed (${modelId}, fp32)`, 'tokens/s', speeds.webgpu, note);
    const cpu = figure('gpu.wasm', `WASM 1 thread decode speed (${modelId}, fp32)`, 'tokens/s', speeds.wasm);
    results.figures.push(gpu, cpu);
    results.ratios.push(
      ratio('gpu', 'WebGPU / WASM (SwiftShader: software adapter)', gpu, cpu, 'flagged: no real GPU here'),
    );
  } finally {
    await browser.close();
  }
}
