// The model worker: everything transformers.js does happens here, never on the UI thread. Long calls
// carry an id chosen by the caller; `cancel(id)` cancels that call only (see calls.ts).
import { expose } from 'comlink';
import { modelCacheDb } from '../db/model-cache-db.ts';
import type {
  GenerationResult,
  LoadedModel,
  LoadProgress,
  LoadRequest,
  ReplyEvent,
  ReplyRequest,
  WorkerEvent,
} from '../shared/model-types.ts';
import { Calls } from './calls.ts';
import { chooseDevice, type DeviceChoice } from './device-choice.ts';
import { Downloads } from './downloads.ts';
import { destroyGpuDevice } from './gpu-device.ts';
import { importLocalModel, type ImportedModel, type LocalFile } from './local-import.ts';
import { ModelCache } from './model-cache.ts';
import { ModelSession } from './model-session.ts';

const cache = new ModelCache(modelCacheDb());
const session = new ModelSession(cache, new Downloads());
const calls = new Calls();

const api = {
  subscribe(listener: (event: WorkerEvent) => void): void {
    session.subscribe(listener);
  },

  /** The device and weight format a load would use, so the UI can show and check the download first. */
  planLoad(request: LoadRequest): Promise<DeviceChoice> {
    return chooseDevice(request);
  },

  load(callId: number, request: LoadRequest, onProgress: (p: LoadProgress) => void): Promise<LoadedModel> {
    return calls.run(callId, (signal) => session.load(request, onProgress, signal));
  },

  /** Stores a model folder's files in the cache; load it afterwards with the returned endpoint and id. */
  importLocalModel(callId: number, folderName: string, files: LocalFile[]): Promise<ImportedModel> {
    return calls.run(callId, (signal) => importLocalModel(cache, folderName, files, signal));
  },

  /** One reply: the prompt is built here from the request (reported first), then the text streams. */
  generate(callId: number, request: ReplyRequest, onEvent: (event: ReplyEvent) => void): Promise<GenerationResult> {
    return calls.run(callId, (signal) => session.generate(request, signal, onEvent));
  },

  cancel(callId: number): void {
    calls.cancel(callId);
  },

  unload(): Promise<void> {
    return session.unload();
  },

  /** Simulates a GPU crash, so the WASM fallback can be tried (and tested) on purpose. */
  loseGpuDevice(): Promise<boolean> {
    return destroyGpuDevice();
  },
};

expose(api);
export type ModelApi = typeof api;
