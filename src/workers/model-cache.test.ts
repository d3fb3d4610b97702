import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../db/app-db.ts';
import { isQuotaError, ModelCache } from './model-cache.ts';
import { bodyOf, bytes, counts, ENDPOINT, fileUrl, KEY, ok, OTHER, OTHER_KEY, TARGET } from './model-cache.test-kit.ts';

function quotaError(): DOMException {
  return new DOMException('full', 'QuotaExceededError');
}

let db: AppDB;
let cache: ModelCache;

beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  cache = new ModelCache(db, 10);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  await db.delete();
});

describe('ModelCache.beginLoad', () => {
  it('creates an incomplete model row the first time and returns the existing row after that', async () => {
    expect(await cache.beginLoad(TARGET)).toBeUndefined();
    const row = await db.cachedModels.get(KEY);
    expect(row).toEqual({
      key: KEY,
      endpoint: ENDPOINT,
      modelId: 'owner/name',
      revision: 'main',
      source: 'hub',
      dtypes: [],
      bytes: 0,
      complete: false,
      absentFiles: [],
      createdAt: Date.now(),
      lastUsedAt: Date.now(),
    });

    vi.setSystemTime(Date.now() + 5000);
    expect(await cache.beginLoad(TARGET)).toEqual(row);
    // A second begin does not reset the row (its creation time stays).
    expect(await db.cachedModels.get(KEY)).toEqual(row);
  });

  it('treats an endpoint with a trailing slash as the same model and the same file URLs', async () => {
    await cache.beginLoad({ ...TARGET, endpoint: `${ENDPOINT}/` });
    expect(await db.cachedModels.count()).toBe(1);
    expect((await db.cachedModels.get(KEY))?.endpoint).toBe(ENDPOINT);
    await cache.put(fileUrl('config.json'), ok(bytes(3)));
    expect(await db.cachedFiles.get(fileUrl('config.json'))).toMatchObject({ modelKey: KEY, file: 'config.json' });
  });
});

describe('ModelCache.put and match', () => {
  it('returns exactly the stored bytes of a file split into chunks, with its type and length', async () => {
    await cache.beginLoad(TARGET);
    const data = bytes(35);
    const url = fileUrl('onnx/model.onnx');
    await cache.put(url, ok(data, { 'content-type': 'application/x-onnx', etag: '"abc"' }));

    expect(await db.fileChunks.where('url').equals(url).count()).toBe(4);
    expect(await db.cachedFiles.get(url)).toMatchObject({
      modelKey: KEY,
      file: 'onnx/model.onnx',
      size: 35,
      chunks: 4,
      contentType: 'application/x-onnx',
      etag: '"abc"',
    });

    const response = await cache.match(url);
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('application/x-onnx');
    expect(response?.headers.get('content-length')).toBe('35');
    expect(response?.headers.get('etag')).toBe('"abc"');
    expect(await bodyOf(response)).toEqual(data);
  });

  it('stores a body of exactly one chunk, and an empty body, as one chunk each', async () => {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('ten.bin'), ok(bytes(10)));
    await cache.put(fileUrl('empty.json'), ok(bytes(0)));
    expect(await db.fileChunks.where('url').equals(fileUrl('ten.bin')).count()).toBe(1);
    expect(await db.fileChunks.where('url').equals(fileUrl('empty.json')).count()).toBe(1);
    expect(await bodyOf(await cache.match(fileUrl('ten.bin')))).toEqual(bytes(10));
    expect(await bodyOf(await cache.match(fileUrl('empty.json')))).toEqual(new Uint8Array(0));
  });

  it('answers undefined for a URL it never stored', async () => {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), ok(bytes(5)));
    expect(await cache.match(fileUrl('tokenizer.json'))).toBeUndefined();
    expect(await cache.match('http://elsewhere.test/file')).toBeUndefined();
  });

  it.each([
    ['a 404', () => new Response('Entry not found', { status: 404 })],
    ['a 500', () => new Response(new Blob([bytes(20)]), { status: 500 })],
    ['an HTML page', () => new Response('<!doctype html><p>app</p>', { headers: { 'content-type': 'text/html' } })],
    [
      'an HTML page with a charset',
      () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    ],
    ['a body shorter than its content-length', () => new Response(bytes(20), { headers: { 'content-length': '999' } })],
  ])('keeps nothing from %s', async (_name, response) => {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), response());
    expect(await cache.match(fileUrl('config.json'))).toBeUndefined();
    expect(await counts(db)).toEqual({ models: 1, files: 0, chunks: 0 });
  });

  it('keeps nothing from outside the loading model: the runtime wasm, another model, another revision', async () => {
    await cache.beginLoad(TARGET);
    const outside = [
      'http://app.test/assets/ort.wasm',
      fileUrl('config.json', 'owner/other'),
      `${ENDPOINT}/owner/name/resolve/v2/config.json`,
      `${ENDPOINT}/owner/name-2/resolve/main/config.json`,
    ];
    for (const url of outside) await cache.put(url, ok(bytes(12)));
    for (const url of outside) expect(await cache.match(url)).toBeUndefined();
    expect(await counts(db)).toEqual({ models: 1, files: 0, chunks: 0 });
  });

  it('keeps nothing when no load has begun, or after the load finished', async () => {
    await cache.put(fileUrl('config.json'), ok(bytes(12)));
    expect(await counts(db)).toEqual({ models: 0, files: 0, chunks: 0 });

    await cache.beginLoad(TARGET);
    await cache.finishLoad('q8', []);
    await cache.put(fileUrl('late.json'), ok(bytes(12)));
    expect(await cache.match(fileUrl('late.json'))).toBeUndefined();
    expect(await db.cachedFiles.count()).toBe(0);
  });

  it('treats an entry with a missing chunk, or a chunk of the wrong size, as not cached', async () => {
    await cache.beginLoad(TARGET);
    const missing = fileUrl('onnx/model.onnx');
    const shrunk = fileUrl('onnx/model_quantized.onnx');
    await cache.put(missing, ok(bytes(35)));
    await cache.put(shrunk, ok(bytes(35)));
    expect(await cache.match(missing)).toBeDefined();

    await db.fileChunks.delete([missing, 2]);
    await db.fileChunks.put({ url: shrunk, index: 1, data: new Blob([bytes(4)]) });
    expect(await cache.match(missing)).toBeUndefined();
    expect(await cache.match(shrunk)).toBeUndefined();
  });

  it('replaces a file stored again under the same URL, leaving no chunks of the old one', async () => {
    await cache.beginLoad(TARGET);
    const url = fileUrl('onnx/model.onnx');
    await cache.put(url, ok(bytes(35)));
    await cache.put(url, ok(bytes(12, 3)));

    const chunks = await db.fileChunks.where('url').equals(url).toArray();
    expect(chunks.map((c) => c.index)).toEqual([0, 1]);
    expect(await db.cachedFiles.get(url)).toMatchObject({ size: 12, chunks: 2 });
    expect(await bodyOf(await cache.match(url))).toEqual(bytes(12, 3));
  });
});

