// The one IndexedDB database. Never edit an old version: add version(n + 1) with an upgrade.
import Dexie, { type EntityTable } from 'dexie';
import type { Conversation } from './conversations.ts';
import type { StoredMessage } from './messages.ts';
import type { Setting } from './settings.ts';

export class AppDB extends Dexie {
  conversations!: EntityTable<Conversation, 'id'>;
  messages!: EntityTable<StoredMessage, 'id'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = 'forgeai') {
    super(name);
    this.version(1).stores({
      conversations: '++id, modelId, updatedAt',
      messages: '++id, conversationId, [conversationId+createdAt], status',
      settings: 'key',
    });
  }
}

export const db = new AppDB();
