import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Downloads, LOCAL_ENDPOINT } from './downloads.ts';

const FILE = 'http://hub.test/owner/name/resolve/main/onnx/model.onnx';
const CONFIG = 'http://hub.test/owner/name/resolve/main/config.json';
const GENERATION = 'http://hub.test/owner/name/resolve/main/generation_config.json';

type FetchStub = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

let fetchStub: ReturnType<typeof vi.fn<FetchStub>>;
let downloads: Downloads;

/** The network answers each URL with the status given here (200 otherwise). */
function network(statuses: Record<string, number> = {}): void {
  fetchStub.mockImplementation(async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const status = statuses[url] ?? 200;
    return new Response(status === 404 ? 'Entry not found' : 'bytes', { status });
  });
}

function signalOfCall(call: number): AbortSignal {
  const signal = fetchStub.mock.calls[call][1]?.signal;
  expect(signal).toBeInstanceOf(AbortSignal);
  return signal as AbortSignal;
}

beforeEach(() => {
  fetchStub = vi.fn<FetchStub>();
  network();
  vi.stubGlobal('fetch', fetchStub);
  downloads = new Downloads();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Downloads.fetch', () => {
  it('answers a URL known to be absent with a 404 of its own, without the network', async () => {
    downloads.begin([GENERATION]);
    const response = await downloads.fetch(GENERATION);
    expect(response.status).toBe(404);
    expect(fetchStub).not.toHaveBeenCalled();

    await downloads.fetch(CONFIG);
    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(fetchStub.mock.calls[0][0]).toBe(CONFIG);
  });

  it('never sends a local folder’s URL to the network', async () => {
    downloads.begin([]);
    for (const input of [`${LOCAL_ENDPOINT}/local/tiny/resolve/main/config.json`, new URL(`${LOCAL_ENDPOINT}/x`)]) {
      const response = await downloads.fetch(input);
      expect(response.status).toBe(404);
      expect(response.ok).toBe(false);
    }
    expect(fetchStub).not.toHaveBeenCalled();
    expect(downloads.filesDownloaded).toBe(0);
  });

  it('records the URLs the endpoint answers 404 for, and only those', async () => {
    network({ [GENERATION]: 404, [CONFIG]: 500 });
    downloads.begin([]);
    expect((await downloads.fetch(GENERATION)).status).toBe(404);
    expect((await downloads.fetch(CONFIG)).status).toBe(500);
    expect((await downloads.fetch(new URL(FILE))).status).toBe(200);
    expect([...downloads.absent]).toEqual([GENERATION]);
  });

  it('counts whole files (200) but not range probes (206) or failures', async () => {
    fetchStub.mockImplementation(async (_input, init) => {
      const range = new Headers(init?.headers).get('range');
      return range ? new Response('b', { status: 206 }) : new Response('bytes', { status: 200 });
    });
    downloads.begin([]);
    await downloads.fetch(FILE, { headers: { Range: 'bytes=0-0' } });
    expect(downloads.filesDownloaded).toBe(0);
    await downloads.fetch(FILE);
    await downloads.fetch(CONFIG);
    expect(downloads.filesDownloaded).toBe(2);

    network({ [GENERATION]: 404 });
    await downloads.fetch(GENERATION);
    expect(downloads.filesDownloaded).toBe(2);
  });

  it('passes the caller’s request options on, with its own abort signal', async () => {
    downloads.begin([]);
    await downloads.fetch(FILE, { headers: { Range: 'bytes=0-0' }, cache: 'no-store' });
    const init = fetchStub.mock.calls[0][1];
    expect(new Headers(init?.headers).get('range')).toBe('bytes=0-0');
    expect(init?.cache).toBe('no-store');
    expect(signalOfCall(0).aborted).toBe(false);
  });
});

describe('Downloads.cancel', () => {
  it('aborts the signal every fetch of the load was given, and says it was cancelled', async () => {
    downloads.begin([]);
    await downloads.fetch(FILE);
    await downloads.fetch(CONFIG);
    expect(downloads.cancelled).toBe(false);

    downloads.cancel();
    expect(downloads.cancelled).toBe(true);
    for (const call of [0, 1]) {
      const signal = signalOfCall(call);
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBeInstanceOf(DOMException);
      expect((signal.reason as DOMException).name).toBe('AbortError');
    }
  });

  it('makes a fetch that is still running reject with the abort', async () => {
    fetchStub.mockImplementation(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    downloads.begin([]);
    const pending = downloads.fetch(FILE);
    downloads.cancel();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(downloads.filesDownloaded).toBe(0);
  });
});

describe('Downloads.begin', () => {
  it('starts each load afresh: no absent files, no count, not cancelled, a new signal and new known-absent URLs', async () => {
    network({ [GENERATION]: 404 });
    downloads.begin([CONFIG]);
    await downloads.fetch(GENERATION);
    await downloads.fetch(FILE);
    downloads.cancel();
    expect(downloads.absent.size).toBe(1);
    expect(downloads.filesDownloaded).toBe(1);

    downloads.begin([GENERATION]);
    expect(downloads.cancelled).toBe(false);
    expect(downloads.absent.size).toBe(0);
    expect(downloads.filesDownloaded).toBe(0);

    // CONFIG was known absent only for the last load; GENERATION is now.
    fetchStub.mockClear();
    expect((await downloads.fetch(CONFIG)).status).toBe(200);
    expect((await downloads.fetch(GENERATION)).status).toBe(404);
    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(signalOfCall(0).aborted).toBe(false);
    expect(downloads.filesDownloaded).toBe(1);
  });
});
