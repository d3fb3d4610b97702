// Shared by the model-cache tests: one fake Hub model, its file URLs, and bodies whose order shows.
import { expect } from 'vitest';
import type { AppDB } from '../db/app-db.ts';
import { modelKey } from '../db/cached-models.ts';
import type { CacheTarget } from './model-cache.ts';

export const ENDPOINT = 'http://hub.test';
export const TARGET: CacheTarget = { endpoint: ENDPOINT, modelId: 'owner/name', revision: 'main', source: 'hub' };
export const OTHER: CacheTarget = { ...TARGET, modelId: 'owner/other' };
export const KEY = modelKey(ENDPOINT, 'owner/name', 'main');
export const OTHER_KEY = modelKey(ENDPOINT, 'owner/other', 'main');

/** Where transformers.js fetches `file` of `modelId` from (and the cache key it uses). */
export function fileUrl(file: string, modelId = TARGET.modelId): string {
  return `${ENDPOINT}/${modelId}/resolve/main/${file}`;
}

/** `length` bytes that differ from one position to the next, so a reordered chunk would show. */
export function bytes(length: number, seed = 0): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + seed) % 256);
}

export function ok(data: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Response {
  return new Response(new Blob([data]), {
    status: 200,
    headers: { 'content-type': 'application/octet-stream', ...headers },
  });
}

export async function bodyOf(response: Response | undefined): Promise<Uint8Array> {
  expect(response).toBeDefined();
  return new Uint8Array(await (response as Response).arrayBuffer());
}

export async function counts(db: AppDB): Promise<{ models: number; files: number; chunks: number }> {
  return {
    models: await db.cachedModels.count(),
    files: await db.cachedFiles.count(),
    chunks: await db.fileChunks.count(),
  };
}
