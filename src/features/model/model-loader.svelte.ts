// Loading a model the way the person asked: by id (from the Hub endpoint in Settings), from the library
// of downloaded models, or from a folder on disk — each with the device and thread settings.
import type { CachedModel } from '../../db/cached-models.ts';
import type { Dtype } from '../../shared/model-types.ts';
import type { DeviceSetting } from '../settings/device-setting.svelte.ts';
import type { HubSettings } from '../settings/hub-settings.svelte.ts';
import type { ThreadsSetting } from '../settings/threads-setting.svelte.ts';
import type { PickedFile } from './FolderPicker.svelte';
import type { ModelClient } from './model-client.svelte.ts';
import { DEMO_MODEL_ID, endpointFor } from './presets.ts';

export class ModelLoader {
  /** The id in the Model field (Hub search and the library fill it in too). */
  modelId = $state(DEMO_MODEL_ID);

  constructor(
    private readonly model: ModelClient,
    private readonly settings: { hub: HubSettings; device: DeviceSetting; threads: ThreadsSetting },
  ) {}

  /** Where `id` downloads from: the bundled demo from the app itself, anything else from the Hub endpoint. */
  endpointFor(id: string): string {
    return endpointFor(id, this.settings.hub.endpoint, document.baseURI);
  }

  load(id: string, dtype: Dtype | undefined): void {
    void this.model.load({
      modelId: id,
      endpoint: this.endpointFor(id),
      device: this.settings.device.device,
      dtype,
      numThreads: this.settings.threads.count,
    });
  }

  loadCached(cached: CachedModel): void {
    this.modelId = cached.modelId;
    void this.model.load({
      modelId: cached.modelId,
      endpoint: cached.endpoint,
      source: cached.source,
      device: this.settings.device.device,
      numThreads: this.settings.threads.count,
    });
  }

  loadFolder(folderName: string, files: PickedFile[]): void {
    void this.model.loadFolder(folderName, files, this.settings.threads.count);
  }
}
