// What the picker shows about the typed model id before Load: its weight formats with sizes, what
// "Automatic" would pick here, and whether it is already on this device.
import type { Device, Dtype, LoadRequest } from '../../shared/model-types.ts';
import type { DeviceChoice } from '../../workers/device-choice.ts';
import type { AppDB } from '../../db/app-db.ts';
import { getCachedModel, modelKey } from '../../db/cached-models.ts';
import { repoFiles } from './hub-api.ts';
import { isBundled } from './presets.ts';
import { availableDtypes, type RepoFile } from './repo-files.ts';

const DEBOUNCE_MS = 400;

export class ModelPreview {
  files = $state.raw<RepoFile[] | undefined>(undefined);
  autoDtype = $state<Dtype>('q8');
  cachedDtypes = $state.raw<Dtype[]>([]);
  error = $state('');
  private controller: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: AppDB,
    private readonly planDevice: (request: LoadRequest) => Promise<DeviceChoice>,
  ) {}

  update(modelId: string, endpoint: string, device: Device | undefined): void {
    clearTimeout(this.timer);
    this.controller?.abort();
    if (!/^[\w.-]+\/[\w.-]+$/.test(modelId)) return;
    this.timer = setTimeout(() => void this.refresh(modelId, endpoint, device), DEBOUNCE_MS);
  }

  private async refresh(modelId: string, endpoint: string, device: Device | undefined): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const files = isBundled(modelId) ? undefined : await repoFiles(endpoint, modelId, controller.signal);
      const cached = await getCachedModel(this.db, modelKey(endpoint, modelId, 'main'));
      const choice = await this.planDevice({
        modelId,
        endpoint,
        device,
        availableDtypes: files ? availableDtypes(files).map((d) => d.dtype) : undefined,
      });
      if (controller.signal.aborted) return;
      this.files = files;
      this.autoDtype = choice.dtype;
      this.cachedDtypes = cached?.complete ? cached.dtypes : [];
      this.error = '';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.files = undefined;
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
