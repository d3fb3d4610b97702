import type { AppDB } from './app-db.ts';

export interface Setting {
  key: string;
  value: unknown;
}

export async function getSetting<T>(db: AppDB, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function putSetting(db: AppDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
