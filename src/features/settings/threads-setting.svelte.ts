// How many threads ONNX Runtime's WASM backend uses. Threads need a cross-origin isolated page
// (the service worker makes it so); without that the count is always 1.
import type { AppDB } from '../../db/app-db.ts';
import { putSetting, readSetting } from '../../db/settings.ts';

/** The processor's logical cores, as the browser reports them (at least 1). */
export function processorCores(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/** What a load asks for: the chosen count (0 = one per core), or 1 when threads are impossible. */
export function threadsFor(chosen: number, isolated: boolean, cores: number): number {
  if (!isolated) return 1;
  return Math.max(1, Math.min(cores, chosen === 0 ? cores : Math.round(chosen)));
}

export class ThreadsSetting {
  /** 0 means automatic: one thread per core. */
  value = $state(0);
  readonly cores = processorCores();
  readonly isolated = globalThis.crossOriginIsolated === true;

  constructor(private readonly db: AppDB) {}

  async restore(): Promise<void> {
    this.value = await readSetting(this.db, 'threads');
  }

  async save(value: number): Promise<void> {
    this.value = Number.isFinite(value) ? Math.max(0, Math.min(this.cores, Math.round(value))) : 0;
    await putSetting(this.db, 'threads', this.value);
  }

  get count(): number {
    return threadsFor(this.value, this.isolated, this.cores);
  }
}
