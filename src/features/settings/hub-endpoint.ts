// The Hub endpoint (like HF_ENDPOINT for mirrors): a saved setting, overridden for one visit by ?hub=<url>.

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

/** Checks and normalises an endpoint; returns an error message for anything that is not an http(s) URL. */
export function parseHubEndpoint(input: string): { endpoint: string } | { error: string } {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `"${text}" is not a URL. Use something like ${DEFAULT_HUB_ENDPOINT}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: 'The Hub endpoint must start with http:// or https://' };
  if (url.search || url.hash) return { error: 'The Hub endpoint cannot have a ?query or #fragment' };
  return { endpoint: url.href.replace(/\/+$/, '') };
}

export function hubEndpointFromUrl(search: string): string | undefined {
  const value = new URLSearchParams(search).get('hub');
  if (!value) return undefined;
  const parsed = parseHubEndpoint(value);
  return 'endpoint' in parsed ? parsed.endpoint : undefined;
}
