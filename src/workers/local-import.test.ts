import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../db/app-db.ts';
import { modelKey } from '../db/cached-models.ts';
import { LOCAL_ENDPOINT } from './downloads.ts';
import { importLocalModel, localModelId, type LocalFile } from './local-import.ts';
import { ModelCache } from './model-cache.ts';

const CONTENTS: Record<string, string> = {
  'config.json': '{"model_type":"llama"}',
  'tokenizer.json': '{"model":{"vocab":{}}}',
  'tokenizer_config.json': '{"chat_template":"{{ messages }}"}',
  'onnx/model.onnx': 'full precision weights',
  'onnx/model_quantized.onnx': 'q8 weights',
};

function folder(contents: Record<string, string> = CONTENTS): LocalFile[] {
  return Object.entries(contents).map(([path, text]) => ({ path, file: new Blob([text]) }));
}

function without(...paths: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(CONTENTS).filter(([path]) => !paths.includes(path)));
}

function localUrl(modelId: string, path: string): string {
  return `${LOCAL_ENDPOINT}/${modelId}/resolve/main/${path}`;
}

let db: AppDB;
let cache: ModelCache;

beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  cache = new ModelCache(db, 10);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function nothingStored(): Promise<void> {
  expect(await db.cachedModels.count()).toBe(0);
  expect(await db.cachedFiles.count()).toBe(0);
  expect(await db.fileChunks.count()).toBe(0);
}

