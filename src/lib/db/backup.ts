// One JSON file with everything a person would miss: conversations, personas, wants, learned designs,
// tool usage and settings (never the model files, which download again). Importing checks the whole
// file first and writes in one transaction: a bad file changes nothing, and the same file twice adds
// nothing the second time.
import type { AppDB } from './app-db.ts';
import type { Conversation } from './conversations.ts';
import type { StoredMessage } from './messages.ts';
import type { Persona } from './personas.ts';
import type { Setting } from './settings.ts';
import type { ToolUse } from './tool-uses.ts';
import type { MindState } from '../forge/wants/types.ts';
import type { DesignMemory } from '../forge/designs/types.ts';

export const BACKUP_FORMAT = 'forgeai-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  conversations: Conversation[];
  messages: StoredMessage[];
  personas: Persona[];
  minds: MindState[];
  designMemories: DesignMemory[];
  toolUses: ToolUse[];
  settings: Setting[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Images and videos made by tools are Blobs, which JSON cannot hold: the backup keeps a note instead. */
function withoutBlobs({ words: _words, ...message }: StoredMessage): StoredMessage {
  // The search words are left out too: they are rebuilt from the text on import.
  const display = message.tool?.display;
  if (!message.tool || !display || (display.kind !== 'image' && display.kind !== 'video')) return message;
  return {
    ...message,
    tool: { ...message.tool, display: { kind: 'text', text: `(${display.kind} not kept in the backup)` } },
  };
}

export async function createBackup(db: AppDB): Promise<Backup> {
  return db.transaction(
    'r',
    [db.conversations, db.messages, db.personas, db.minds, db.designMemories, db.toolUses, db.settings],
    async () => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      conversations: await db.conversations.toArray(),
      messages: (await db.messages.toArray()).map(withoutBlobs),
      personas: await db.personas.toArray(),
      minds: await db.minds.toArray(),
      designMemories: await db.designMemories.toArray(),
      toolUses: await db.toolUses.toArray(),
      settings: await db.settings.toArray(),
    }),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each table's rows must have these fields of these types. */
const REQUIRED: Record<string, Record<string, 'string' | 'number' | 'object'>> = {
  conversations: { id: 'number', title: 'string', modelId: 'string', createdAt: 'number', updatedAt: 'number' },
  messages: {
    id: 'number',
    conversationId: 'number',
    role: 'string',
    text: 'string',
    createdAt: 'number',
    status: 'string',
  },
  personas: { id: 'string', name: 'string' },
  minds: { modelId: 'string', wants: 'object', goals: 'object' },
  designMemories: { modelId: 'string', history: 'object' },
  toolUses: { modelId: 'string', tool: 'string', calls: 'number' },
  settings: { key: 'string' },
};

/** Reads and checks a backup file's text; throws a BackupError that says what is wrong. */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not JSON, so it is not a ForgeAI backup. Nothing was changed.');
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT)
    throw new BackupError(
      'This JSON file is not a ForgeAI backup (it has no "format": "forgeai-backup"). Nothing was changed.',
    );
  if (typeof data.version !== 'number' || data.version > BACKUP_VERSION)
    throw new BackupError(
      `This backup was made by a newer ForgeAI (version ${String(data.version)}). Update the app, then import it. Nothing was changed.`,
    );
  for (const [table, fields] of Object.entries(REQUIRED)) {
    const rows = data[table];
    if (!Array.isArray(rows)) throw new BackupError(`The backup has no "${table}" list. Nothing was changed.`);
    rows.forEach((row, index) => {
      if (!isObject(row)) throw new BackupError(`${table}[${index}] is not an object. Nothing was changed.`);
      for (const [field, type] of Object.entries(fields))
        if (typeof row[field] !== type || row[field] === null)
          throw new BackupError(`${table}[${index}].${field} is missing or not a ${type}. Nothing was changed.`);
    });
  }
  const roles = ['user', 'assistant', 'tool', 'system'];
  const messages = data.messages as StoredMessage[];
  const bad = messages.findIndex((m) => !roles.includes(m.role));
  if (bad !== -1) throw new BackupError(`messages[${bad}] has an unknown role. Nothing was changed.`);
  return data as unknown as Backup;
}

export interface ImportSummary {
  conversations: number;
  messages: number;
  /** Conversations already here (imported before): skipped. */
  skipped: number;
}

/** The same conversation, wherever its id: same creation time, model and title. */
const sameConversation = (a: Conversation, b: Conversation) =>
  a.createdAt === b.createdAt && a.modelId === b.modelId && a.title === b.title;

export async function importBackup(db: AppDB, backup: Backup): Promise<ImportSummary> {
  const summary: ImportSummary = { conversations: 0, messages: 0, skipped: 0 };
  const tables = [db.conversations, db.messages, db.personas, db.minds, db.designMemories, db.toolUses, db.settings];
  await db.transaction('rw', tables, async () => {
    const existing = await db.conversations.toArray();
    for (const conversation of backup.conversations) {
      if (existing.some((here) => sameConversation(here, conversation))) {
        summary.skipped++;
        continue;
      }
      const { id: oldId, ...fields } = conversation;
      const newId = await db.conversations.add(fields as Conversation);
      const messages = backup.messages
        .filter((m) => m.conversationId === oldId)
        .map(({ id: _id, ...m }) => ({ ...m, conversationId: newId }) as StoredMessage);
      await db.messages.bulkAdd(messages);
      summary.conversations++;
      summary.messages += messages.length;
    }
    // Keyed by stable ids: importing again replaces a row with itself.
    await db.personas.bulkPut(backup.personas.filter((p) => !p.builtIn));
    await db.minds.bulkPut(backup.minds);
    await db.designMemories.bulkPut(backup.designMemories);
    await db.toolUses.bulkPut(backup.toolUses);
    await db.settings.bulkPut(backup.settings);
  });
  return summary;
}
