// Owns the model worker and its Comlink remote; exposes what the UI shows as reactive state.
import { proxy, wrap, type Remote } from 'comlink';
import type { ModelApi } from '../../workers/model.worker.ts';
import type {
  GenerationResult,
  LoadedModel,
  LoadProgress,
  LoadRequest,
  ReplyEvent,
  ReplyRequest,
  WorkerEvent,
} from '../../shared/model-types.ts';
import type { DeviceChoice } from '../../workers/device-choice.ts';
import type { AppDB } from '../../db/app-db.ts';
import type { Engine } from '../chat/turn-controller.ts';
import { log } from '../log/logger.ts';
import { createModelWorker } from './create-model-worker.ts';
import { DownloadProgress } from './download-progress.ts';
import { planLoad } from './load-plan.ts';
import { requestPersistence } from './storage.ts';
import { WEBGPU_FAILED } from '../../shared/model-types.ts';

export type ModelStatus = 'idle' | 'loading' | 'ready' | 'generating' | 'error';

export class ModelClient {
  status = $state<ModelStatus>('idle');
  loaded = $state.raw<LoadedModel | null>(null);
  loadingId = $state('');
  /** What the current load will download: 0 when cached, undefined when the endpoint does not say. */
  plannedBytes = $state<number | undefined>(undefined);
  progress = $state.raw<DownloadProgress>(new DownloadProgress());
  error = $state('');
  /** Things worth knowing that are not errors: a WASM fallback, storage not kept, persistence granted. */
  notice = $state('');

  private worker: Worker | undefined;
  /** ONNX Runtime fixes its thread count when a worker first loads a model. */
  private workerThreads: number | undefined;
  private remote: Remote<ModelApi> | undefined;
  /** Rejects the calls in flight when the worker dies, so nothing waits forever. */
  private inFlight: ((error: Error) => void)[] = [];
  private lastCallId = 0;
  /** Cancels the load in progress (the Cancel button). */
  private loadAbort: AbortController | undefined;

  constructor(
    private readonly db: AppDB,
    /** Makes the model worker (tests give a stand-in speaking the same API). */
    private readonly createWorker: () => Worker = createModelWorker,
  ) {}

  private ensureWorker(): Remote<ModelApi> {
    if (this.remote) return this.remote;
    this.worker = this.createWorker();
    this.worker.addEventListener('error', (event) => this.onWorkerDied(event.message || 'the model worker crashed'));
    const remote = wrap<ModelApi>(this.worker);
    void remote.subscribe(proxy((event: WorkerEvent) => this.onWorkerEvent(event)));
    this.remote = remote;
    return remote;
  }

  private onWorkerEvent(event: WorkerEvent): void {
    if (event.type === 'log') return log.log(event.level, event.message);
    if (event.type === 'device-fallback') {
      this.loaded = event.loaded;
      this.notice = `${event.message}. Replies continue, more slowly.`;
    }
  }

  private onWorkerDied(reason: string): void {
    this.restartWorker();
    this.loaded = null;
    this.status = 'error';
    this.error =
      `The model stopped working (${reason}). Your conversation is saved; load the model again to continue. ` +
      'If you are offline, the app could not fetch its model runner: reconnect once, then load again.';
    log.error(this.error);
    const error = new Error(this.error);
    for (const reject of this.inFlight) reject(error);
  }

  /**
   * One long call into the worker, under an id of its own: aborting `signal` cancels that call (and
   * only that one) in the worker. A worker that dies rejects it at once.
   */
  private async call<T>(signal: AbortSignal | undefined, start: (callId: number) => Promise<T>): Promise<T> {
    const callId = ++this.lastCallId;
    const cancel = () => void this.remote?.cancel(callId);
    signal?.addEventListener('abort', cancel);
    let reject: (error: Error) => void = () => {};
    try {
      return await new Promise<T>((resolve, rejectCall) => {
        reject = rejectCall;
        this.inFlight.push(reject);
        start(callId).then(resolve, rejectCall);
        if (signal?.aborted) cancel();
      });
    } finally {
      this.inFlight = this.inFlight.filter((other) => other !== reject);
      signal?.removeEventListener('abort', cancel);
    }
  }

