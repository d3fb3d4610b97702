// The model cache: transformers.js's `env.customCache`, backed by IndexedDB through Dexie.
// Only whole, successful responses are kept (never an HTML page, an error or a cut-off body), each
// file in 64 MB Blob chunks. A load that fails or is cancelled removes what it stored, so a bad
// download never poisons the cache.
import type { ModelCacheDB } from '../db/model-cache-db.ts';
import { deleteCachedModel, modelKey, type CachedModel } from '../db/cached-models.ts';
import type { Dtype } from '../shared/model-types.ts';

export const CHUNK_BYTES = 64 * 1024 * 1024;

export interface CacheTarget {
  endpoint: string;
  modelId: string;
  revision: string;
  source: CachedModel['source'];
}

function urlOf(request: string | URL | Request): string {
  return typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
}

export function isQuotaError(error: unknown): boolean {
  const named = (e: unknown): string | undefined =>
    e instanceof Error || e instanceof DOMException ? e.name : undefined;
  const inner = (error as { inner?: unknown } | null)?.inner;
  return named(error) === 'QuotaExceededError' || named(inner) === 'QuotaExceededError';
}

export class ModelCache {
  /** Set when the disk filled up during this load; the load itself may still succeed from memory. */
  quotaError: unknown;
  private target: (CacheTarget & { key: string; prefix: string; isNew: boolean }) | undefined;
  private storedThisLoad: string[] = [];

  constructor(
    private readonly db: ModelCacheDB,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  /** Files stored from now on belong to this model. Returns what the cache knows about it. */
  async beginLoad(target: CacheTarget): Promise<CachedModel | undefined> {
    const endpoint = target.endpoint.replace(/\/+$/, '');
    const key = modelKey(endpoint, target.modelId, target.revision);
    const existing = await this.db.cachedModels.get(key);
    const now = Date.now();
    if (!existing) {
      await this.db.cachedModels.put({
        ...target,
        endpoint,
        key,
        dtypes: [],
        bytes: 0,
        complete: false,
        absentFiles: [],
        createdAt: now,
        lastUsedAt: now,
      });
    }
    const prefix = `${endpoint}/${target.modelId}/resolve/${encodeURIComponent(target.revision)}/`;
    this.target = { ...target, endpoint, key, prefix, isNew: !existing };
    this.storedThisLoad = [];
    this.quotaError = undefined;
    return existing;
  }

  async match(request: string): Promise<Response | undefined> {
    const url = urlOf(request);
    const file = await this.db.cachedFiles.get(url);
    if (!file) return undefined;
    const chunks = await this.db.fileChunks.where('[url+index]').between([url, 0], [url, Infinity]).toArray();
    const blob = new Blob(
      chunks.map((c) => c.data),
      { type: file.contentType },
    );
    // A damaged entry counts as missing: it will be downloaded again.
    if (chunks.length !== file.chunks || blob.size !== file.size) return undefined;
    const headers: Record<string, string> = { 'content-type': file.contentType, 'content-length': String(file.size) };
    if (file.etag) headers.etag = file.etag;
    return new Response(blob, { status: 200, headers });
  }

  async put(request: string, response: Response): Promise<void> {
    const url = urlOf(request);
    const target = this.target;
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    // Only the loading model's own files: other things transformers.js caches (its wasm) stay out.
    if (!target || !url.startsWith(target.prefix) || !response.ok || contentType.includes('text/html')) return;
    const blob = await response.blob();
    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) !== blob.size) return; // cut off mid-way
    const chunkCount = Math.max(1, Math.ceil(blob.size / this.chunkBytes));
    // A file that was here before (a damaged copy being replaced) is not this load's to remove.
    const existed = (await this.db.cachedFiles.get(url)) !== undefined;
    try {
      await this.db.transaction('rw', this.db.cachedFiles, this.db.fileChunks, async () => {
        await this.db.fileChunks.where('url').equals(url).delete();
        await this.db.fileChunks.bulkPut(
          Array.from({ length: chunkCount }, (_, index) => ({
            url,
            index,
            data: blob.slice(index * this.chunkBytes, (index + 1) * this.chunkBytes),
          })),
        );
        await this.db.cachedFiles.put({
          url,
          modelKey: target.key,
          file: url.slice(target.prefix.length),
          size: blob.size,
          etag: response.headers.get('etag') ?? undefined,
          contentType,
          storedAt: Date.now(),
          chunks: chunkCount,
        });
      });
      if (!existed) this.storedThisLoad.push(url);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      this.quotaError = error;
    }
  }

  /** Removes a model entirely (a folder imported again replaces the old import, never merges with it). */
  async forget(target: CacheTarget): Promise<void> {
    await deleteCachedModel(this.db, modelKey(target.endpoint, target.modelId, target.revision));
  }

  /** Marks a model complete for a dtype without a load (a folder import), keeping the load target open. */
  async markComplete(target: CacheTarget, dtype: Dtype): Promise<void> {
    await this.updateComplete(modelKey(target.endpoint, target.modelId, target.revision), dtype, []);
  }

  /** The load worked: the model is complete for this dtype. Files the endpoint lacks are remembered. */
  async finishLoad(dtype: Dtype, absentUrls: Iterable<string>): Promise<void> {
    const target = this.target;
    if (!target) return;
    await this.updateComplete(target.key, dtype, absentUrls);
    this.target = undefined;
  }

  private async updateComplete(key: string, dtype: Dtype, absentUrls: Iterable<string>): Promise<void> {
    const files = await this.db.cachedFiles.where('modelKey').equals(key).toArray();
    await this.db.cachedModels.update(key, (model) => {
      model.bytes = files.reduce((sum, f) => sum + f.size, 0);
      model.complete = true;
      if (!model.dtypes.includes(dtype)) model.dtypes.push(dtype);
      model.absentFiles = [...new Set([...model.absentFiles, ...absentUrls])];
      model.lastUsedAt = Date.now();
    });
  }

  /** The load failed or was cancelled: remove what it stored (and the model, if it was new). */
  async abandonLoad(): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.target = undefined;
    await this.db.transaction('rw', this.db.cachedModels, this.db.cachedFiles, this.db.fileChunks, async () => {
      await this.db.fileChunks.where('url').anyOf(this.storedThisLoad).delete();
      await this.db.cachedFiles.bulkDelete(this.storedThisLoad);
      if (target.isNew) await this.db.cachedModels.delete(target.key);
    });
  }
}
