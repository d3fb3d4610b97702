import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelCache, type CacheTarget } from '../../workers/model-cache.ts';
import { AppDB } from './app-db.ts';
import { clearModelCache, deleteCachedModel, listCachedModels, modelKey } from './cached-models.ts';

const ENDPOINT = 'http://hub.test';
const TARGET: CacheTarget = { endpoint: ENDPOINT, modelId: 'owner/name', revision: 'main', source: 'hub' };
const OTHER: CacheTarget = { ...TARGET, modelId: 'owner/other' };
const KEY = modelKey(ENDPOINT, 'owner/name', 'main');

function fileUrl(file: string, modelId = TARGET.modelId): string {
  return `${ENDPOINT}/${modelId}/resolve/main/${file}`;
}

function bytes(length: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => (i * 7) % 256);
}

function ok(data: Uint8Array<ArrayBuffer>): Response {
  return new Response(new Blob([data]), { headers: { 'content-type': 'application/octet-stream' } });
}

async function bodyOf(response: Response | undefined): Promise<Uint8Array> {
  expect(response).toBeDefined();
  return new Uint8Array(await (response as Response).arrayBuffer());
}

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

async function counts(): Promise<{ models: number; files: number; chunks: number }> {
  return {
    models: await db.cachedModels.count(),
    files: await db.cachedFiles.count(),
    chunks: await db.fileChunks.count(),
  };
}

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
    expect(await counts()).toEqual({ models: 2, files: 4, chunks: 9 });

    await deleteCachedModel(db, KEY);
    expect(await db.cachedModels.get(KEY)).toBeUndefined();
    expect(await db.cachedFiles.where('modelKey').equals(KEY).count()).toBe(0);
    expect(await db.fileChunks.where('url').startsWith(fileUrl('')).count()).toBe(0);
    expect(await counts()).toEqual({ models: 1, files: 2, chunks: 4 });
    expect(await bodyOf(await cache.match(fileUrl('onnx/model.onnx', OTHER.modelId)))).toEqual(bytes(21));
  });

  it('clearModelCache removes every model, file and chunk', async () => {
    await storeTwoModels();
    await clearModelCache(db);
    expect(await counts()).toEqual({ models: 0, files: 0, chunks: 0 });
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
