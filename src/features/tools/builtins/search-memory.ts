// search_memory: finds what was said in saved conversations (this device's IndexedDB), newest first,
// through the same words index as the Search panel (db/search.ts).
import type { AppDB } from '../../../db/app-db.ts';
import { conversationsById } from '../../../db/conversations.ts';
import { newestUserMessage } from '../../../db/messages.ts';
import { searchMessages } from '../../../db/search.ts';
import { escapeRegExp } from '../../../shared/regexp.ts';
import type { Tool } from '../registry.ts';

const LIMIT = { min: 1, max: 10, default: 5 };
const SNIPPET = 200;

export interface MemorySearchOptions {
  /**
   * Leaves out the newest user message: during a turn that is the question that asked for the search,
   * which would otherwise always be the first match.
   */
  skipNewestUserMessage?: boolean;
}

/** Each word must start a word of the text (so "cat" finds "Cats" but not "scatter"). */
function wordPatterns(query: string): RegExp[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].map((word) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}`, 'iu'));
}

/** Up to SNIPPET characters around `at`, with … where the text goes on. */
function snippet(text: string, at: number): string {
  if (text.length <= SNIPPET) return text;
  const start = Math.max(0, Math.min(at - 60, text.length - (SNIPPET - 2)));
  const end = Math.min(text.length, start + SNIPPET - 2);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

export function searchMemoryTool(db: AppDB, options: MemorySearchOptions = {}): Tool {
  return {
    name: 'search_memory',
    description: 'Searches what the user and you said in earlier saved conversations, newest first.',
    parameters: {
      query: { type: 'string', description: 'Words to look for (all must appear)' },
      limit: { type: 'integer', description: `How many matches, ${LIMIT.min}–${LIMIT.max} (default ${LIMIT.default})` },
    },
    required: ['query'],
    example: { query: 'birthday present' },
    async run(args, { signal }) {
      const query = String(args.query).trim();
      const patterns = wordPatterns(query);
      if (!patterns.length) throw new Error('Give some words to search for, like "holiday plans".');
      const asked = Math.round(Number(args.limit ?? LIMIT.default));
      const limit = Number.isFinite(asked) ? Math.max(LIMIT.min, Math.min(LIMIT.max, asked)) : LIMIT.default;
      if (signal.aborted) throw new Error('Stopped by the user.');
      // The question that asked for the search is the newest user message: not an answer to itself.
      const asking = options.skipNewestUserMessage ? await newestUserMessage(db) : undefined;
      const hits = await searchMessages(db, query, { limit: limit + 2 });
      const matches = hits
        .map((hit) => hit.message)
        // A streaming reply is the one being written now.
        .filter((message) => message.id !== asking?.id && message.status !== 'streaming')
        .slice(0, limit)
        .map((message) => {
          const text = message.text.replace(/\s+/g, ' ').trim();
          return {
            message,
            text,
            at: Math.min(text.length, ...patterns.map((p) => text.search(p)).filter((at) => at >= 0)),
          };
        });
      const ids = [...new Set(matches.map((m) => m.message.conversationId))];
      const titles = new Map((await conversationsById(db, ids)).map((c) => [c.id, c.title]));
      const found = matches.map(({ message, text, at }) => ({
        conversation: titles.get(message.conversationId) ?? '(deleted chat)',
        role: message.role,
        when: new Date(message.createdAt).toISOString(),
        text: snippet(text, at),
      }));
      const lines = found.map((m) => `${m.when.slice(0, 10)} · ${m.conversation} · ${m.role}: ${m.text}`);
      return {
        result: { query, matches: found },
        display: { kind: 'text', text: found.length ? lines.join('\n') : `Nothing found for "${query}"` },
      };
    },
  };
}
