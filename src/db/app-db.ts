// The one IndexedDB database, as the app sees it: every table, and the hooks that keep the search index
// current. Its version history is in schema.ts (shared with the model worker's narrow view).
import type { EntityTable } from 'dexie';
import type { Conversation } from './conversations.ts';
import type { StoredMessage } from './messages.ts';
import type { MindState } from '../features/mind/types.ts';
import type { DesignMemory } from '../features/avatar/designs/types.ts';
import { ModelCacheDB } from './model-cache-db.ts';
import type { Persona } from './personas.ts';
import { DATABASE_NAME } from './schema.ts';
import { searchWords } from './search-words.ts';
import type { Setting } from './settings.ts';
import type { ToolUse } from './tool-uses.ts';
import type Dexie from 'dexie';

export class AppDB extends ModelCacheDB {
  // `declare`: Dexie sets the tables in the base constructor; class fields would reset them afterwards.
  declare conversations: EntityTable<Conversation, 'id'>;
  declare messages: EntityTable<StoredMessage, 'id'>;
  declare settings: EntityTable<Setting, 'key'>;
  declare personas: EntityTable<Persona, 'id'>;
  declare minds: EntityTable<MindState, 'modelId'>;
  declare designMemories: EntityTable<DesignMemory, 'modelId'>;
  declare toolUses: Dexie.Table<ToolUse, [string, string]>;

  constructor(name = DATABASE_NAME) {
    super(name);
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
