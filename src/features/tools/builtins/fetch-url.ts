// fetch_url: reads a web page (its readable text) or a text file from the web, for the model.
import { cutAtWord, readablePage } from '../page-text.ts';
import type { Tool } from '../registry.ts';

const TIMEOUT_MS = 15_000;
const EXCERPT = 300;

const isHtml = (type: string, body: string) =>
  /html/.test(type) || (!type && /^\s*(<!doctype html|<html)/i.test(body.slice(0, 200)));
const isText = (type: string) => !type || /^text\/|json|xml|javascript|csv|yaml/.test(type);

/** Only web addresses: no file:, data:, javascript: or anything else the browser might open. */
function webAddress(value: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (error) {
    throw new Error(`"${value}" is not a web address. Give a full one, like https://example.com/page.`, {
      cause: error,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`Only http:// and https:// addresses can be fetched, not ${url.protocol} ones.`);
  return url;
}

async function download(fetchImpl: typeof fetch, url: string, signal: AbortSignal) {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]) });
    if (!response.ok) {
      const hint = response.status >= 500 ? 'Try again later.' : 'Check the address.';
      throw new Error(`The site answered ${response.status} ${response.statusText}`.trimEnd() + `. ${hint}`);
    }
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    return { type, body: await response.text(), finalUrl: response.url || url };
  } catch (error) {
    if (signal.aborted) throw new Error('Stopped by the user.', { cause: error });
    if (error instanceof DOMException && error.name === 'TimeoutError')
      throw new Error(`${url} did not answer within ${TIMEOUT_MS / 1000} s. Try again later.`, { cause: error });
    if (error instanceof TypeError)
      throw new Error(
        `Could not fetch ${url}: you may be offline, the site may not allow other sites to read it (CORS), or the app's security policy may not allow it (only the Hub and local addresses by default).`,
        { cause: error },
      );
    throw error;
  }
}

export function fetchUrlTool(fetchImpl: typeof fetch = (...a) => fetch(...a), budget = 4000): Tool {
  return {
    name: 'fetch_url',
    description: 'Reads a web page (its main text) or a text file from the internet.',
    parameters: { url: { type: 'string', description: 'The full address, starting with http:// or https://' } },
    required: ['url'],
    risk: 'uses the network',
    example: { url: 'https://en.wikipedia.org/wiki/Lighthouse' },
    async run(args, { signal }) {
      const url = webAddress(String(args.url)).href;
      if (signal.aborted) throw new Error('Stopped by the user.');
      const { type, body, finalUrl } = await download(fetchImpl, url, signal);
      let page: { title: string; text: string; truncated: boolean };
      if (isHtml(type, body)) {
        if (typeof DOMParser === 'undefined') throw new Error('Web pages can only be read in a browser page.');
        page = readablePage(new DOMParser().parseFromString(body, 'text/html'), finalUrl, budget);
      } else if (isText(type)) page = { title: finalUrl, ...cutAtWord(body.trim(), budget) };
      else throw new Error(`${url} is not a page or text (it is ${type.split(';')[0]}). fetch_url reads only those.`);
      // Pages often start with their title as a heading: show it once.
      const rest = page.text.startsWith(page.title) ? page.text.slice(page.title.length).trimStart() : page.text;
      const excerpt = cutAtWord(rest, EXCERPT);
      return {
        result: { url: finalUrl, title: page.title, text: page.text, truncated: page.truncated },
        display: { kind: 'text', text: `${page.title}\n\n${excerpt.text}${excerpt.truncated ? '…' : ''}` },
      };
    },
  };
}
