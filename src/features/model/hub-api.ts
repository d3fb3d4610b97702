// The two Hub API calls the model manager makes: search for transformers.js models, and list one
// repo's files with their sizes. Mirrors often serve files but no API, so listing degrades to
// "unknown" instead of failing; search has nothing to fall back on and says so in words.
import type { RepoFile } from './repo-files.ts';

export interface HubModelSummary {
  id: string;
  downloads: number;
  likes: number;
  pipelineTag?: string;
  tags: string[];
}

export interface SearchOptions {
  limit?: number;
  signal?: AbortSignal;
}

function apiUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}/api/${path}`;
}

/** `owner/name` with each part escaped, keeping the slash the Hub's route expects. */
function repoPath(modelId: string): string {
  return modelId.trim().split('/').map(encodeURIComponent).join('/');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function parseSummaries(body: unknown): HubModelSummary[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const models: HubModelSummary[] = [];
  for (const item of body) {
    if (!isRecord(item) || typeof item.id !== 'string') return undefined;
    if (models.some((m) => m.id === item.id)) continue; // a mirror's repeat would break the keyed list
    const tags = Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string') : [];
    models.push({
      id: item.id,
      downloads: count(item.downloads),
      likes: count(item.likes),
      ...(typeof item.pipeline_tag === 'string' ? { pipelineTag: item.pipeline_tag } : {}),
      tags,
    });
  }
  return models;
}

/**
 * Transformers.js models matching `query`, most downloaded first (an empty query lists the most
 * downloaded of all). Throws an Error with a message for people; an abort rethrows the AbortError.
 */
export async function searchModels(
  endpoint: string,
  query: string,
  options: SearchOptions = {},
): Promise<HubModelSummary[]> {
  const params = new URLSearchParams({
    search: query.trim(),
    filter: 'transformers.js',
    sort: 'downloads',
    direction: '-1',
    limit: String(options.limit ?? 20),
  });
  let response: Response;
  try {
    response = await fetch(`${apiUrl(endpoint, 'models')}?${params}`, { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new Error(`Cannot reach ${endpoint} to search. Check your connection or the Hub endpoint in Settings.`, {
      cause: error,
    });
  }
  if (response.status === 404 || response.status === 405 || response.status === 501) {
    throw new Error(
      `The Hub endpoint ${endpoint} has no model search (HTTP ${response.status}). You can still type a model id.`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `The Hub endpoint ${endpoint} could not search right now (HTTP ${response.status}). Try again later, or type a model id.`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    body = undefined;
  }
  const models = parseSummaries(body);
  if (!models) {
    throw new Error(
      `The Hub endpoint ${endpoint} answered the search with something that is not a model list. You can still type a model id.`,
    );
  }
  return models;
}

/**
 * The files in `modelId`'s repo with their sizes (`?blobs=true` makes the Hub include them), or
 * undefined when the endpoint has no usable API: callers then go on without sizes. Throws only when
 * the repo is refused (401/403) or gated, since then the download itself will fail.
 */
export async function repoFiles(
  endpoint: string,
  modelId: string,
  signal?: AbortSignal,
): Promise<RepoFile[] | undefined> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl(endpoint, 'models')}/${repoPath(modelId)}?blobs=true`, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined;
  }
  const refused = `"${modelId}" is private or gated: ForgeAI can only load public models.`;
  if (response.status === 401) {
    // The Hub answers 401 for a repo that does not exist, too, rather than confirm private ones.
    throw new Error(`${refused} If it should be public, check the id (owner/name).`);
  }
  if (response.status === 403) throw new Error(refused);
  if (!response.ok) return undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined;
  }
  if (!isRecord(body) || !Array.isArray(body.siblings)) return undefined;
  // A gated repo's listing is public, but its files need a signed-in, approved user.
  if (body.gated === 'auto' || body.gated === 'manual' || body.gated === true) throw new Error(refused);
  return body.siblings.flatMap((s): RepoFile[] => {
    if (!isRecord(s) || typeof s.rfilename !== 'string') return [];
    const size = typeof s.size === 'number' && Number.isFinite(s.size) ? s.size : undefined;
    return [size === undefined ? { path: s.rfilename } : { path: s.rfilename, size }];
  });
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Download and like counts the way the Hub shows them: 950, 1.2k, 3.4M. */
export function formatCount(value: number): string {
  return compact.format(value).replace('K', 'k');
}
