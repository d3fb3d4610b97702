// The model cache's tables: models, their files, and each file's bytes in chunks.
// Written by the model worker (src/workers/model-cache.ts); read and deleted by the library view.
import type { Dtype } from '../shared/model-types.ts';
import type { ModelCacheDB } from './model-cache-db.ts';

export interface CachedModel {
  /** `${endpoint}|${modelId}|${revision}` */
  key: string;
  modelId: string;
  revision: string;
  endpoint: string;
  source: 'hub' | 'local';
  /** Weight formats whose files are all here. */
  dtypes: Dtype[];
  bytes: number;
  /** False while downloading, or when a download was interrupted (the page closed). */
  complete: boolean;
  /** Files the endpoint answered 404 for: not asked for again, so a cached model loads offline. */
  absentFiles: string[];
  createdAt: number;
  lastUsedAt: number;
}

export interface CachedFile {
  /** The URL transformers.js asks for; the cache key. */
  url: string;
  modelKey: string;
  file: string;
  size: number;
  etag?: string;
  contentType: string;
  storedAt: number;
  chunks: number;
}

/** Large files are split so no single IndexedDB value is huge (see CHUNK_BYTES in model-cache.ts). */
export interface FileChunk {
  url: string;
  index: number;
  data: Blob;
}

export function modelKey(endpoint: string, modelId: string, revision: string): string {
  return `${endpoint.replace(/\/+$/, '')}|${modelId}|${revision}`;
}

export function listCachedModels(db: ModelCacheDB): Promise<CachedModel[]> {
  return db.cachedModels.orderBy('lastUsedAt').reverse().toArray();
}

export function getCachedModel(db: ModelCacheDB, key: string): Promise<CachedModel | undefined> {
  return db.cachedModels.get(key);
}

/** Removes a model and every byte of it, in one transaction. */
export async function deleteCachedModel(db: ModelCacheDB, key: string): Promise<void> {
  await db.transaction('rw', db.cachedModels, db.cachedFiles, db.fileChunks, async () => {
    const urls = (await db.cachedFiles.where('modelKey').equals(key).primaryKeys()) as string[];
    await db.fileChunks.where('url').anyOf(urls).delete();
    await db.cachedFiles.bulkDelete(urls);
    await db.cachedModels.delete(key);
  });
}

export async function clearModelCache(db: ModelCacheDB): Promise<void> {
  await db.transaction('rw', db.cachedModels, db.cachedFiles, db.fileChunks, async () => {
    await Promise.all([db.fileChunks.clear(), db.cachedFiles.clear(), db.cachedModels.clear()]);
  });
}