  async load(request: LoadRequest): Promise<LoadedModel | null> {
    this.status = 'loading';
    this.loadingId = request.modelId;
    this.error = '';
    this.notice = '';
    this.loaded = null;
    this.plannedBytes = undefined;
    try {
      const plan = await planLoad(this.db, request, (r) => this.ensureWorker().planLoad(r));
      this.plannedBytes = plan.downloadBytes;
      let info: LoadedModel;
      let fellBack = '';
      try {
        info = await this.loadInWorker(plan.request, plan.downloadBytes);
      } catch (error) {
        if (!(error instanceof Error) || error.name !== WEBGPU_FAILED) throw error;
        info = await this.loadInWorker({ ...plan.request, device: 'wasm', fallbackFrom: error.message }, undefined);
        fellBack = `${info.deviceReason}.`;
      }
      this.loaded = info;
      this.status = 'ready';
      const kept = info.warning ?? (info.fromCache ? '' : await this.keepStorage());
      this.notice = [fellBack, kept].filter(Boolean).join(' ');
      return info;
    } catch (error) {
      this.status = 'error';
      // The worker already phrases load failures for people (see workers/load-errors.ts).
      this.error ||= error instanceof Error ? error.message : String(error);
      return null;
    } finally {
      this.loadingId = '';
    }
  }

  /** One load attempt. A failed one takes its worker with it: transformers.js would fail every later load there. */
  private async loadInWorker(request: LoadRequest, plannedBytes: number | undefined): Promise<LoadedModel> {
    const threads = request.numThreads ?? 1;
    if (this.workerThreads !== undefined && this.workerThreads !== threads) this.restartWorker();
    const remote = this.ensureWorker();
    this.workerThreads = threads;
    const progress = new DownloadProgress();
    if (plannedBytes) progress.total = plannedBytes;
    this.progress = progress.snapshot();
    const onProgress = (p: LoadProgress) => {
      progress.update(p);
      this.progress = progress.snapshot();
    };
    try {
      this.loadAbort = new AbortController();
      return await this.call(this.loadAbort.signal, (id) => remote.load(id, request, proxy(onProgress)));
    } catch (error) {
      this.restartWorker();
      throw error;
    }
  }

  private restartWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
    this.workerThreads = undefined;
  }

  /** After a download, ask the browser not to evict models under storage pressure; says how it went. */
  private async keepStorage(): Promise<string> {
    const granted = await requestPersistence().catch(() => false);
    return granted
      ? 'Saved for offline use. The browser will keep it (persistent storage granted).'
      : 'Saved for offline use. The browser may remove it if the disk fills up (persistent storage was not granted).';
  }

  /** Puts a model folder's files into the cache, then loads it with no network. */
  async loadFolder(folderName: string, files: { path: string; file: File }[], numThreads: number): Promise<void> {
    const remote = this.ensureWorker();
    this.status = 'loading';
    this.loadingId = `folder ${folderName}`;
    this.error = '';
    try {
      this.loadAbort = new AbortController();
      const imported = await this.call(this.loadAbort.signal, (id) => remote.importLocalModel(id, folderName, files));
      await this.load({ modelId: imported.modelId, endpoint: imported.endpoint, source: 'local', numThreads });
    } catch (error) {
      this.status = 'error';
      this.error = error instanceof Error ? error.message : String(error);
      this.loadingId = '';
    }
  }

  /** The device and weight format a load would use (asks the worker, which knows the GPU). */
  planDevice(request: LoadRequest): Promise<DeviceChoice> {
    return this.ensureWorker().planLoad(request);
  }

  /** The loaded model as the chat's engine; undefined while none is loaded. */
  get engine(): Engine | undefined {
    const loaded = this.loaded;
    if (!loaded) return undefined;
    return {
      modelId: loaded.modelId,
      contextLength: loaded.contextLength,
      generate: (request, onEvent, signal) => this.generate(request, onEvent, signal),
    };
  }

  cancelLoad(): void {
    this.loadAbort?.abort();
  }

  /** One reply from the loaded model: the worker builds the prompt from `request`, reports it, then streams. */
  async generate(
    request: ReplyRequest,
    onEvent: (event: ReplyEvent) => void,
    signal?: AbortSignal,
  ): Promise<GenerationResult> {
    const remote = this.remote;
    if (!remote || !this.loaded) throw new Error('No model is loaded yet: choose one and press Load.');
    this.status = 'generating';
    try {
      return await this.call(signal, (id) => remote.generate(id, request, proxy(onEvent)));
    } finally {
      if (this.status === 'generating') this.status = 'ready';
    }
  }

  /** Simulates a GPU crash (for trying the WASM fallback); false when no WebGPU device is in use. */
  loseGpuDevice(): Promise<boolean> {
    return this.remote?.loseGpuDevice() ?? Promise.resolve(false);
  }
}
