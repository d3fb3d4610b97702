import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelCache, type CacheTarget } from '../workers/model-cache.ts';
import { bodyOf, bytes, counts, fileUrl, KEY, ok, OTHER, TARGET } from '../workers/model-cache.test-kit.ts';
import { AppDB } from './app-db.ts';
import { clearModelCache, deleteCachedModel, listCachedModels } from './cached-models.ts';

let db: AppDB;
/** Writes the rows the way a real load does; chunks of 10 bytes so files span several. */
let cache: ModelCache;

beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  cache = new ModelCache(db, 10);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

describe('cached model helpers', () => {
  async function storeTwoModels(): Promise<void> {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), ok(bytes(7)));
    await cache.put(fileUrl('onnx/model.onnx'), ok(bytes(35)));
    await cache.finishLoad('fp32', []);
    await cache.beginLoad(OTHER);
    await cache.put(fileUrl('config.json', OTHER.modelId), ok(bytes(8)));
    await cache.put(fileUrl('onnx/model.onnx', OTHER.modelId), ok(bytes(21)));
    await cache.finishLoad('fp32', []);
  }

  it('deleteCachedModel removes the model, its files and their chunks, and nothing of other models', async () => {
    await storeTwoModels();
    expect(await counts(db)).toEqual({ models: 2, files: 4, chunks: 9 });

    await deleteCachedModel(db, KEY);
    expect(await db.cachedModels.get(KEY)).toBeUndefined();
    expect(await db.cachedFiles.where('modelKey').equals(KEY).count()).toBe(0);
    expect(await db.fileChunks.where('url').startsWith(fileUrl('')).count()).toBe(0);
    expect(await counts(db)).toEqual({ models: 1, files: 2, chunks: 4 });
    expect(await bodyOf(await cache.match(fileUrl('onnx/model.onnx', OTHER.modelId)))).toEqual(bytes(21));
  });

  it('clearModelCache removes every model, file and chunk', async () => {
    await storeTwoModels();
    await clearModelCache(db);
    expect(await counts(db)).toEqual({ models: 0, files: 0, chunks: 0 });
  });

  it('listCachedModels lists the most recently used model first', async () => {
    const third: CacheTarget = { ...TARGET, modelId: 'owner/third' };
    for (const target of [TARGET, OTHER, third]) {
      vi.setSystemTime(Date.now() + 1000);
      await cache.beginLoad(target);
      await cache.finishLoad('q8', []);
    }
    expect((await listCachedModels(db)).map((m) => m.modelId)).toEqual(['owner/third', 'owner/other', 'owner/name']);

    // Loading the oldest one again makes it the newest.
    vi.setSystemTime(Date.now() + 1000);
    await cache.beginLoad(TARGET);
    await cache.finishLoad('q8', []);
    expect((await listCachedModels(db)).map((m) => m.modelId)).toEqual(['owner/name', 'owner/third', 'owner/other']);
  });
});
