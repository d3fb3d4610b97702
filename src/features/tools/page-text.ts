// The readable text of a web page, for fetch_url: the article (or main part) without scripts, menus
// and forms, with paragraph breaks kept, cut to a budget. Walks the DOM itself (no innerText, which
// needs layout and is missing from some DOMs) and never changes the document.

export interface ReadablePage {
  title: string;
  text: string;
  truncated: boolean;
  /** Links in the text that was read. */
  links?: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
// Break marks while collecting; text nodes cannot contain them (their whitespace is already collapsed).
const LINE = '\n';
const PARAGRAPH = '\u2029';

const tags = (names: string) => new Set(names.split(' '));
/** Never text to read: code, embeds, site furniture. */
const SKIPPED = tags('script style noscript template iframe svg nav header footer aside form');
/** Elements that start a paragraph, those that only start a line, and table cells (a space). */
const PARAGRAPHS = tags('p h1 h2 h3 h4 h5 h6 blockquote pre table figure hr ul ol dl section article main details');
const LINES = tags('div li tr dt dd figcaption summary address caption');
const CELLS = tags('td th');

const tagOf = (element: Element) => element.tagName.toLowerCase();
const oneLine = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The one outermost <article>, else <main>, else the whole body. */
function contentRoot(doc: Document): Element | null {
  const articles = [...doc.querySelectorAll('article')].filter((a) => !a.parentElement?.closest('article'));
  if (articles.length === 1) return articles[0];
  return doc.querySelector('main') ?? doc.body ?? doc.documentElement;
}

/** Some sites (ASP.NET) wrap the whole page in a <form>: that one is content, not a search box. */
const skipped = (element: Element) =>
  element.hasAttribute('hidden') ||
  (SKIPPED.has(tagOf(element)) && !(tagOf(element) === 'form' && element.querySelector('article, main, h1')));

function collect(root: Element): { raw: string; links: number } {
  const parts: string[] = [];
  let links = 0;
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === TEXT_NODE) parts.push((child.textContent ?? '').replace(/\s+/g, ' '));
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      if (skipped(element)) continue;
      const tag = tagOf(element);
      if (tag === 'a' && element.hasAttribute('href')) links++;
      if (tag === 'br') parts.push(LINE);
      const mark = PARAGRAPHS.has(tag) ? PARAGRAPH : LINES.has(tag) ? LINE : CELLS.has(tag) ? ' ' : '';
      parts.push(mark);
      walk(element);
      parts.push(mark);
    }
  };
  walk(root);
  return { raw: parts.join(''), links };
}

/** Breaks next to each other merge (one empty line at most, between paragraphs); spaces collapse. */
function tidy(raw: string): string {
  return raw
    .replace(/\s*[\n\u2029]\s*/g, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

/** At most `budget` characters, ending at a word boundary when there is one. */
export function cutAtWord(text: string, budget: number): { text: string; truncated: boolean } {
  if (text.length <= budget) return { text, truncated: false };
  const head = text.slice(0, Math.max(0, budget));
  const space = /\s/.test(text[head.length]) ? head.length : head.search(/\s\S*$/);
  return { text: (space > 0 ? head.slice(0, space) : head).trimEnd(), truncated: true };
}

export function readablePage(doc: Document, url: string, budget: number): ReadablePage {
  const title = oneLine(doc.querySelector('title')?.textContent) || oneLine(doc.querySelector('h1')?.textContent);
  const root = contentRoot(doc);
  const { raw, links } = root ? collect(root) : { raw: '', links: 0 };
  return { title: title || url, ...cutAtWord(tidy(raw), budget), links };
}
