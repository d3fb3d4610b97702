// The browser's storage budget for this site: how much is used, how much is left, and whether the
// browser promised to keep it (persistent storage) rather than evict it under pressure.

export interface StorageState {
  usage: number;
  quota: number;
  persisted: boolean;
  /** False in browsers without the Storage API (then nothing can be checked in advance). */
  supported: boolean;
}

export async function readStorage(): Promise<StorageState> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return { usage: 0, quota: 0, persisted: false, supported: false };
  const [estimate, persisted] = await Promise.all([
    storage.estimate(),
    storage.persisted?.() ?? Promise.resolve(false),
  ]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted, supported: true };
}

/** Asks the browser to keep our data; returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  return (await storage.persisted?.()) || storage.persist();
}

/** Room to leave free beyond the download itself: IndexedDB needs some headroom to write. */
const HEADROOM_BYTES = 16 * 1024 * 1024;

export function fitsInStorage(state: StorageState, bytes: number): boolean {
  return !state.supported || state.quota - state.usage >= bytes + HEADROOM_BYTES;
}
