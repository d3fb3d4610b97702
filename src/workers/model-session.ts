// The worker's one loaded model and everything around loading it: the cache, cancellable downloads,
// device choice with WASM fallback (at load, and when a WebGPU device is lost later), and errors
// explained for people.
import type {
  GenerationResult,
  LoadedModel,
  LoadProgress,
  LoadRequest,
  ReplyEvent,
  ReplyRequest,
  WorkerEvent,
} from '../shared/model-types.ts';
import { WEBGPU_FAILED } from '../shared/model-types.ts';
import { chooseDevice, wasmFallback, type DeviceChoice } from './device-choice.ts';
import type { Downloads } from './downloads.ts';
import { watchDeviceLoss } from './gpu-device.ts';
import { HuggingFaceModel } from './hf-model.ts';
import { explainLoadFailure } from './load-errors.ts';
import type { ModelCache } from './model-cache.ts';
import { configureRuntime, useEndpoint } from './onnx-setup.ts';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ModelSession {
  private current: HuggingFaceModel | undefined;
  private request: LoadRequest | undefined;
  private recovering: Promise<void> | undefined;
  private lostDevice: string | undefined;
  private generating = false;
  private emit: (event: WorkerEvent) => void = () => {};

  constructor(
    private readonly cache: ModelCache,
    private readonly downloads: Downloads,
  ) {
    configureRuntime(cache, downloads);
  }

  subscribe(listener: (event: WorkerEvent) => void): void {
    this.emit = listener;
  }

  /** Worker-side steps appear in the same terminal log as the UI's. */
  private log(level: Extract<WorkerEvent, { type: 'log' }>['level'], message: string): void {
    this.emit({ type: 'log', level, message });
  }

  async load(request: LoadRequest, onProgress: (p: LoadProgress) => void, signal?: AbortSignal): Promise<LoadedModel> {
    const cancel = () => this.downloads.cancel();
    signal?.addEventListener('abort', cancel);
    try {
      return await this.loadModel(request, onProgress);
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  private async loadModel(request: LoadRequest, onProgress: (p: LoadProgress) => void): Promise<LoadedModel> {
    // Free the old model's memory before the new one arrives.
    await this.unload();
    this.log('INFO', `Loading model ${request.modelId} from ${request.endpoint}`);
    const model = await this.loadCached(request, onProgress, async () => {
      const choice = await chooseDevice(request);
      this.log('INFO', `Device: ${choice.device} (${choice.reason}); weights: ${choice.dtype}`);
      try {
        return await HuggingFaceModel.load(request, choice, onProgress);
      } catch (error) {
        if (choice.device !== 'webgpu' || this.downloads.cancelled) throw error;
        // After a failed session, transformers.js fails every later one in this worker (its session
        // chain keeps the rejection), so the WASM retry happens in a fresh worker: see ModelClient.load.
        const failed = new Error(`WebGPU failed (${errorText(error)})`, { cause: error });
        failed.name = WEBGPU_FAILED;
        this.log('WARN', `${failed.message}: retrying on WASM`);
        throw failed;
      }
    });
    const { info } = model;
    this.log(
      'OK',
      `Model ready in ${info.loadMs} ms on ${info.device} (${info.fromCache ? 'from the cache, nothing downloaded' : `${this.downloads.filesDownloaded} file(s) downloaded`}); context ${info.contextLength} tokens, format: ${info.chatFormat}`,
    );
    if (info.warning) this.log('WARN', info.warning);
    this.current = model;
    this.request = request;
    this.lostDevice = undefined;
    if (model.info.device === 'webgpu') void watchDeviceLoss((message) => this.onDeviceLost(message));
    return model.info;
  }

  /** Wraps a load with the cache: files stored on success, removed on failure or cancel. */
  private async loadCached(
    request: LoadRequest,
    onProgress: (p: LoadProgress) => void,
    loadModel: () => Promise<HuggingFaceModel>,
  ): Promise<HuggingFaceModel> {
    useEndpoint(request.endpoint, request.numThreads ?? 1);
    const revision = request.revision ?? 'main';
    const known = await this.cache.beginLoad({
      endpoint: request.endpoint,
      modelId: request.modelId,
      revision,
      source: request.source ?? 'hub',
    });
    this.downloads.begin(known?.absentFiles ?? []);
    let model: HuggingFaceModel;
    try {
      model = await loadModel();
    } catch (error) {
      await this.cache.abandonLoad();
      if (error instanceof Error && error.name === WEBGPU_FAILED) throw error;
      this.log('ERROR', `Load failed: ${errorText(error)}`);
      if (this.downloads.cancelled) {
        throw new Error('Download cancelled. Nothing was kept; press Load to start again.', { cause: error });
      }
      throw await explainLoadFailure(request.endpoint, request.modelId, revision, error);
    }
    model.info.fromCache = this.downloads.filesDownloaded === 0;
    if (this.cache.quotaError) {
      await this.cache.abandonLoad();
      model.info.warning =
        'There was not enough storage space to keep this model, so it will download again next time. ' +
        'It works for now. To keep it offline, free disk space or delete models you no longer use in the library.';
    } else {
      await this.cache.finishLoad(model.info.dtype, this.downloads.absent);
    }
    onProgress({ status: 'ready' });
    return model;
  }

  async generate(
    request: ReplyRequest,
    signal: AbortSignal,
    onEvent: (event: ReplyEvent) => void,
  ): Promise<GenerationResult> {
    await this.recovering;
    const model = this.requireModel();
    this.generating = true;
    try {
      return await model.generate(request, signal, onEvent);
    } catch (error) {
      if (!this.lostDevice) throw error;
      await this.recoverOnWasm();
      // Only start the reply again if none of it reached the screen; otherwise it would repeat.
      if (!model.streamedText) return this.requireModel().generate(request, signal, onEvent);
      throw new Error(
        'The GPU stopped in the middle of this reply, so ForgeAI switched to WASM. Send again to continue.',
        { cause: error },
      );
    } finally {
      this.generating = false;
    }
  }

  private onDeviceLost(message: string): void {
    this.lostDevice = message;
    // While idle, switch at once; mid-reply, chat() does it when the reply fails.
    if (!this.generating) void this.recoverOnWasm();
  }

  private recoverOnWasm(): Promise<void> {
    this.recovering ??= (async () => {
      const request = this.request;
      const why = `The WebGPU device was lost (${this.lostDevice ?? 'unknown reason'})`;
      this.lostDevice = undefined;
      if (!request) return;
      const lost = this.current;
      this.current = undefined;
      await lost?.dispose().catch(() => undefined);
      const choice: DeviceChoice = wasmFallback(request, why);
      this.log('WARN', choice.reason);
      const model = await this.loadCached(
        request,
        () => undefined,
        () => HuggingFaceModel.load(request, choice, () => undefined),
      );
      this.current = model;
      this.emit({ type: 'device-fallback', message: choice.reason, loaded: model.info });
    })().finally(() => (this.recovering = undefined));
    return this.recovering;
  }

  requireModel(): HuggingFaceModel {
    if (!this.current) throw new Error('No model is loaded yet: choose one and press Load.');
    return this.current;
  }

  async unload(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    this.request = undefined;
    await previous?.dispose();
  }
}
