// The model worker: everything transformers.js does happens here, never on the UI thread.
import { expose } from 'comlink';
import { db } from '../db/app-db.ts';
import type {
  ChatTurn,
  GenerationResult,
  GenerationSettings,
  LoadedModel,
  LoadProgress,
  LoadRequest,
  WorkerEvent,
  ToolSchema,
} from '../shared/model-types.ts';
import { chooseDevice, type DeviceChoice } from './device-choice.ts';
import { Downloads } from './downloads.ts';
import { destroyGpuDevice } from './gpu-device.ts';
import { importLocalModel, type ImportedModel, type LocalFile } from './local-import.ts';
import { ModelCache } from './model-cache.ts';
import { ModelSession } from './model-session.ts';

const cache = new ModelCache(db);
const session = new ModelSession(cache, new Downloads());

const api = {
  subscribe(listener: (event: WorkerEvent) => void): void {
    session.subscribe(listener);
  },

  /** The device and weight format a load would use, so the UI can show and check the download first. */
  planLoad(request: LoadRequest): Promise<DeviceChoice> {
    return chooseDevice(request);
  },

  load(request: LoadRequest, onProgress: (p: LoadProgress) => void): Promise<LoadedModel> {
    return session.load(request, onProgress);
  },

  /** Stores a model folder's files in the cache; load it afterwards with the returned endpoint and id. */
  importLocalModel(folderName: string, files: LocalFile[]): Promise<ImportedModel> {
    return importLocalModel(cache, folderName, files);
  },

  cancelLoad(): void {
    session.cancelLoad();
  },

  chat(
    turns: ChatTurn[],
    settings: GenerationSettings,
    onText: (text: string) => void,
    tools?: ToolSchema[],
  ): Promise<GenerationResult> {
    return session.chat(turns, settings, onText, tools);
  },

  countTokens(text: string): number {
    return session.requireModel().countTokens(text);
  },

  formatChat(turns: ChatTurn[]): string {
    return session.requireModel().formatChat(turns);
  },

  promptTokens(turns: ChatTurn[]): number {
    return session.requireModel().promptTokens(turns);
  },

  turnTokens(turn: ChatTurn): number {
    return session.requireModel().turnTokens(turn);
  },

  stop(): void {
    session.stop();
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