describe('importLocalModel', () => {
  it('puts every file of a model folder into the cache as a complete local model', async () => {
    const imported = await importLocalModel(cache, 'tiny-llama', folder());
    expect(imported).toEqual({ modelId: 'local/tiny-llama', endpoint: LOCAL_ENDPOINT, dtypes: ['fp32', 'q8'] });

    for (const [path, text] of Object.entries(CONTENTS)) {
      const response = await cache.match(localUrl('local/tiny-llama', path));
      expect(response, path).toBeDefined();
      expect(await response?.text()).toBe(text);
    }

    const totalBytes = Object.values(CONTENTS).reduce((sum, text) => sum + new Blob([text]).size, 0);
    expect(await db.cachedModels.get(modelKey(LOCAL_ENDPOINT, 'local/tiny-llama', 'main'))).toMatchObject({
      modelId: 'local/tiny-llama',
      endpoint: LOCAL_ENDPOINT,
      revision: 'main',
      source: 'local',
      complete: true,
      dtypes: ['fp32', 'q8'],
      bytes: totalBytes,
      absentFiles: [],
    });
  });

  it('lists the dtypes in the picker’s order, whatever order the folder lists its files in', async () => {
    const reversed = Object.fromEntries(Object.entries(CONTENTS).reverse());
    const imported = await importLocalModel(cache, 'tiny', folder({ ...reversed, 'onnx/model_q4.onnx': 'q4' }));
    expect(imported.dtypes).toEqual(['fp32', 'q8', 'q4']);
    expect((await db.cachedModels.toArray())[0].dtypes).toEqual(['fp32', 'q8', 'q4']);
  });

  it('imports the same folder twice into one model, without repeating its dtypes', async () => {
    await importLocalModel(cache, 'tiny', folder());
    await importLocalModel(cache, 'tiny', folder());
    expect(await db.cachedModels.count()).toBe(1);
    expect((await db.cachedModels.toArray())[0]).toMatchObject({ complete: true, dtypes: ['fp32', 'q8'] });
    expect(await db.cachedFiles.count()).toBe(Object.keys(CONTENTS).length);
  });

  it('rejects a folder without tokenizer.json, naming it, and stores nothing', async () => {
    const error = importLocalModel(cache, 'half-model', folder(without('tokenizer.json')));
    await expect(error).rejects.toThrow(
      /"half-model" is not a transformers\.js model folder: it lacks tokenizer\.json\./,
    );
    await nothingStored();
  });

  it('rejects a folder without any onnx/model*.onnx, naming what it needs, and stores nothing', async () => {
    const contents = {
      ...without('onnx/model.onnx', 'onnx/model_quantized.onnx'),
      'onnx/decoder_model_merged.onnx': 'x',
    };
    await expect(importLocalModel(cache, 'split', folder(contents))).rejects.toThrow(/lacks onnx\/model\*\.onnx\./);
    await nothingStored();
  });

  it('names every missing file at once', async () => {
    const contents = { 'tokenizer_config.json': '{}', 'onnx/model.onnx': 'w' };
    await expect(importLocalModel(cache, 'bare', folder(contents))).rejects.toThrow(
      'lacks config.json, tokenizer.json.',
    );
    await expect(importLocalModel(cache, 'empty', [])).rejects.toThrow(
      'lacks config.json, tokenizer.json, tokenizer_config.json, onnx/model*.onnx.',
    );
    await nothingStored();
  });

  it('removes what it stored when the disk fills up part-way', async () => {
    let writes = 0;
    const transaction = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<typeof db.transaction>) =>
      ++writes === 3
        ? Promise.reject(new DOMException('full', 'QuotaExceededError'))
        : transaction(...args)) as typeof db.transaction);

    await expect(importLocalModel(cache, 'tiny', folder())).rejects.toThrow(/not enough storage space/);
    expect(writes).toBeGreaterThan(3); // the two files before, then the clean-up
    await nothingStored();
  });

  // A local model is never fetched: a failed re-import must not leave it listed complete with files gone.
  it('keeps a listed local model loadable when importing it again fails part-way', async () => {
    await importLocalModel(cache, 'tiny', folder());
    let writes = 0;
    const transaction = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<typeof db.transaction>) =>
      ++writes === 3
        ? Promise.reject(new DOMException('full', 'QuotaExceededError'))
        : transaction(...args)) as typeof db.transaction);
    await expect(importLocalModel(cache, 'tiny', folder())).rejects.toThrow(/not enough storage space/);

    const row = await db.cachedModels.get(modelKey(LOCAL_ENDPOINT, 'local/tiny', 'main'));
    const missing: string[] = [];
    for (const path of Object.keys(CONTENTS)) {
      if (!(await cache.match(localUrl('local/tiny', path)))) missing.push(path);
    }
    // Either the model is no longer listed as complete, or every one of its files is still there.
    expect(row?.complete === true ? missing : []).toEqual([]);
  });

  // A folder imported under an existing id replaces the old import: no dtypes or files carried over.
  it('does not mix an earlier folder’s files into a model imported under the same id', async () => {
    await importLocalModel(cache, 'my model', folder());
    const other = { ...without('onnx/model.onnx', 'onnx/model_quantized.onnx'), 'onnx/model_q4.onnx': 'q4 weights' };
    const imported = await importLocalModel(
      cache,
      'my-model',
      folder({ ...other, 'config.json': '{"model_type":"qwen2"}' }),
    );
    expect(imported.dtypes).toEqual(['q4']);

    const row = await db.cachedModels.get(modelKey(LOCAL_ENDPOINT, imported.modelId, 'main'));
    expect(row?.dtypes).toEqual(['q4']);
    expect(await cache.match(localUrl(imported.modelId, 'onnx/model.onnx'))).toBeUndefined();
  });
});

describe('localModelId', () => {
  it('keeps a plain folder name', () => {
    expect(localModelId('Qwen2.5-0.5B-Instruct_onnx')).toBe('local/Qwen2.5-0.5B-Instruct_onnx');
  });

  it.each([
    ['My Model v2', 'local/My-Model-v2'],
    ['models/tiny llama', 'local/models-tiny-llama'],
    ['Modèle 日本語 ü', 'local/Mod-le'],
    ['  spaced  ', 'local/spaced'],
    ['../escape', 'local/escape'],
    ['...', 'local/model'],
    ['日本語', 'local/model'],
    ['', 'local/model'],
  ])('turns %j into %j', (name, id) => {
    expect(localModelId(name)).toBe(id);
  });

  it.each(['a/b/c', 'with space', 'ünïcödé', '🦙 llama', '-.-', 'a'.repeat(300), `${'b'.repeat(95)} x`])(
    'always gives an owner/name id for %j',
    (name) => {
      const id = localModelId(name);
      expect(id).toMatch(/^local\/[\w.-]+$/);
      expect(id.length).toBeLessThanOrEqual('local/'.length + 96);
    },
  );
});
