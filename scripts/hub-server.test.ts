import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHubServer, type HubServerOptions } from './hub-server.ts';

const MODELS_DIR = join(import.meta.dirname, '..', 'fixtures', 'models');
const CONFIG_URL = '/forgeai-fixtures/scripted-chat/resolve/main/config.json';
const CONFIG_FILE = join(MODELS_DIR, 'forgeai-fixtures', 'scripted-chat', 'config.json');

let server: Server | undefined;
let appDir: string | undefined;

async function start(options: Partial<HubServerOptions> = {}): Promise<string> {
  server = createHubServer({ modelsDir: MODELS_DIR, ...options });
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

afterEach(async () => {
  vi.restoreAllMocks();
  const running = server;
  server = undefined;
  if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
  if (appDir) await rm(appDir, { recursive: true, force: true });
  appDir = undefined;
});

describe('hub server: model files', () => {
  it('serves a file with its JSON type, exact length and CORS header', async () => {
    const base = await start();
    const response = await fetch(base + CONFIG_URL);
    const body = await response.arrayBuffer();
    const { size } = await stat(CONFIG_FILE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-length')).toBe(String(size));
    expect(body.byteLength).toBe(size);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(JSON.parse(new TextDecoder().decode(body))).toHaveProperty('model_type', 'llama');
  });

  it('answers a missing file with a 404 that is not an HTML page', async () => {
    const base = await start();
    const response = await fetch(`${base}/forgeai-fixtures/scripted-chat/resolve/main/onnx/missing.onnx`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toContain('text/html');
    expect(await response.text()).not.toMatch(/<html/i);
  });

  it('answers a missing model with a 404', async () => {
    const base = await start();
    const response = await fetch(`${base}/nobody/nothing/resolve/main/config.json`);
    expect(response.status).toBe(404);
  });

  it('refuses to serve files outside the model folder', async () => {
    const base = await start();
    // Four levels up from fixtures/models/forgeai-fixtures/scripted-chat is the repository root.
    expect((await stat(join(MODELS_DIR, '..', '..', 'package.json'))).isFile()).toBe(true);
    const response = await fetch(
      `${base}/forgeai-fixtures/scripted-chat/resolve/main/..%2F..%2F..%2F..%2Fpackage.json`,
    );
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('"devDependencies"');
  });

  it('serves a byte range with 206 and Content-Range', async () => {
    const base = await start();
    const { size } = await stat(CONFIG_FILE);
    const response = await fetch(base + CONFIG_URL, { headers: { Range: 'bytes=0-0' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-0/${size}`);
    expect(await response.text()).toBe('{');
  });

  it('answers a range past the end of the file with 416', async () => {
    const base = await start();
    const { size } = await stat(CONFIG_FILE);
    const response = await fetch(base + CONFIG_URL, { headers: { Range: `bytes=${size}-` } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  // RFC 9110: a Range whose end is before its start is ignored and the whole file is sent.
  it('ignores an invalid range whose end comes before its start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const base = await start();
    const response = await fetch(base + CONFIG_URL, { headers: { Range: 'bytes=5-2' } });
    expect(response.status).toBe(200);
  });

  it('answers a malformed %-escape with a 404, not a server error', async () => {
    const base = await start();
    const response = await fetch(`${base}/forgeai-fixtures/scripted-chat/resolve/main/%E0%A4%A`);
    expect(response.status).toBe(404);
  });

  it('fails every file request with the failWith status, as if the Hub were down', async () => {
    const base = await start({ failWith: 503 });
    expect((await fetch(base + CONFIG_URL)).status).toBe(503);
  });
});

describe('hub server: API', () => {
  it('searches models by id', async () => {
    const base = await start();
    const response = await fetch(`${base}/api/models?search=scripted`);
    expect(response.status).toBe(200);
    const models = (await response.json()) as { id: string }[];
    expect(models.map((m) => m.id)).toContain('forgeai-fixtures/scripted-chat');
    for (const model of models) expect(model.id).toContain('scripted');
    expect(models.map((m) => m.id)).not.toContain('forgeai-fixtures/tiny-random-llama');
  });

  it('returns an empty list when nothing matches', async () => {
    const base = await start();
    expect(await (await fetch(`${base}/api/models?search=no-such-model-anywhere`)).json()).toEqual([]);
  });

  it('lists one model’s files as siblings', async () => {
    const base = await start();
    const response = await fetch(`${base}/api/models/forgeai-fixtures/tiny-random-llama`);
    expect(response.status).toBe(200);
    const model = (await response.json()) as { id: string; siblings: { rfilename: string; size: number }[] };
    expect(model.id).toBe('forgeai-fixtures/tiny-random-llama');
    const files = model.siblings.map((s) => s.rfilename);
    expect(files).toContain('onnx/model_quantized.onnx');
    expect(files).toContain('config.json');
    const quantized = model.siblings.find((s) => s.rfilename === 'onnx/model_quantized.onnx');
    const onDisk = await stat(join(MODELS_DIR, 'forgeai-fixtures/tiny-random-llama/onnx/model_quantized.onnx'));
    expect(quantized?.size).toBe(onDisk.size);
  });

  it('answers an unknown model with a 404', async () => {
    const base = await start();
    expect((await fetch(`${base}/api/models/nobody/nothing`)).status).toBe(404);
  });
});

describe('hub server: the built app', () => {
  async function startWithApp(): Promise<string> {
    appDir = await mkdtemp(join(tmpdir(), 'forgeai-app-'));
    await writeFile(join(appDir, 'index.html'), '<!doctype html><title>ForgeAI</title>');
    await writeFile(join(appDir, 'main.js'), 'console.log(1);');
    return start({ appDir });
  }

  it('serves index.html at /', async () => {
    const base = await startWithApp();
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<title>ForgeAI</title>');
  });

  it('serves other files with their type', async () => {
    const base = await startWithApp();
    const response = await fetch(`${base}/main.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers a missing file with a 404, never with index.html', async () => {
    const base = await startWithApp();
    const response = await fetch(`${base}/missing.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<title>ForgeAI</title>');
  });

  it('refuses to serve files outside the app folder', async () => {
    const base = await startWithApp();
    expect((await fetch(`${base}/..%2F..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
