// The bridge to the model worker, without a browser: ModelClient talks Comlink over a MessageChannel to a
// stand-in that implements the worker's API (typed against it), so loads, the WebGPU fallback, cancelling
// one call by its id and a worker that dies are all exercised through the real client code.
import { expose } from 'comlink';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../db/app-db.ts';
import {
  DEFAULT_GENERATION,
  WEBGPU_FAILED,
  type LoadedModel,
  type LoadRequest,
  type ReplyEvent,
  type ReplyRequest,
} from '../../shared/model-types.ts';
import type { ModelApi } from '../../workers/model.worker.ts';
import { result } from '../chat/turn.test-kit.ts';
import { ModelClient } from './model-client.svelte.ts';
import { DEMO_MODEL_ID } from './presets.ts';

const loaded = (request: LoadRequest): LoadedModel => ({
  modelId: request.modelId,
  device: request.device ?? 'webgpu',
  dtype: 'q8',
  deviceReason: request.fallbackFrom ? `WebGPU failed (${request.fallbackFrom}): using WASM` : 'WebGPU adapter found',
  hasChatTemplate: true,
  chatFormat: 'chat-template',
  contextLength: 2048,
  loadMs: 5,
  tools: { definitions: 'system-prompt', results: 'tag' },
  threads: 1,
  fromCache: true,
});

/** One stand-in worker: what it was asked, and its controls. */
interface FakeWorker {
  loads: LoadRequest[];
  cancelled: number[];
  terminated: boolean;
  crash(message: string): void;
}

function fakeWorkers(behaviour: { webgpuFails?: boolean } = {}) {
  const made: FakeWorker[] = [];
  const create = (): Worker => {
    const channel = new MessageChannel();
    const errorListeners: ((event: { message: string }) => void)[] = [];
    const pending = new Map<number, () => void>();
    const state: FakeWorker = {
      loads: [],
      cancelled: [],
      terminated: false,
      crash: (message) => errorListeners.forEach((listener) => listener({ message })),
    };
    made.push(state);
    const api: ModelApi = {
      subscribe: () => undefined,
      planLoad: async (request) => ({ device: request.device ?? 'webgpu', dtype: 'q8', reason: 'test' }),
      async load(_callId, request, onProgress) {
        state.loads.push(request);
        onProgress({ status: 'ready' });
        if (behaviour.webgpuFails && request.device !== 'wasm') {
          const error = new Error('the GPU said no');
          error.name = WEBGPU_FAILED;
          throw error;
        }
        return loaded(request);
      },
      importLocalModel: async () => ({ modelId: 'local/x', endpoint: 'local', dtypes: ['q8'] }),
      async generate(callId, request, onEvent) {
        onEvent({ type: 'text', text: request.turn[0].content });
        await new Promise<void>((resolve) => pending.set(callId, resolve));
        return result(request.turn[0].content, { finishReason: state.cancelled.includes(callId) ? 'stopped' : 'eos' });
      },
      cancel(callId) {
        state.cancelled.push(callId);
        pending.get(callId)?.();
      },
      unload: async () => undefined,
      loseGpuDevice: async () => false,
    };
    expose(api, channel.port2);
    // What ModelClient uses of a Worker: a Comlink endpoint, its error event, terminate().
    const worker = {
      postMessage: (message: unknown, transfer: Transferable[]) => channel.port1.postMessage(message, transfer),
      addEventListener: (type: string, listener: EventListener) => {
        if (type === 'error') errorListeners.push(listener as unknown as (event: { message: string }) => void);
        else channel.port1.addEventListener(type, listener);
      },
      removeEventListener: (type: string, listener: EventListener) => channel.port1.removeEventListener(type, listener),
      terminate: () => {
        state.terminated = true;
        channel.port1.close();
      },
    };
    channel.port1.start();
    return worker as unknown as Worker;
  };
  return { create, made };
}

const request = (message: string): ReplyRequest => ({
  system: [],
  history: [],
  turn: [{ role: 'user', content: message }],
  tools: [],
  settings: DEFAULT_GENERATION,
});

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

const demo = { modelId: DEMO_MODEL_ID, endpoint: 'http://127.0.0.1:1/models/' };

describe('ModelClient', () => {
  it('loads a model in the worker and says it is ready', async () => {
    const workers = fakeWorkers();
    const client = new ModelClient(db, workers.create);
    const info = await client.load(demo);
    expect(info?.modelId).toBe(DEMO_MODEL_ID);
    expect(client.status).toBe('ready');
    expect(client.engine?.contextLength).toBe(2048);
  });

  it('retries a failed WebGPU load on WASM in a fresh worker, and says why', async () => {
    const workers = fakeWorkers({ webgpuFails: true });
    const client = new ModelClient(db, workers.create);
    const info = await client.load({ ...demo, device: 'webgpu' });
    expect(workers.made).toHaveLength(2);
    expect(workers.made[0].terminated).toBe(true);
    expect(workers.made[1].loads[0]).toMatchObject({ device: 'wasm', fallbackFrom: 'the GPU said no' });
    expect(info?.device).toBe('wasm');
    expect(client.notice).toContain('WebGPU failed (the GPU said no): using WASM');
  });

  it('cancels one reply by its id: the other call in flight goes on', async () => {
    const workers = fakeWorkers();
    const client = new ModelClient(db, workers.create);
    await client.load(demo);
    const [first, second] = [new AbortController(), new AbortController()];
    const texts: string[] = [];
    const onEvent = (event: ReplyEvent) => void (event.type === 'text' && texts.push(event.text));
    const one = client.generate(request('one'), onEvent, first.signal);
    let twoDone = false;
    const two = client.generate(request('two'), onEvent, second.signal).finally(() => (twoDone = true));
    await expect.poll(() => texts.length).toBe(2);
    first.abort();
    expect((await one).finishReason).toBe('stopped');
    const [worker] = workers.made;
    expect(worker.cancelled).toHaveLength(1);
    expect(twoDone).toBe(false);
    second.abort();
    expect((await two).text).toBe('two');
    expect(new Set(worker.cancelled).size).toBe(2);
  });

  it('a worker that dies rejects the reply in flight at once and asks for a reload, keeping nothing loaded', async () => {
    const workers = fakeWorkers();
    const client = new ModelClient(db, workers.create);
    await client.load(demo);
    const reply = client.generate(request('hello'), () => undefined);
    workers.made[0].crash('out of memory');
    await expect(reply).rejects.toThrow('The model stopped working (out of memory)');
    expect(client.status).toBe('error');
    expect(client.loaded).toBeNull();
    expect(workers.made[0].terminated).toBe(true);
  });
});
