// A local stand-in for the Hugging Face Hub, shaped like the real one:
//   GET /{owner}/{name}/resolve/{revision}/{file}  → the file (Content-Length, ETag, Range), 404 if missing
//   GET /api/models?search=&filter=&limit=         → model list in the Hub's JSON shape
//   GET /api/models/{owner}/{name}                  → one model with its files (siblings)
// With `appDir`, it also serves the built app (static files only: a missing file is a 404, never index.html).
// Under /no-api/ the same files are served as a mirror without the /api routes would serve them.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { HubFaults, sendCorrupt, sendCut, sendSlowly } from './hub-faults.ts';

export interface HubServerOptions {
  /** Test controls (see hub-faults.ts); a fresh table when left out. */
  faults?: HubFaults;
  modelsDir: string;
  /** The built app, served at the root. */
  appDir?: string;
  /** More builds, each served under its own path prefix (e.g. a BASE=/forgeai/sub/ build at /forgeai/sub/). */
  subApps?: { prefix: string; dir: string; /** send COOP/COEP so the page can use threads */ isolated?: boolean }[];
  /** Pretend the Hub is down: every file request fails with this status. */
  failWith?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const COMMON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Range, Content-Type',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, ETag',
};

/** Resolves `path` inside `root`, refusing anything that escapes it. */
function inside(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined; // a malformed %-escape names no file
  }
  const full = normalize(join(root, decoded));
  return relative(root, full).startsWith('..') ? undefined : full;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    ),
  );
  return nested.flat();
}

async function listModels(modelsDir: string): Promise<string[]> {
  const owners = await readdir(modelsDir, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const owner of owners.filter((o) => o.isDirectory())) {
    for (const name of await readdir(join(modelsDir, owner.name), { withFileTypes: true })) {
      if (name.isDirectory()) ids.push(`${owner.name}/${name.name}`);
    }
  }
  return ids.sort();
}

function modelSummary(id: string) {
  return {
    _id: id,
    id,
    modelId: id,
    likes: 0,
    downloads: 0,
    private: false,
    pipeline_tag: 'text-generation',
    library_name: 'transformers.js',
    tags: ['transformers.js', 'onnx', 'text-generation', 'forgeai-fixture'],
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendNotFound(res: ServerResponse, what: string): void {
  // The Hub answers a missing file with a short text and 404 — never an HTML page that could be cached as a model file.
  const text = `Entry not found: ${what}`;
  res.writeHead(404, { ...COMMON_HEADERS, 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, extraHeaders: Record<string, string>) {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return sendNotFound(res, req.url ?? '');
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    ...COMMON_HEADERS,
    ...extraHeaders,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    ETag: etag,
  };
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  let start = 0;
  let end = info.size - 1;
  let status = 200;
  // A range whose end comes before its start is ignored, as RFC 9110 says: the whole file is sent.
  if (range && !(range[2] && Number(range[2]) < Number(range[1]))) {
    start = Number(range[1]);
    end = range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    if (start >= info.size) {
      res.writeHead(416, { ...COMMON_HEADERS, 'Content-Range': `bytes */${info.size}` });
      return res.end();
    }
    status = 206;
    headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
  }
  headers['Content-Length'] = info.size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || info.size === 0) return res.end();
  createReadStream(file, { start, end }).pipe(res);
}

async function handleApi(url: URL, res: ServerResponse, modelsDir: string): Promise<void> {
  const ids = await listModels(modelsDir);
  const one = /^\/api\/models\/([^/]+\/[^/]+)$/.exec(url.pathname);
  if (one) {
    const id = decodeURIComponent(one[1]);
    if (!ids.includes(id)) return sendJson(res, 404, { error: 'Repository not found' });
    const dir = join(modelsDir, id);
    const files = await listFiles(dir);
    const siblings = await Promise.all(
      files.map(async (rfilename) => ({ rfilename, size: (await stat(join(dir, rfilename))).size })),
    );
    return sendJson(res, 200, { ...modelSummary(id), sha: 'main', siblings });
  }
  const search = (url.searchParams.get('search') ?? '').toLowerCase();
  const filter = url.searchParams.get('filter');
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const matches = ids
    .filter((id) => id.toLowerCase().includes(search))
    .map(modelSummary)
    .filter((m) => !filter || m.tags.includes(filter) || m.library_name === filter)
    .slice(0, limit);
  return sendJson(res, 200, matches);
}

async function sendModelFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  fault: ReturnType<HubFaults['get']>,
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || fault === 'missing') return sendNotFound(res, req.url ?? '');
  if (fault === 'error') return sendJson(res, 500, { error: 'simulated server error' });
  const headers = { ...COMMON_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
  // Size probes (Range: bytes=0-0) are answered truthfully, so only the download itself is affected.
  if (fault === 'corrupt' && !req.headers.range) return sendCorrupt(res, info.size, headers);
  if (fault === 'slow' && !req.headers.range) return sendSlowly(res, file, info.size, headers);
  if (fault === 'cut' && !req.headers.range) return sendCut(res, file, info.size, headers);
  await sendFile(req, res, file, {});
}

/** Which build serves `path`, and the path inside it. */
function appFor(path: string, options: HubServerOptions) {
  const sub = options.subApps?.find((app) => path.startsWith(app.prefix));
  if (sub) return { dir: sub.dir, path: `/${path.slice(sub.prefix.length)}`, isolated: sub.isolated };
  return options.appDir ? { dir: options.appDir, path, isolated: false } : undefined;
}

const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export function createHubServer(options: HubServerOptions): Server {
  const faults = options.faults ?? new HubFaults();
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const noApi = url.pathname.startsWith('/no-api/');
    const path = noApi ? url.pathname.slice('/no-api'.length) : url.pathname;
    const handle = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, COMMON_HEADERS);
        return res.end();
      }
      if (faults.control(url, req, res)) return;
      if (path.startsWith('/api/models')) {
        return noApi ? sendNotFound(res, path) : handleApi(url, res, options.modelsDir);
      }
      const resolve = /^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(path);
      if (resolve) {
        if (options.failWith) return sendJson(res, options.failWith, { error: 'simulated failure' });
        const file = inside(join(options.modelsDir, resolve[1]), resolve[2]);
        if (!file) return sendNotFound(res, path);
        return sendModelFile(req, res, file, faults.get(resolve[1], decodeURIComponent(resolve[2])));
      }
      const app = appFor(path, options);
      if (app) {
        const appPath = app.path.endsWith('/') ? `${app.path}index.html` : app.path;
        const file = inside(app.dir, appPath);
        const headers = { 'Cache-Control': 'no-cache', ...(app.isolated ? ISOLATION : {}) };
        return file ? sendFile(req, res, file, headers) : sendNotFound(res, path);
      }
      sendNotFound(res, path);
    };
    handle().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
}
