// Owns the model worker and its Comlink remote; exposes what the UI shows as reactive state.
import { proxy, wrap, type Remote } from 'comlink';
import type { ModelApi } from '../../workers/model.worker.ts';
import type {
  ChatTurn,
  GenerationResult,
  GenerationSettings,
  LoadedModel,
  LoadProgress,
  LoadRequest,
} from '../../workers/api-types.ts';
import { createModelWorker } from './create-model-worker.ts';
import { DownloadProgress } from './download-progress.ts';

export type ModelStatus = 'idle' | 'loading' | 'ready' | 'generating' | 'error';

export class ModelClient {
  status = $state<ModelStatus>('idle');
  loaded = $state.raw<LoadedModel | null>(null);
  loadingId = $state('');
  progress = $state.raw<DownloadProgress>(new DownloadProgress());
  error = $state('');

  private worker: Worker | undefined;
  private remote: Remote<ModelApi> | undefined;
  /** Rejects the call in flight when the worker dies, so nothing waits forever. */
  private rejectInFlight: ((error: Error) => void) | undefined;

  private ensureWorker(): Remote<ModelApi> {
    if (this.remote) return this.remote;
    this.worker = createModelWorker();
    this.worker.addEventListener('error', (event) => this.onWorkerDied(event.message || 'the model worker crashed'));
    this.remote = wrap<ModelApi>(this.worker);
    return this.remote;
  }

  private onWorkerDied(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
    this.loaded = null;
    this.status = 'error';
    this.error = `The model stopped working (${reason}). Your conversation is saved; load the model again to continue.`;
    this.rejectInFlight?.(new Error(this.error));
  }

  private track<T>(call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.rejectInFlight = reject;
      call.then(resolve, reject).finally(() => (this.rejectInFlight = undefined));
    });
  }

  async load(request: LoadRequest): Promise<LoadedModel | null> {
    const remote = this.ensureWorker();
    this.status = 'loading';
    this.loadingId = request.modelId;
    this.error = '';
    this.loaded = null;
    const progress = new DownloadProgress();
    this.progress = progress;
    const onProgress = (p: LoadProgress) => {
      progress.update(p);
      this.progress = progress.snapshot();
    };
    try {
      const info = await this.track(remote.load(request, proxy(onProgress)));
      this.loaded = info;
      this.status = 'ready';
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

  async chat(
    turns: ChatTurn[],
    settings: GenerationSettings,
    onText: (text: string) => void,
  ): Promise<GenerationResult> {
    const remote = this.remote;
    if (!remote || !this.loaded) throw new Error('No model is loaded yet: choose one and press Load.');
    this.status = 'generating';
    try {
      return await this.track(remote.chat(turns, settings, proxy(onText)));
    } finally {
      if (this.status === 'generating') this.status = 'ready';
    }
  }

  stop(): void {
    void this.remote?.stop();
  }

  countTokens(text: string): Promise<number> {
    if (!this.remote) throw new Error('No model is loaded');
    return this.remote.countTokens(text);
  }
}
