// Full-text search over saved messages: every message keeps its distinct words in a multi-entry
// IndexedDB index (`*words`), so finding a word is an index lookup, not a scan of the history.
import type { AppDB } from './app-db.ts';
import type { StoredMessage } from './messages.ts';
import { escapeRegExp } from '../shared/regexp.ts';

import { searchWords } from './search-words.ts';

export { searchWords };

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  message: StoredMessage;
  snippet: SnippetPart[];
  /** How many times the query's words occur: the "best first" order. */
  score: number;
}

/** About 140 characters around the first match, split into plain and matching parts (no HTML). */
export function snippet(text: string, terms: string[], width = 140): SnippetPart[] {
  if (!terms.length) return [{ text: text.slice(0, width), match: false }];
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const first = text.search(pattern);
  const start = Math.max(0, (first === -1 ? 0 : first) - width / 3);
  const piece = (start > 0 ? '…' : '') + text.slice(start, start + width) + (start + width < text.length ? '…' : '');
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const match of piece.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: piece.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < piece.length) parts.push({ text: piece.slice(last), match: false });
  return parts;
}

export interface SearchOptions {
  /** Only this conversation. */
  conversationId?: number;
  order?: 'newest' | 'best';
  limit?: number;
}

const shown = (message: StoredMessage | undefined, options: SearchOptions): message is StoredMessage =>
  !!message &&
  message.role !== 'tool' &&
  message.status !== 'error' &&
  (options.conversationId === undefined || message.conversationId === options.conversationId);

function hitFor(message: StoredMessage, terms: string[]): SearchHit {
  const any = new RegExp(terms.map(escapeRegExp).join('|'), 'g');
  return {
    message,
    snippet: snippet(message.text, terms),
    score: (message.text.toLowerCase().match(any) ?? []).length,
  };
}

/**
 * Newest first, fast path: walk the first word's exact entries from the newest and stop at `limit`,
 * so the cost follows the page size, not the history. Returns undefined when there are fewer exact
 * matches than that (then the full search also finds words that only start with the query's).
 */
async function newestWholeWordHits(db: AppDB, terms: string[], options: SearchOptions, limit: number) {
  const [first, ...rest] = terms;
  const hits: SearchHit[] = [];
  await db.messages
    .where('words')
    .equals(first)
    .reverse()
    .until(() => hits.length >= limit)
    .each((message) => {
      const words = message.words ?? [];
      if (shown(message, options) && rest.every((term) => words.some((word) => word.startsWith(term))))
        hits.push(hitFor(message, terms));
    });
  return hits.length >= limit ? hits : undefined;
}

/** Messages containing every word of the query (a word may be the start of a longer one). */
export async function searchMessages(db: AppDB, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const terms = searchWords(query);
  if (!terms.length) return [];
  if (options.order !== 'best') {
    const fast = await newestWholeWordHits(db, terms, options, options.limit ?? 20);
    if (fast) return fast;
  }
  let ids: Set<number> | undefined;
  for (const term of terms) {
    const found = new Set(await db.messages.where('words').startsWith(term).primaryKeys());
    ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
    if (!ids.size) return [];
  }
  const newestFirst = [...(ids ?? [])].sort((a, b) => b - a);
  const limit = options.limit ?? 20;
  const hits: SearchHit[] = [];
  // Read newest first, in pages, until enough match the filters ("best" ranks within what was read).
  for (let at = 0; at < newestFirst.length && hits.length < (options.order === 'best' ? 200 : limit); at += 200) {
    const messages = await db.messages.bulkGet(newestFirst.slice(at, at + 200));
    for (const message of messages) if (shown(message, options)) hits.push(hitFor(message, terms));
  }
  if (options.order === 'best') hits.sort((a, b) => b.score - a.score || b.message.id - a.message.id);
  return hits.slice(0, limit);
}
