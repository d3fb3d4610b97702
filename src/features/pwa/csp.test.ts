import { describe, expect, it } from 'vitest';
import { connectAllowed, contentSecurityPolicy, pagePolicy, parseConnectSources } from './csp.ts';

const PAGE = 'https://app.example';

/** The tokens of one directive of `policy`, or undefined when it is absent. */
function directive(policy: string, name: string): string[] | undefined {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find((tokens) => tokens[0] === name);
  return found?.slice(1);
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy(['https://hf-mirror.com', 'https://x.example:8443']);

  it('lets scripts come from the app and compile WebAssembly', () => {
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('never allows eval', () => {
    const tokens = policy.split(/[\s;]+/);
    expect(tokens).toContain("'wasm-unsafe-eval'");
    expect(tokens).not.toContain("'unsafe-eval'");
  });

  it('never allows inline scripts', () => {
    expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
  });

  it('starts workers only from the app and blob: (run_code runs in sandbox.html, not a data: worker)', () => {
    expect(directive(policy, 'worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('forbids plugins', () => {
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
  });

  it('lets the app download from itself, the Hub and the configured mirrors', () => {
    const connect = directive(policy, 'connect-src');
    expect(connect).toEqual(
      expect.arrayContaining(["'self'", 'https://huggingface.co', 'https://hf-mirror.com', 'https://x.example:8443']),
    );
  });

  it('adds no mirrors when none are configured', () => {
    expect(directive(contentSecurityPolicy(), 'connect-src')).not.toContain('https://hf-mirror.com');
  });
});

describe('parseConnectSources', () => {
  it('accepts comma or space separated origins', () => {
    expect(parseConnectSources('https://hf-mirror.com, https://x.example:8443')).toEqual([
      'https://hf-mirror.com',
      'https://x.example:8443',
    ]);
    expect(parseConnectSources('http://127.0.0.1:*  https://*.example.org')).toEqual([
      'http://127.0.0.1:*',
      'https://*.example.org',
    ]);
  });

  it('returns nothing when unset or empty', () => {
    expect(parseConnectSources(undefined)).toEqual([]);
    expect(parseConnectSources('')).toEqual([]);
    expect(parseConnectSources(' ,  ')).toEqual([]);
  });

  it.each(["'unsafe-eval'", 'https://a.com/path', '*', 'https://a.com; script-src *', 'ftp://a.com'])(
    'refuses %s, naming it',
    (value) => {
      const bad = value.split(/[\s,]+/)[0];
      expect(() => parseConnectSources(`https://ok.example ${value}`)).toThrow(bad);
    },
  );

  it('names only the bad entries', () => {
    expect(() => parseConnectSources('https://ok.example, https://a.com/path')).toThrow(
      /not an origin: https:\/\/a\.com\/path \(/,
    );
  });
});

describe('connectAllowed', () => {
  const allows = (sources: string, url: string) => connectAllowed(`connect-src ${sources}`, url, PAGE);

  it("matches 'self' to the page's own origin only", () => {
    expect(allows("'self'", 'https://app.example/models/a.onnx')).toBe(true);
    expect(allows("'self'", 'https://other.example/a')).toBe(false);
    expect(allows("'self'", 'http://app.example/a')).toBe(false);
    expect(allows("'self'", 'https://app.example:8443/a')).toBe(false);
  });

  it('matches an exact host', () => {
    expect(allows('https://huggingface.co', 'https://huggingface.co/api/models')).toBe(true);
    expect(allows('https://huggingface.co', 'https://docs.huggingface.co/x')).toBe(false);
  });

  it('matches subdomains of a wildcard, but not the bare domain or look-alikes', () => {
    expect(allows('https://*.hf.co', 'https://cas-bridge.xethub.hf.co/x')).toBe(true);
    expect(allows('https://*.hf.co', 'https://hf.co/x')).toBe(false);
    expect(allows('https://*.hf.co', 'https://evilhf.co/x')).toBe(false);
  });

  it('matches any port for a port wildcard', () => {
    expect(allows('http://127.0.0.1:*', 'http://127.0.0.1:8080/m')).toBe(true);
    expect(allows('http://127.0.0.1:*', 'http://127.0.0.1/m')).toBe(true);
  });

  it('matches only the default port when the source has none', () => {
    expect(allows('https://mirror.example', 'https://mirror.example/m')).toBe(true);
    expect(allows('https://mirror.example', 'https://mirror.example:443/m')).toBe(true);
    expect(allows('https://mirror.example', 'https://mirror.example:8443/m')).toBe(false);
  });

  it('matches an explicit port only', () => {
    expect(allows('https://x.example:8443', 'https://x.example:8443/m')).toBe(true);
    expect(allows('https://x.example:8443', 'https://x.example:9443/m')).toBe(false);
    expect(allows('https://x.example:8443', 'https://x.example/m')).toBe(false);
  });

  it('refuses plain http for an https source', () => {
    expect(allows('https://huggingface.co', 'http://huggingface.co/x')).toBe(false);
  });

  it('lets an http source upgrade to https, as browsers do', () => {
    expect(allows('http://localhost:*', 'https://localhost:5173/x')).toBe(true);
  });

  it('treats an explicit default port like no port', () => {
    expect(allows('https://x.example:443', 'https://x.example/m')).toBe(true);
  });

  it('refuses an unparseable URL', () => {
    expect(allows("'self' https://huggingface.co", 'not a url')).toBe(false);
  });

  it('falls back to default-src without connect-src', () => {
    const policy = "default-src 'self'; script-src 'self'";
    expect(connectAllowed(policy, 'https://app.example/a', PAGE)).toBe(true);
    expect(connectAllowed(policy, 'https://huggingface.co/a', PAGE)).toBe(false);
  });

  it('prefers connect-src over default-src', () => {
    const policy = "default-src 'self'; connect-src https://huggingface.co";
    expect(connectAllowed(policy, 'https://huggingface.co/a', PAGE)).toBe(true);
    expect(connectAllowed(policy, 'https://app.example/a', PAGE)).toBe(false);
  });

  it('allows everything when neither is set', () => {
    expect(connectAllowed("script-src 'self'", 'https://anything.example/a', PAGE)).toBe(true);
    expect(connectAllowed('', 'https://anything.example/a', PAGE)).toBe(true);
  });

  it("allows the Hub and the app's mirrors under the app's own policy", () => {
    const policy = contentSecurityPolicy(['https://hf-mirror.com']);
    expect(connectAllowed(policy, 'https://huggingface.co/org/model/resolve/main/config.json', PAGE)).toBe(true);
    expect(connectAllowed(policy, 'https://hf-mirror.com/org/model', PAGE)).toBe(true);
    expect(connectAllowed(policy, 'https://evil.example/model', PAGE)).toBe(false);
  });
});

describe('pagePolicy', () => {
  function fakeDocument(meta: { content: string } | null): { doc: Document; selectors: string[] } {
    const selectors: string[] = [];
    const doc = {
      querySelector: (selector: string) => {
        selectors.push(selector);
        return meta;
      },
    } as unknown as Document;
    return { doc, selectors };
  }

  it('reads the policy from the meta tag', () => {
    const { doc, selectors } = fakeDocument({ content: "default-src 'self'" });
    expect(pagePolicy(doc)).toBe("default-src 'self'");
    expect(selectors).toEqual(['meta[http-equiv="Content-Security-Policy"]']);
  });

  it('is undefined without a meta tag', () => {
    expect(pagePolicy(fakeDocument(null).doc)).toBeUndefined();
  });
});
