// Reading a backup file: every row of every table is checked against its record's schema, and the rows
// against each other (unique ids, messages that belong to a conversation of the file), before anything is
// written. The first problem is named by table, row and field; a file with any problem is refused whole.
import * as v from 'valibot';
import { designMemorySchema } from '../features/avatar/designs/design-schema.ts';
import { mindSchema } from '../features/mind/mind-schema.ts';
import type { Backup } from './backup.ts';
import { conversationSchema, messageSchema, personaSchema, toolUseSchema } from './record-schemas.ts';
import { check, describeProblem } from './schema-kit.ts';
import { RENAMED_SETTINGS } from './schema.ts';
import { SETTINGS, isSettingKey, type SettingKey } from './setting-schemas.ts';

export const BACKUP_FORMAT = 'forgeai-backup';
export const BACKUP_VERSION = 1;

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(problem: string) {
    super(`${problem} Nothing was changed.`);
  }
}

type Tables = Omit<Backup, 'format' | 'version' | 'exportedAt'>;

const TABLES: { [T in keyof Tables]: v.GenericSchema<unknown, Tables[T][number]> } = {
  conversations: conversationSchema,
  messages: messageSchema,
  personas: personaSchema,
  minds: mindSchema,
  designMemories: designMemorySchema,
  toolUses: toolUseSchema,
  settings: v.object({ key: v.string('a string'), value: v.unknown() }, 'an object'),
};

/** The key each table's rows must not repeat. */
const IDENTITY: { [T in keyof Tables]: (row: Tables[T][number]) => string } = {
  conversations: (row) => String(row.id),
  messages: (row) => String(row.id),
  personas: (row) => row.id,
  minds: (row) => row.modelId,
  designMemories: (row) => row.modelId,
  toolUses: (row) => `${row.modelId}\n${row.tool}`,
  settings: (row) => row.key,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkTable<T extends keyof Tables>(table: T, rows: unknown): Tables[T] {
  if (!Array.isArray(rows)) throw new BackupError(`The backup has no "${table}" list.`);
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const checked = check(TABLES[table], row, `${table}[${index}]`);
    if (!checked.ok) throw new BackupError(`${checked.problem}.`);
    const identity = IDENTITY[table](checked.value);
    if (seen.has(identity)) throw new BackupError(`${table}[${index}] repeats the id of an earlier row.`);
    seen.add(identity);
    return checked.value;
  }) as Tables[T];
}

function checkSettings(rows: Tables['settings']): Tables['settings'] {
  return rows.map(({ key, value }, index) => {
    // Backups made before a setting was renamed still restore it, under its name today.
    const row = { key: Object.hasOwn(RENAMED_SETTINGS, key) ? RENAMED_SETTINGS[key] : key, value };
    if (!isSettingKey(row.key)) throw new BackupError(`settings[${index}].key "${row.key}" is not a ForgeAI setting.`);
    const result = v.safeParse(SETTINGS[row.key as SettingKey].schema, row.value);
    if (!result.success) throw new BackupError(`${describeProblem(result.issues, `settings[${index}].value`)}.`);
    return { key: row.key, value: result.output };
  });
}

/** Reads and checks a backup file's text; throws a BackupError that says what is wrong. */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not JSON, so it is not a ForgeAI backup.');
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT)
    throw new BackupError('This JSON file is not a ForgeAI backup (it has no "format": "forgeai-backup").');
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1)
    throw new BackupError('This backup has no valid "version".');
  if (data.version > BACKUP_VERSION)
    throw new BackupError(
      `This backup was made by a newer ForgeAI (version ${data.version}). Update the app, then import it.`,
    );
  const tables = Object.fromEntries(
    (Object.keys(TABLES) as (keyof Tables)[]).map((table) => [table, checkTable(table, data[table])]),
  ) as unknown as Tables;
  const conversations = new Set(tables.conversations.map((conversation) => conversation.id));
  const orphan = tables.messages.findIndex((message) => !conversations.has(message.conversationId));
  if (orphan !== -1)
    throw new BackupError(`messages[${orphan}].conversationId is not the id of a conversation in this backup.`);
  return {
    format: BACKUP_FORMAT,
    version: data.version,
    exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt : '',
    ...tables,
    settings: checkSettings(tables.settings),
  };
}
