// The model cache's view of the database: only its three tables. The model worker opens the database
// through this, so it never loads the app's own tables, hooks or queries.
import Dexie, { type EntityTable } from 'dexie';
import type { CachedFile, CachedModel, FileChunk } from './cached-models.ts';
import { DATABASE_NAME, declareVersions } from './schema.ts';

export class ModelCacheDB extends Dexie {
  declare cachedModels: EntityTable<CachedModel, 'key'>;
  declare cachedFiles: EntityTable<CachedFile, 'url'>;
  declare fileChunks: Dexie.Table<FileChunk, [string, number]>;

  constructor(name = DATABASE_NAME) {
    super(name);
    declareVersions(this);
  }
}

export const modelCacheDb = (): ModelCacheDB => new ModelCacheDB();
