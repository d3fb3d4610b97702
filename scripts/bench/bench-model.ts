// The benchmark model: generated once with the fixture generator, then reused.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LlamaFixture } from '../fixtures/catalog.ts';

const root = join(import.meta.dirname, '..', '..');
export const MODELS_DIR = join(root, 'fixtures', 'models');

export function ensureModel(fixture: LlamaFixture): void {
  if (existsSync(join(MODELS_DIR, fixture.id, 'onnx', 'model_quantized.onnx'))) return;
  console.log(`bench: generating ${fixture.id} (random weights; about a minute)…`);
  const args = {
    'llama-id': fixture.id,
    layers: fixture.layers,
    hidden: fixture.hiddenSize,
    heads: fixture.heads,
    'kv-heads': fixture.kvHeads,
    intermediate: fixture.intermediateSize,
    vocab: fixture.vocabSize,
    context: fixture.maxPositions,
  };
  const flags = Object.entries(args).flatMap(([key, value]) => [`--${key}`, String(value)]);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-fixtures.ts', ...flags], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`generating ${fixture.id} failed`);
}
