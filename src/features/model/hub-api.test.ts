import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubServer } from '../../../scripts/hub-server.ts';
import { formatCount, repoFiles, searchModels } from './hub-api.ts';
import { availableDtypes } from './repo-files.ts';

// Needs `npx tsx scripts/generate-fixtures.ts` (npm run fixtures) to have written the test models.
const MODELS_DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'models');
const LLAMA = 'forgeai-fixtures/tiny-random-llama';

const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The local Hub (files and /api/models), as `npm start` serves it. */
function startHub(): Promise<string> {
  return listen(createHubServer({ modelsDir: MODELS_DIR }));
}

/** An endpoint that answers every request the same way, like a mirror without the Hub's API. */
function startStub(status: number, body: string, type = 'application/json', seen: string[] = []): Promise<string> {
  return listen(
    createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.url ?? '');
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    }),
  );
}

/** An address where nothing listens any more. */
async function deadEndpoint(): Promise<string> {
  const server = createServer();
  const base = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  servers.splice(servers.indexOf(server), 1);
  return base;
}

afterEach(async () => {
  const running = servers.splice(0);
  await Promise.all(running.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('searchModels', () => {
  it('finds transformers.js models on the local Hub by part of their id', async () => {
    const models = await searchModels(await startHub(), 'scripted');
    const ids = models.map((m) => m.id);
    expect(ids).toContain('forgeai-fixtures/scripted-chat');
    expect(ids).not.toContain(LLAMA);
    expect(models.find((m) => m.id === 'forgeai-fixtures/scripted-chat')).toEqual({
      id: 'forgeai-fixtures/scripted-chat',
      downloads: 0,
      likes: 0,
      pipelineTag: 'text-generation',
      tags: expect.arrayContaining(['transformers.js']),
    });
  });

  it('works with or without a trailing slash on the endpoint and honours the limit', async () => {
    const hub = await startHub();
    expect(await searchModels(`${hub}/`, 'tiny-random')).toEqual(await searchModels(hub, 'tiny-random'));
    expect(await searchModels(`${hub}/`, 'forgeai-fixtures', { limit: 2 })).toHaveLength(2);
  });

  it('returns an empty list when nothing matches', async () => {
    expect(await searchModels(await startHub(), 'no-such-model-anywhere')).toEqual([]);
  });

  it('asks the Hub for transformers.js models, most downloaded first', async () => {
    const seen: string[] = [];
    await searchModels(await startStub(200, '[]', 'application/json', seen), ' smol lm ', { limit: 5 });
    const url = new URL(seen[0], 'http://x');
    expect(url.pathname).toBe('/api/models');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      search: 'smol lm',
      filter: 'transformers.js',
      sort: 'downloads',
      limit: '5',
    });
  });

  it('says the endpoint has no search when the API is missing', async () => {
    const endpoint = await startStub(404, 'Not found', 'text/plain');
    await expect(searchModels(endpoint, 'x')).rejects.toThrow(
      `The Hub endpoint ${endpoint} has no model search (HTTP 404). You can still type a model id.`,
    );
  });

  it('says to try again later when the endpoint fails', async () => {
    const endpoint = await startStub(503, '{}');
    await expect(searchModels(endpoint, 'x')).rejects.toThrow(/could not search right now \(HTTP 503\)/);
  });

  it('rejects an answer that is not a list of models', async () => {
    for (const body of ['<html>mirror home</html>', '{"models":[]}', '[{"name":"no id"}]', '[null]']) {
      const endpoint = await startStub(200, body);
      await expect(searchModels(endpoint, 'x')).rejects.toThrow(/not a model list. You can still type a model id/);
    }
  });

  it('says the endpoint cannot be reached when the network fails', async () => {
    const endpoint = await deadEndpoint();
    await expect(searchModels(endpoint, 'x')).rejects.toThrow(
      `Cannot reach ${endpoint} to search. Check your connection or the Hub endpoint in Settings.`,
    );
  });

  it('rethrows an abort as is, so a newer search can replace an older one quietly', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(searchModels(await startHub(), 'x', { signal: controller.signal })).rejects.toHaveProperty(
      'name',
      'AbortError',
    );
  });

  it('keeps only well-formed counts and tags, and each model once', async () => {
    const body = JSON.stringify([
      { id: 'a/b', downloads: 'many', likes: 3, tags: ['onnx', 7], pipeline_tag: null },
      { id: 'a/b', downloads: 1 },
    ]);
    expect(await searchModels(await startStub(200, body), 'a')).toEqual([
      { id: 'a/b', downloads: 0, likes: 3, tags: ['onnx'] },
    ]);
  });
});

