import { describe, expect, it } from 'vitest';
import { policyFor, withAppHeaders } from './app-headers.ts';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

describe('withAppHeaders', () => {
  it('makes the page cross-origin isolated under the policy', () => {
    const r = withAppHeaders(new Response('<!doctype html>'), POLICY);
    expect(r.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(r.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(r.headers.get('Content-Security-Policy')).toBe(POLICY);
  });

  it('keeps the status, headers and body', async () => {
    const original = new Response('<!doctype html><title>ForgeAI</title>', {
      status: 203,
      statusText: 'From Cache',
      headers: { 'Content-Type': 'text/html; charset=utf-8', ETag: '"abc"' },
    });
    const r = withAppHeaders(original, POLICY);
    expect(r.status).toBe(203);
    expect(r.statusText).toBe('From Cache');
    expect(r.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('ETag')).toBe('"abc"');
    expect(await r.text()).toBe('<!doctype html><title>ForgeAI</title>');
  });

  it('keeps binary bodies byte for byte', async () => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255]);
    const r = withAppHeaders(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }), POLICY);
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(bytes);
  });

  it('overrides weaker isolation headers', () => {
    const original = new Response('x', {
      headers: { 'Cross-Origin-Embedder-Policy': 'unsafe-none', 'Content-Security-Policy': 'default-src *' },
    });
    const r = withAppHeaders(original, POLICY);
    expect(r.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(r.headers.get('Content-Security-Policy')).toBe(POLICY);
  });

  it('keeps a 404 a 404', async () => {
    const r = withAppHeaders(new Response('Entry not found', { status: 404, statusText: 'Not Found' }), POLICY);
    expect(r.status).toBe(404);
    expect(r.ok).toBe(false);
    expect(await r.text()).toBe('Entry not found');
    expect(r.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('returns error responses untouched', () => {
    const error = Response.error();
    expect(error.type).toBe('error');
    expect(withAppHeaders(error, POLICY)).toBe(error);
  });

  it('leaves the original response unchanged', () => {
    const original = new Response('x');
    withAppHeaders(original, POLICY);
    expect(original.headers.has('Content-Security-Policy')).toBe(false);
  });
});

describe('policyFor', () => {
  const policies = { app: 'app policy', sandbox: 'sandbox policy' };

  it("gives run_code's sandbox page its own policy, and every other file the app's", () => {
    const scope = 'https://app.example/';
    expect(policyFor('https://app.example/sandbox.html', scope, policies)).toBe('sandbox policy');
    expect(policyFor('https://app.example/sandbox.html?__WB_REVISION__=1', scope, policies)).toBe('sandbox policy');
    expect(policyFor('https://app.example/index.html', scope, policies)).toBe('app policy');
    expect(policyFor('https://app.example/', scope, policies)).toBe('app policy');
    expect(policyFor('https://app.example/assets/sandbox.html.js', scope, policies)).toBe('app policy');
  });

  it('finds the page under the scope of a sub-path build, and only there', () => {
    const scope = 'https://app.example/forgeai/sub/';
    expect(policyFor('https://app.example/forgeai/sub/sandbox.html', scope, policies)).toBe('sandbox policy');
    expect(policyFor('https://app.example/sandbox.html', scope, policies)).toBe('app policy');
    expect(policyFor('https://app.example/forgeai/sub/other/sandbox.html', scope, policies)).toBe('app policy');
  });
});
