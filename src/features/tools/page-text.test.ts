import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readablePage } from './page-text.ts';

// The app parses with the browser's DOMParser; linkedom stands in for it under Node.
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const URL = 'https://example.com/post';
const read = (html: string, budget = 10_000) => readablePage(parse(html), URL, budget);
/** linkedom needs the whole document (browsers add <html> and <body> themselves). */
const body = (html: string) => `<html><head></head><body>${html}</body></html>`;

const PAGE = `<!doctype html><html><head>
  <title>  A   day at
  the sea </title>
  <style>body { color: red }</style>
  <script>var secret = "tracking";</script>
</head><body>
  <header><h1>Site name</h1></header>
  <nav><a href="/">Home</a> <a href="/about">About</a></nav>
  <article>
    <h1>A day at the sea</h1>
    <p>The   water was
       <b>cold</b>, and the <a href="/sand">sand</a> was warm.</p>
    <script>document.write("injected")</script>
    <p>We stayed<br>until dark.</p>
    <ul><li>Towels</li><li>Sun cream</li></ul>
  </article>
  <aside>Related posts</aside>
  <form><input name="q"><button>Search</button></form>
  <footer>© 2026</footer>
</body></html>`;

describe('readablePage', () => {
  it('reads the title, with its whitespace collapsed', () => {
    expect(read(PAGE).title).toBe('A day at the sea');
  });

  it('falls back to the first heading, then the address, for the title', () => {
    expect(read(body('<h1>Only a heading</h1>')).title).toBe('Only a heading');
    expect(read(body('<p>No title</p>')).title).toBe(URL);
  });

  it('keeps scripts, styles and site furniture out of the text', () => {
    const { text } = read(PAGE);
    for (const hidden of ['secret', 'tracking', 'injected', 'color', 'Site name', 'Home', 'Related', 'Search', '©'])
      expect(text).not.toContain(hidden);
  });

  it('prefers the article, with paragraph and line breaks kept and whitespace collapsed', () => {
    const page = read(PAGE);
    expect(page.text).toBe(
      'A day at the sea\n\nThe water was cold, and the sand was warm.\n\nWe stayed\nuntil dark.\n\nTowels\nSun cream',
    );
    expect(page).toMatchObject({ truncated: false, links: 1 });
  });

  it('prefers <main> when there is no single article, else reads the body', () => {
    const main = read(body('<p>Intro</p><main><article><p>One</p></article><article><p>Two</p></article></main>'));
    expect(main.text).toBe('One\n\nTwo');
    expect(read(body('<div>Just</div><div>a body</div>')).text).toBe('Just\na body');
  });

  it('reads a page wrapped in one big form, and skips hidden parts', () => {
    const wrapped = read(body('<form><main><h1>Hello</h1><p hidden>Secret</p><p>World</p></main></form>'));
    expect(wrapped.text).toBe('Hello\n\nWorld');
  });

  it('cuts at a word boundary within the budget and says so', () => {
    const html = body('<p>alpha beta gamma delta epsilon</p>');
    expect(read(html, 13)).toMatchObject({ text: 'alpha beta', truncated: true });
    expect(read(html, 16)).toMatchObject({ text: 'alpha beta gamma', truncated: true });
    expect(read(html, 3)).toMatchObject({ text: 'alp', truncated: true });
    expect(read(html, 100)).toMatchObject({ text: 'alpha beta gamma delta epsilon', truncated: false });
    for (let budget = 1; budget < 40; budget++) expect(read(PAGE, budget).text.length).toBeLessThanOrEqual(budget);
  });

  it('does not change the document it reads', () => {
    const doc = parse(PAGE);
    const before = doc.documentElement.outerHTML;
    readablePage(doc, URL, 20);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