describe('ModelCache.finishLoad', () => {
  it('marks the model complete, sums its bytes, records each dtype once and merges absent files', async () => {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), ok(bytes(7)));
    await cache.put(fileUrl('onnx/model_quantized.onnx'), ok(bytes(35)));
    vi.setSystemTime(Date.now() + 1000);
    await cache.finishLoad('q8', [fileUrl('generation_config.json')]);

    expect(await db.cachedModels.get(KEY)).toMatchObject({
      complete: true,
      bytes: 42,
      dtypes: ['q8'],
      absentFiles: [fileUrl('generation_config.json')],
      lastUsedAt: Date.now(),
    });

    await cache.beginLoad(TARGET);
    await cache.finishLoad('q8', new Set([fileUrl('generation_config.json'), fileUrl('preprocessor_config.json')]));
    expect(await db.cachedModels.get(KEY)).toMatchObject({
      dtypes: ['q8'],
      absentFiles: [fileUrl('generation_config.json'), fileUrl('preprocessor_config.json')],
    });

    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('onnx/model.onnx'), ok(bytes(20)));
    await cache.finishLoad('fp32', []);
    expect(await db.cachedModels.get(KEY)).toMatchObject({ complete: true, bytes: 62, dtypes: ['q8', 'fp32'] });
  });

  it('does nothing without a load in progress', async () => {
    await cache.finishLoad('q8', []);
    expect(await counts(db)).toEqual({ models: 0, files: 0, chunks: 0 });
  });
});

