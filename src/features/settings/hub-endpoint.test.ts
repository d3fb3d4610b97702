import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_ENDPOINT, hubEndpointFromUrl, parseHubEndpoint } from './hub-endpoint.ts';

describe('parseHubEndpoint', () => {
  it('accepts the default Hub endpoint as it is', () => {
    expect(parseHubEndpoint(DEFAULT_HUB_ENDPOINT)).toEqual({ endpoint: 'https://huggingface.co' });
  });

  it('removes trailing slashes and surrounding spaces', () => {
    expect(parseHubEndpoint('  https://hf-mirror.com/  ')).toEqual({ endpoint: 'https://hf-mirror.com' });
    expect(parseHubEndpoint('https://hf-mirror.com///')).toEqual({ endpoint: 'https://hf-mirror.com' });
  });

  it('keeps a path and a port', () => {
    expect(parseHubEndpoint('http://127.0.0.1:5174/mirror/')).toEqual({ endpoint: 'http://127.0.0.1:5174/mirror' });
  });

  it.each(['ftp://x', 'file:///etc/passwd', 'not a url', '', 'huggingface.co'])(
    'rejects %j with a message',
    (input) => {
      const parsed = parseHubEndpoint(input);
      expect(parsed).not.toHaveProperty('endpoint');
      expect('error' in parsed && parsed.error.length > 0).toBe(true);
    },
  );

  it('tells the user that only http:// and https:// work', () => {
    expect(parseHubEndpoint('ftp://x')).toEqual({ error: expect.stringMatching(/http:\/\/ or https:\/\//) });
  });

  it('rejects an endpoint with a ?query or #fragment', () => {
    expect(parseHubEndpoint('https://hf-mirror.com/?token=1')).toEqual({ error: expect.stringContaining('?query') });
    expect(parseHubEndpoint('https://hf-mirror.com/#top')).toEqual({ error: expect.stringContaining('#fragment') });
  });
});

describe('hubEndpointFromUrl', () => {
  it('reads and normalises ?hub=', () => {
    expect(hubEndpointFromUrl('?hub=http%3A%2F%2F127.0.0.1%3A5174%2Fmirror%2F')).toBe('http://127.0.0.1:5174/mirror');
    expect(hubEndpointFromUrl('?chat=1&hub=https://hf-mirror.com/')).toBe('https://hf-mirror.com');
  });

  it('ignores an invalid ?hub=', () => {
    expect(hubEndpointFromUrl('?hub=ftp://x')).toBeUndefined();
    expect(hubEndpointFromUrl('?hub=not%20a%20url')).toBeUndefined();
  });

  it('gives undefined when there is no ?hub=', () => {
    expect(hubEndpointFromUrl('')).toBeUndefined();
    expect(hubEndpointFromUrl('?other=1')).toBeUndefined();
    expect(hubEndpointFromUrl('?hub=')).toBeUndefined();
  });
});
