// The one IndexedDB database. Never edit an old version: add version(n + 1) with an upgrade.
import Dexie, { type EntityTable } from 'dexie';
import type { CachedFile, CachedModel, FileChunk } from './cached-models.ts';
import type { Conversation } from './conversations.ts';
import type { StoredMessage } from './messages.ts';
import { searchWords } from './search.ts';
import type { MindState } from '../features/mind/types.ts';
import type { DesignMemory } from '../features/avatar/designs/types.ts';
import type { Persona } from './personas.ts';
import type { Setting } from './settings.ts';
import type { ToolUse } from './tool-uses.ts';

export class AppDB extends Dexie {
  conversations!: EntityTable<Conversation, 'id'>;
  messages!: EntityTable<StoredMessage, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  cachedModels!: EntityTable<CachedModel, 'key'>;
  cachedFiles!: EntityTable<CachedFile, 'url'>;
  fileChunks!: Dexie.Table<FileChunk, [string, number]>;
  personas!: EntityTable<Persona, 'id'>;
  minds!: EntityTable<MindState, 'modelId'>;
  designMemories!: EntityTable<DesignMemory, 'modelId'>;
  toolUses!: Dexie.Table<ToolUse, [string, string]>;

  constructor(name = 'forgeai') {
    super(name);
    this.version(1).stores({
      conversations: '++id, modelId, updatedAt',
      messages: '++id, conversationId, [conversationId+createdAt], status',
      settings: 'key',
    });
    // The model cache (issue 3): model files live here, not in the Cache API.
    this.version(2).stores({
      cachedModels: 'key, lastUsedAt',
      cachedFiles: 'url, modelKey',
      fileChunks: '[url+index], url',
    });
    // Personas (issue 4); conversations remember theirs in a new, unindexed personaId field.
    this.version(3).stores({ personas: 'id, updatedAt' });
    // Wants, motivations and goals (issue 5): one mind per model id.
    this.version(4).stores({ minds: 'modelId' });
    // Learned design associations and the design history (issue 5): one per model id.
    this.version(5).stores({ designMemories: 'modelId' });
    // Tool usage patterns (issue 8): one row per model and tool.
    this.version(6).stores({ toolUses: '[modelId+tool], modelId' });
    // Full-text search (issue 9): each message's words in a multi-entry index; existing messages get theirs.
    this.version(7)
      .stores({ messages: '++id, conversationId, [conversationId+createdAt], status, *words' })
      .upgrade((tx) =>
        tx
          .table('messages')
          .toCollection()
          .modify((message: StoredMessage) => {
            message.words = searchWords(message.text ?? '');
          }),
      );
    // Every way a message is written (sent, streamed, restored from a backup) keeps its words current.
    this.messages.hook('creating', (_key, message) => {
      message.words = searchWords(message.text ?? '');
    });
    this.messages.hook('updating', (changes) =>
      'text' in changes ? { words: searchWords(String((changes as { text?: unknown }).text ?? '')) } : undefined,
    );
  }
}

export const db = new AppDB();
