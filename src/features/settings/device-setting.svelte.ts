// Which device models run on: automatic (WebGPU when the browser has an adapter, else WASM) or forced.
import type { Device } from '../../shared/model-types.ts';
import type { AppDB } from '../../db/app-db.ts';
import { putSetting, readSetting } from '../../db/settings.ts';

export type DevicePreference = 'auto' | Device;

export class DeviceSetting {
  value = $state<DevicePreference>('auto');

  constructor(private readonly db: AppDB) {}

  async restore(): Promise<void> {
    this.value = await readSetting(this.db, 'device');
  }

  async save(value: DevicePreference): Promise<void> {
    this.value = value;
    await putSetting(this.db, 'device', value);
  }

  /** What a load request carries: undefined means "choose for me". */
  get device(): Device | undefined {
    return this.value === 'auto' ? undefined : this.value;
  }
}
