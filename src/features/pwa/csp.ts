// The app's Content Security Policy: one definition, used for the <meta> tag in index.html and for the
// header the service worker adds (which also covers the model worker, where the downloads happen).

/** Where model downloads may come from by default: the Hugging Face Hub, its CDNs, and local mirrors. */
export const DEFAULT_CONNECT_SOURCES = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'http://localhost:*',
  'http://127.0.0.1:*',
];

const SOURCE_PATTERN = /^(https?|wss?):\/\/(\*\.)?[a-z0-9.-]+(:(\d+|\*))?$/i;

/** Parses FORGEAI_CONNECT_SRC ("https://hf-mirror.com, https://models.example"): origins only, anything else is an error. */
export function parseConnectSources(value: string | undefined): string[] {
  const sources = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = sources.filter((source) => !SOURCE_PATTERN.test(source));
  if (bad.length)
    throw new Error(`FORGEAI_CONNECT_SRC: not an origin: ${bad.join(', ')} (use e.g. https://hf-mirror.com)`);
  return sources;
}

export function contentSecurityPolicy(extraConnectSources: string[] = []): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // ONNX Runtime compiles its WebAssembly: that needs wasm-unsafe-eval, never unsafe-eval.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", ...DEFAULT_CONNECT_SOURCES, ...extraConnectSources],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    // Svelte sets style attributes; styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' || protocol === 'wss:' ? '443' : '80';
}

function sourceMatches(source: string, url: URL, pageOrigin: string): boolean {
  if (source === "'self'") return url.origin === pageOrigin;
  if (/^[a-z]+:$/i.test(source)) return url.protocol === source.toLowerCase();
  const match = /^([a-z]+):\/\/(\*\.)?([^:/]+)(?::(\d+|\*))?$/i.exec(source);
  if (!match) return false;
  const [, scheme, wildcard, host, port] = match;
  const sourceScheme = `${scheme.toLowerCase()}:`;
  // As in browsers: an http: source also allows the secure upgrade (https:), ws: allows wss:.
  const secureUpgrade = { 'http:': 'https:', 'ws:': 'wss:' }[sourceScheme];
  if (url.protocol !== sourceScheme && url.protocol !== secureUpgrade) return false;
  const hostOk = wildcard ? url.hostname.endsWith(`.${host.toLowerCase()}`) : url.hostname === host.toLowerCase();
  const portOk = port === '*' || (port ?? defaultPort(sourceScheme)) === (url.port || defaultPort(url.protocol));
  return hostOk && portOk;
}

/** Whether `policy` lets the app fetch `url` (connect-src, else default-src), for a page on `pageOrigin`. */
export function connectAllowed(policy: string, url: string, pageOrigin: string): boolean {
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map((tokens) => [tokens[0].toLowerCase(), tokens.slice(1)] as const),
  );
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return sources.some((source) => sourceMatches(source, target, pageOrigin));
}

/** The policy the page runs under, from its <meta> tag (absent in development). */
export function pagePolicy(doc: Document): string | undefined {
  return doc.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')?.content;
}

/** Why downloads from `endpoint` would be refused by `policy`, in words; undefined when they are allowed. */
export function endpointBlockedReason(policy: string | undefined, endpoint: string, pageOrigin: string) {
  if (!policy || connectAllowed(policy, endpoint, pageOrigin)) return undefined;
  const origin = new URL(endpoint).origin;
  return (
    `This copy of ForgeAI is not allowed to download from ${origin} (its Content Security Policy). ` +
    `Whoever builds it can allow it: FORGEAI_CONNECT_SRC=${origin} npm run build (see the README).`
  );
}
