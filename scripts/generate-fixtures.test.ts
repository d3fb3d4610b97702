// `npm run fixtures` must give the same bytes every time, or cached test models and e2e baselines drift.
// It runs in throwaway copies of the repository so it never rewrites fixtures other tests are reading.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MODEL_ID, FIXTURES } from './fixtures/catalog.ts';

const REPO = join(import.meta.dirname, '..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const copies: string[] = [];
let first = '';
let second = '';

/** Copies the generator and the sources it imports into a temp folder, runs it there; returns the folder. */
async function generateInCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'forgeai-fixtures-'));
  copies.push(dir);
  await cp(join(REPO, 'scripts'), join(dir, 'scripts'), { recursive: true });
  await cp(join(REPO, 'src'), join(dir, 'src'), { recursive: true });
  await cp(join(REPO, 'package.json'), join(dir, 'package.json')); // "type": "module", for top-level await
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await promisify(execFile)(TSX, ['scripts/generate-fixtures.ts'], { cwd: dir });
  return dir;
}

/** sha256 of every file under `dir`, by path relative to it. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return hashes;
}

beforeAll(async () => {
  [first, second] = await Promise.all([generateInCopy(), generateInCopy()]);
});

afterAll(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('generate-fixtures', () => {
  it('writes byte-identical model folders on every run', async () => {
    const firstHashes = await hashTree(join(first, 'fixtures', 'models'));
    const secondHashes = await hashTree(join(second, 'fixtures', 'models'));

    for (const fixture of FIXTURES) {
      for (const file of ['config.json', 'tokenizer.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx']) {
        expect(firstHashes).toHaveProperty([join(fixture.id, file)]);
      }
    }
    expect(secondHashes).toEqual(firstHashes);
  });

  it('bundles the demo model into public/ exactly as generated', async () => {
    const generated = await hashTree(join(first, 'fixtures', 'models', DEMO_MODEL_ID));
    const bundled = await hashTree(join(first, 'public', 'models', DEMO_MODEL_ID, 'resolve', 'main'));
    expect(Object.keys(generated).length).toBeGreaterThan(0);
    expect(bundled).toEqual(generated);
  });
});