describe('repoFiles', () => {
  it("lists a repo's files with sizes, enough to tell which dtypes it has and how big they are", async () => {
    const files = await repoFiles(await startHub(), LLAMA);
    const quantized = files?.find((f) => f.path === 'onnx/model_quantized.onnx');
    const onDisk = await stat(join(MODELS_DIR, LLAMA, 'onnx/model_quantized.onnx'));
    expect(quantized?.size).toBe(onDisk.size);

    const dtypes = availableDtypes(files ?? []);
    expect(dtypes.map((d) => d.dtype)).toEqual(['fp32', 'q8']);
    const config = await stat(join(MODELS_DIR, LLAMA, 'config.json'));
    expect(dtypes[1].bytes).toBeGreaterThan(onDisk.size + config.size);
    expect(dtypes[1].files).toContain('tokenizer.json');
  });

  it('works with a trailing slash on the endpoint', async () => {
    const hub = await startHub();
    expect(await repoFiles(`${hub}/`, LLAMA)).toEqual(await repoFiles(hub, LLAMA));
  });

  it('asks for blob sizes', async () => {
    const seen: string[] = [];
    await repoFiles(await startStub(200, '{"siblings":[]}', 'application/json', seen), 'some-org/some.model');
    expect(seen).toEqual(['/api/models/some-org/some.model?blobs=true']);
  });

  it('gives undefined, not an error, when the endpoint has no API or cannot be reached', async () => {
    expect(await repoFiles(await startHub(), 'nobody/nothing')).toBeUndefined();
    expect(await repoFiles(await startStub(404, 'Not found', 'text/plain'), LLAMA)).toBeUndefined();
    expect(await repoFiles(await startStub(200, '<html></html>', 'text/html'), LLAMA)).toBeUndefined();
    expect(await repoFiles(await startStub(200, '{"id":"a/b"}'), LLAMA)).toBeUndefined();
    expect(await repoFiles(await startStub(500, '{}'), LLAMA)).toBeUndefined();
    expect(await repoFiles(await deadEndpoint(), LLAMA)).toBeUndefined();
  });

  it('keeps files whose size a mirror leaves out, without a size', async () => {
    const body = JSON.stringify({
      siblings: [{ rfilename: 'onnx/model_q4.onnx' }, { rfilename: 'a.json', size: 2 }, {}],
    });
    const files = await repoFiles(await startStub(200, body), 'a/b');
    expect(files).toEqual([{ path: 'onnx/model_q4.onnx' }, { path: 'a.json', size: 2 }]);
    expect(availableDtypes(files ?? [])).toEqual([{ dtype: 'q4', bytes: undefined, files: ['onnx/model_q4.onnx'] }]);
  });

  it('says a private, missing-to-us or gated repo cannot be loaded', async () => {
    const message = '"a/b" is private or gated: ForgeAI can only load public models.';
    await expect(repoFiles(await startStub(401, '{"error":"Repository not found"}'), 'a/b')).rejects.toThrow(message);
    await expect(repoFiles(await startStub(403, '{}'), 'a/b')).rejects.toThrow(message);
    const gated = JSON.stringify({ id: 'a/b', gated: 'manual', siblings: [{ rfilename: 'config.json' }] });
    await expect(repoFiles(await startStub(200, gated), 'a/b')).rejects.toThrow(message);
  });

  it('rethrows an abort', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(repoFiles(await startHub(), LLAMA, controller.signal)).rejects.toHaveProperty('name', 'AbortError');
  });
});

describe('formatCount', () => {
  it('shortens counts the way the Hub shows them', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1.2k');
    expect(formatCount(3_400_000)).toBe('3.4M');
    expect(formatCount(999_999)).toBe('1M');
  });
});
