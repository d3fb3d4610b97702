// One JSON file with everything a person would miss: conversations, personas, wants, learned designs,
// tool usage and settings (never the model files, which download again). Importing checks the whole
// file first (backup-check.ts) and writes in one transaction: a bad file changes nothing, and the same
// file twice adds nothing the second time. Settings that grant permissions or choose where data goes are
// never restored (setting-schemas.ts).
import type { AppDB } from './app-db.ts';
import type { Conversation } from './conversations.ts';
import type { StoredMessage } from './messages.ts';
import type { Persona } from './personas.ts';
import type { Setting } from './settings.ts';
import type { ToolUse } from './tool-uses.ts';
import type { MindState } from '../features/mind/types.ts';
import type { DesignMemory } from '../features/avatar/designs/types.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from './backup-check.ts';
import { NOT_RESTORED_LABELS, SETTINGS, type SettingKey } from './setting-schemas.ts';

export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, parseBackup } from './backup-check.ts';

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

export interface ImportSummary {
  conversations: number;
  messages: number;
  /** Conversations already here (imported before): skipped. */
  skipped: number;
  /** The file's settings that were not restored, in words (tool permissions, the Hub endpoint, …). */
  leftOut: string[];
}

/** The same conversation, wherever its id: same creation time, model and title. */
const sameConversation = (a: Conversation, b: Conversation) =>
  a.createdAt === b.createdAt && a.modelId === b.modelId && a.title === b.title;

export async function importBackup(db: AppDB, backup: Backup): Promise<ImportSummary> {
  const restorable = backup.settings.filter((row) => SETTINGS[row.key as SettingKey].restorable);
  const leftOut = Object.entries(NOT_RESTORED_LABELS)
    .filter(([key]) => backup.settings.some((row) => row.key === key))
    .map(([, label]) => label);
  const summary: ImportSummary = { conversations: 0, messages: 0, skipped: 0, leftOut };
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
    await db.personas.bulkPut(backup.personas);
    await db.minds.bulkPut(backup.minds);
    await db.designMemories.bulkPut(backup.designMemories);
    await db.toolUses.bulkPut(backup.toolUses);
    await db.settings.bulkPut(restorable);
  });
  return summary;
}

/** A backup file's text, checked whole, then imported (or refused with a BackupError, changing nothing). */
export async function restoreBackup(db: AppDB, text: string): Promise<ImportSummary> {
  return importBackup(db, parseBackup(text));
}