describe('ModelCache.abandonLoad', () => {
  it('removes a new model with every file and chunk it stored', async () => {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), ok(bytes(7)));
    await cache.put(fileUrl('onnx/model.onnx'), ok(bytes(35)));
    await cache.abandonLoad();
    expect(await counts(db)).toEqual({ models: 0, files: 0, chunks: 0 });
  });

  it('keeps a model that was there before, and the files earlier loads stored', async () => {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), ok(bytes(7)));
    await cache.put(fileUrl('onnx/model_quantized.onnx'), ok(bytes(35)));
    await cache.finishLoad('q8', []);
    const before = await db.cachedModels.get(KEY);

    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('onnx/model.onnx'), ok(bytes(25)));
    expect(await cache.match(fileUrl('onnx/model.onnx'))).toBeDefined();
    await cache.abandonLoad();

    expect(await db.cachedModels.get(KEY)).toEqual(before);
    expect(await cache.match(fileUrl('onnx/model.onnx'))).toBeUndefined();
    expect(await bodyOf(await cache.match(fileUrl('config.json')))).toEqual(bytes(7));
    expect(await bodyOf(await cache.match(fileUrl('onnx/model_quantized.onnx')))).toEqual(bytes(35));
    expect(await counts(db)).toEqual({ models: 1, files: 2, chunks: 5 });
  });

  it('leaves other models alone, and does nothing without a load in progress', async () => {
    await cache.beginLoad(OTHER);
    await cache.put(fileUrl('config.json', OTHER.modelId), ok(bytes(7)));
    await cache.finishLoad('q8', []);
    await cache.abandonLoad();

    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), ok(bytes(7)));
    await cache.abandonLoad();
    expect(await db.cachedModels.toCollection().primaryKeys()).toEqual([OTHER_KEY]);
    expect(await cache.match(fileUrl('config.json', OTHER.modelId))).toBeDefined();
  });
  // Abandoning a load that only re-stored a damaged file of a complete model must keep that file.
  it('leaves no complete model with a file missing when a load that re-stored one is abandoned', async () => {
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('config.json'), ok(bytes(7)));
    await cache.put(fileUrl('onnx/model_quantized.onnx'), ok(bytes(35)));
    await cache.finishLoad('q8', []);

    await db.fileChunks.delete([fileUrl('onnx/model_quantized.onnx'), 3]); // damaged: will be downloaded again
    await cache.beginLoad(TARGET);
    await cache.put(fileUrl('onnx/model_quantized.onnx'), ok(bytes(35)));
    await cache.abandonLoad(); // e.g. the user cancelled, or the session failed to start

    const row = await db.cachedModels.get(KEY);
    const servable = await cache.match(fileUrl('onnx/model_quantized.onnx'));
    // Either the model is no longer listed as complete, or its file is still there.
    expect(row?.complete === true ? servable : 'not listed as complete').toBeDefined();
  });
});

describe('ModelCache when the disk is full', () => {
  it('keeps nothing, sets quotaError and resolves when the write transaction throws QuotaExceededError', async () => {
    await cache.beginLoad(TARGET);
    const error = quotaError();
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(error);
    await expect(cache.put(fileUrl('onnx/model.onnx'), ok(bytes(35)))).resolves.toBeUndefined();
    expect(cache.quotaError).toBe(error);
    expect(await counts(db)).toEqual({ models: 1, files: 0, chunks: 0 });
  });

  it('rolls back a write that fails inside the transaction, keeping the earlier copy of the file whole', async () => {
    await cache.beginLoad(TARGET);
    const url = fileUrl('onnx/model.onnx');
    await cache.put(url, ok(bytes(35)));
    vi.spyOn(db.fileChunks, 'bulkPut').mockRejectedValueOnce(quotaError());

    await cache.put(url, ok(bytes(12, 9)));
    expect(isQuotaError(cache.quotaError)).toBe(true);
    expect(await db.fileChunks.count()).toBe(4);
    expect(await bodyOf(await cache.match(url))).toEqual(bytes(35));
  });

  it('recognises Dexie’s AbortError that wraps the QuotaExceededError', async () => {
    await cache.beginLoad(TARGET);
    const wrapped = { name: 'AbortError', inner: quotaError() };
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(wrapped);
    await cache.put(fileUrl('config.json'), ok(bytes(5)));
    expect(cache.quotaError).toBe(wrapped);
    expect(await db.cachedFiles.count()).toBe(0);
  });

  it('lets any other write error through, and forgets a quota error when the next load begins', async () => {
    await cache.beginLoad(TARGET);
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(cache.put(fileUrl('config.json'), ok(bytes(5)))).rejects.toThrow('disk on fire');
    expect(cache.quotaError).toBeUndefined();

    vi.spyOn(db, 'transaction').mockRejectedValueOnce(quotaError());
    await cache.put(fileUrl('config.json'), ok(bytes(5)));
    expect(cache.quotaError).toBeDefined();
    await cache.beginLoad(TARGET);
    expect(cache.quotaError).toBeUndefined();
  });
});

describe('isQuotaError', () => {
  it('recognises a QuotaExceededError, bare or wrapped by Dexie', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quotaError() })).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quotaError()))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
  });

  it('rejects every other error and non-error', () => {
    expect(isQuotaError(new DOMException('stop', 'AbortError'))).toBe(false);
    expect(isQuotaError({ name: 'AbortError', inner: new Error('other') })).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
