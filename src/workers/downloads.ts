// transformers.js's `env.fetch`: every model download goes through here, so a load can be cancelled,
// files the endpoint lacks are not asked for again, and the local-folder pseudo endpoint never
// reaches the network.

/** Models imported from a folder live in the cache under this endpoint; it is never fetched. */
export const LOCAL_ENDPOINT = 'https://local-folder.forgeai.invalid';

export class Downloads {
  private controller = new AbortController();
  /** URLs the endpoint answered 404 for during this load. */
  readonly absent = new Set<string>();
  private knownAbsent = new Set<string>();
  /** Whole files fetched from the network in this load (not size probes): 0 means all came from the cache. */
  filesDownloaded = 0;

  begin(knownAbsent: string[]): void {
    this.controller = new AbortController();
    this.absent.clear();
    this.filesDownloaded = 0;
    this.knownAbsent = new Set(knownAbsent);
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  cancel(): void {
    this.controller.abort(new DOMException('The download was cancelled.', 'AbortError'));
  }

  readonly fetch = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input.href;
    if (this.knownAbsent.has(url) || url.startsWith(LOCAL_ENDPOINT)) {
      return new Response('Not part of this model', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
    const response = await fetch(input, { ...init, signal: this.controller.signal });
    if (response.status === 404) this.absent.add(url);
    if (response.status === 200) this.filesDownloaded++;
    return response;
  };
}
