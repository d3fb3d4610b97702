// The one IndexedDB database's version history, declared in one place for every thread that opens it
// (the app, and the model worker through its narrow model-cache view). Never edit an old version: add
// version(n + 1), with an upgrade when existing rows must change.
import type Dexie from 'dexie';
import type { StoredMessage } from './messages.ts';
import { searchWords } from './search-words.ts';

export const DATABASE_NAME = 'forgeai';

export function declareVersions(db: Dexie): void {
  db.version(1).stores({
    conversations: '++id, modelId, updatedAt',
    messages: '++id, conversationId, [conversationId+createdAt], status',
    settings: 'key',
  });
  // The model cache (issue 3): model files live here, not in the Cache API.
  db.version(2).stores({
    cachedModels: 'key, lastUsedAt',
    cachedFiles: 'url, modelKey',
    fileChunks: '[url+index], url',
  });
  // Personas (issue 4); conversations remember theirs in a new, unindexed personaId field.
  db.version(3).stores({ personas: 'id, updatedAt' });
  // Wants, motivations and goals (issue 5): one mind per model id.
  db.version(4).stores({ minds: 'modelId' });
  // Learned design associations and the design history (issue 5): one per model id.
  db.version(5).stores({ designMemories: 'modelId' });
  // Tool usage patterns (issue 8): one row per model and tool.
  db.version(6).stores({ toolUses: '[modelId+tool], modelId' });
  // Full-text search (issue 9): each message's words in a multi-entry index; existing messages get theirs.
  db.version(7)
    .stores({ messages: '++id, conversationId, [conversationId+createdAt], status, *words' })
    .upgrade((tx) =>
      tx
        .table('messages')
        .toCollection()
        .modify((message: StoredMessage) => {
          message.words = searchWords(message.text ?? '');
        }),
    );
  // One name for the feature (issue 14): the "wants" half-life setting is the mind's.
  db.version(8)
    .stores({})
    .upgrade(async (tx) => {
      const settings = tx.table('settings');
      for (const [old, key] of Object.entries(RENAMED_SETTINGS)) {
        const row = await settings.get(old);
        if (!row) continue;
        await settings.put({ key, value: row.value });
        await settings.delete(old);
      }
    });
}

/** Settings saved (and backed up) under an older key: old key → today's. */
export const RENAMED_SETTINGS: Readonly<Record<string, string>> = { wantsHalfLifeDays: 'mindHalfLifeDays' };
