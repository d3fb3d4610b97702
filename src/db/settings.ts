// Saved settings, one row per key. Every read is checked against the setting's schema: a value that is
// missing or damaged (an old version, a bad restore) becomes the default, with a line in the log.
import * as v from 'valibot';
import { log } from '../features/log/logger.ts';
import type { AppDB } from './app-db.ts';
import { describeProblem } from './schema-kit.ts';
import { SETTINGS, type SettingKey, type SettingValue } from './setting-schemas.ts';

export interface Setting {
  key: string;
  value: unknown;
}

export async function readSetting<K extends SettingKey>(db: AppDB, key: K): Promise<SettingValue<K>> {
  const { schema, fallback } = SETTINGS[key];
  const row = await db.settings.get(key);
  if (row === undefined) return fallback as SettingValue<K>;
  const result = v.safeParse(schema, row.value);
  if (result.success) return result.output as SettingValue<K>;
  log.warn(`Setting "${key}" was not valid (${describeProblem(result.issues, key)}); using the default`);
  return fallback as SettingValue<K>;
}

export async function putSetting<K extends SettingKey>(db: AppDB, key: K, value: SettingValue<K>): Promise<void> {
  await db.settings.put({ key, value });
}
