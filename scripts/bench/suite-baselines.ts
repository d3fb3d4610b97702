// The baselines the app is compared with (raw transformers.js in a bare worker page: P1; native
// onnxruntime: P2), and the figures read from the build and the context builder (P5, P6).
import type { Browser } from '@playwright/test';
import type { GenerationRun, GenerationSpec } from './generation-run.ts';
import { runNative } from './native.ts';
import { measurePromptBuilding } from './prompt-building.ts';
import { measureSearch } from './search.ts';
import { runRawBench } from './raw/raw-bench.ts';
import { measureShell } from './shell-size.ts';
import { figure, ratio, type Figure, type Ratio } from './stats.ts';
import type { AppFigures } from './suite-app.ts';

export interface Results {
  figures: Figure[];
  ratios: Ratio[];
  /** Correctness problems found while measuring (not timings): the run exits non-zero. */
  failures: string[];
  /** Figures the issue asks for that the app cannot give yet, and why. */
  skipped: string[];
}

const speeds = (runs: GenerationRun[]) => runs.map((r) => r.tokensPerSecond);

export async function measureBaselines(
  browser: Browser,
  origin: string,
  modelsDir: string,
  spec: (threads: number, device: GenerationSpec['device']) => GenerationSpec,
  app: AppFigures,
  repetitions: number,
  results: Results,
): Promise<void> {
  const page = await browser.newPage();
  const raw1 = await runRawBench(page, origin, spec(1, 'wasm'), repetitions);
  const rawN = await runRawBench(page, origin, spec(app.cores, 'wasm'), repetitions);
  await page.close();
  const native1 = await runNative(modelsDir, spec(1, 'cpu'), repetitions);
  const nativeN = await runNative(modelsDir, spec(app.cores, 'cpu'), repetitions);

  const rawSpeed = figure(
    'p1.raw.tps',
    'P1 raw transformers.js decode speed, WASM 1 thread',
    'tokens/s',
    speeds(raw1.runs),
  );
  const rawFirst = figure(
    'p1.raw.ttft',
    'P1 raw transformers.js time to first token',
    'ms',
    raw1.runs.map((r) => r.timeToFirstTokenMs),
  );
  const rawSpeedN = figure(
    'p7.raw.tps',
    `P7 raw decode speed, WASM ${rawN.threads} threads`,
    'tokens/s',
    speeds(rawN.runs),
  );
  const nativeSpeed = figure(
    'p2.native.tps',
    'P2 native onnxruntime-node decode speed, 1 thread',
    'tokens/s',
    speeds(native1.runs),
  );
  const nativeSpeedN = figure(
    'p2.nativeN.tps',
    `P2 native decode speed, ${app.cores} threads`,
    'tokens/s',
    speeds(nativeN.runs),
  );
  results.figures.push(rawSpeed, rawFirst, rawSpeedN, nativeSpeed, nativeSpeedN);
  results.ratios.push(
    ratio(
      'p1.tps',
      'P1 app / raw transformers.js (decode speed)',
      app.tokensPerSecond1,
      rawSpeed,
      '1.00 = no overhead; below 1 = the app is slower',
    ),
    ratio(
      'p1.ttft',
      'P1 app / raw transformers.js (time to first token)',
      app.firstToken1,
      rawFirst,
      '1.00 = no overhead; above 1 = the app is slower',
    ),
    ratio(
      'p2',
      'P2 app WASM / native onnxruntime (1 thread)',
      app.tokensPerSecond1,
      nativeSpeed,
      'the price of running in a browser',
    ),
    ratio(
      'p2.n',
      `P2 app WASM / native (${app.cores} threads)`,
      app.tokensPerSecondN,
      nativeSpeedN,
      'the same, multithreaded',
    ),
    ratio(
      'p7.raw',
      `P7 app / raw (${app.cores} threads)`,
      app.tokensPerSecondN,
      rawSpeedN,
      '1.00 = no overhead with threads',
    ),
  );
}

export async function measureBuild(distDir: string, modelsDir: string, quick: boolean, results: Results) {
  const shell = measureShell(distDir);
  const kb = (bytes: number) => [bytes / 1024];
  results.figures.push(
    figure('p5.shellJs', 'P5 app shell JS (UI thread), gzipped', 'KiB', kb(shell.shellJsGzip)),
    figure('p5.shellCss', 'P5 app shell CSS, gzipped', 'KiB', kb(shell.shellCssGzip)),
    figure('p5.workerJs', 'P5 model worker JS (first Load), gzipped', 'KiB', kb(shell.workerJsGzip)),
    figure('p5.ortWasm', 'P5 ONNX Runtime wasm (first Load), gzipped', 'KiB', kb(shell.ortWasmGzip)),
  );
  const [small, large] = quick ? [1_000, 10_000] : [10_000, 100_000];
  const samples = await measurePromptBuilding(modelsDir, [small, large], quick ? 3 : 9);
  const smallFigure = figure(
    'p6.small',
    `P6 prompt building, ${small.toLocaleString('en')} messages`,
    'ms',
    samples.get(small) ?? [],
  );
  const largeFigure = figure(
    'p6.large',
    `P6 prompt building, ${large.toLocaleString('en')} messages`,
    'ms',
    samples.get(large) ?? [],
  );
  results.figures.push(smallFigure, largeFigure);
  results.ratios.push(
    ratio(
      'p6',
      `P6 prompt building ${large / small}× the messages`,
      largeFigure,
      smallFigure,
      `1.00 = flat; ${large / small}.00 = linear`,
    ),
  );
  const searches = await measureSearch([small, large], quick ? 3 : 9);
  const searchSmall = figure('p6.searchSmall', `P6 history search, ${small.toLocaleString('en')} messages`, 'ms', searches.get(small) ?? [], 'fake-indexeddb');
  const searchLarge = figure('p6.searchLarge', `P6 history search, ${large.toLocaleString('en')} messages`, 'ms', searches.get(large) ?? [], 'fake-indexeddb');
  results.figures.push(searchSmall, searchLarge);
  results.ratios.push(ratio('p6.search', `P6 history search ${large / small}× the messages`, searchLarge, searchSmall, `1.00 = flat; ${large / small}.00 = linear`));
}
