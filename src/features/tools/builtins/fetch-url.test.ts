import { DOMParser } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchUrlTool } from './fetch-url.ts';

const HTML = `<!doctype html><html><head><title>Lighthouses</title>
<script>const secret = 'do not read';</script></head>
<body><nav><a href="/">Home</a></nav><main><h1>Lighthouses</h1><p>They guide   ships.</p></main></body></html>`;

type FetchHandler = (url: string, init?: RequestInit) => Promise<Response>;

/** A fetch that answers with `handler` and remembers what it was asked. */
function fakeFetch(handler: FetchHandler) {
  return vi.fn((input: RequestInfo | URL, init?: RequestInit) => handler(String(input), init));
}

const answer = (body: string, type: string, status = 200) =>
  fakeFetch(async () => new Response(body, { status, headers: { 'content-type': type } }));

const run = (fetchImpl: ReturnType<typeof fakeFetch>, url: string, signal = new AbortController().signal) =>
  fetchUrlTool(fetchImpl).run({ url }, { signal, modelId: 'test' });

beforeEach(() => {
  // The app uses the browser's DOMParser; linkedom's stands in for it here.
  vi.stubGlobal('DOMParser', DOMParser);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetch_url', () => {
  it('reads a page’s title and text, without its scripts', async () => {
    const fetchImpl = answer(HTML, 'text/html; charset=utf-8');
    const output = await run(fetchImpl, 'https://example.com/lights');
    expect(output.result).toEqual({
      url: 'https://example.com/lights',
      title: 'Lighthouses',
      text: 'Lighthouses\n\nThey guide ships.',
      truncated: false,
    });
    expect(JSON.stringify(output)).not.toContain('do not read');
    expect(output.display).toEqual({ kind: 'text', text: 'Lighthouses\n\nThey guide ships.' });
    expect(fetchImpl.mock.calls[0][1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('returns plain text and JSON as they are, cut to the budget', async () => {
    const plain = await run(answer('  just some notes  ', 'text/plain'), 'http://localhost:8080/notes.txt');
    expect(plain.result).toMatchObject({ title: 'http://localhost:8080/notes.txt', text: 'just some notes' });
    const long = `${'word '.repeat(2000)}end`;
    const json = await run(answer(JSON.stringify({ long }), 'application/json'), 'https://example.com/data.json');
    const result = json.result as { text: string; truncated: boolean };
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(4000);
    expect(result.text).toMatch(/^\{"long":"word word/);
    expect(result.text).toMatch(/word$/);
  });

  it('reports an error status', async () => {
    await expect(run(answer('Not here', 'text/html', 404), 'https://example.com/gone')).rejects.toThrow(
      'The site answered 404',
    );
  });

  it('explains a network failure (offline, CORS or the security policy)', async () => {
    const fetchImpl = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await run(fetchImpl, 'https://example.com/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "Could not fetch https://example.com/: you may be offline, the site may not allow other sites to read it (CORS), or the app's security policy may not allow it (only the Hub and local addresses by default).",
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('refuses addresses that are not http(s), without fetching', async () => {
    const fetchImpl = answer('', 'text/plain');
    await expect(run(fetchImpl, 'ftp://example.com/file.txt')).rejects.toThrow(/Only http:\/\/ and https:\/\//);
    await expect(run(fetchImpl, 'javascript:alert(1)')).rejects.toThrow(/Only http:\/\/ and https:\/\//);
    await expect(run(fetchImpl, 'example.com')).rejects.toThrow(/not a web address/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('refuses images and other binary files', async () => {
    await expect(run(answer('PNG', 'image/png'), 'https://example.com/a.png')).rejects.toThrow(/image\/png/);
  });

  it('stops when the user stops', async () => {
    const controller = new AbortController();
    const fetchImpl = fakeFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    const pending = run(fetchImpl, 'https://example.com/slow', controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow('Stopped by the user.');
    await expect(run(fetchImpl, 'https://example.com/slow', controller.signal)).rejects.toThrow('Stopped by the user.');
  });

  it('says when a site takes too long', async () => {
    const fetchImpl = fakeFetch(() => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')));
    await expect(run(fetchImpl, 'https://example.com/slow')).rejects.toThrow(/did not answer within 15 s/);
  });
});
