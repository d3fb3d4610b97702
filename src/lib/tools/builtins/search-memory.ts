// search_memory: finds what was said in saved conversations (this device's IndexedDB), newest first.
import type { AppDB } from '../../db/app-db.ts';
import type { StoredMessage } from '../../db/messages.ts';
import type { Tool } from '../registry.ts';

const LIMIT = { min: 1, max: 10, default: 5 };
/** Messages read per step, and at most in all: a search stays quick however long the history. */
const BATCH = 500;
export const MAX_SCANNED = 20_000;
const SNIPPET = 200;

export interface MemorySearchOptions {
  /**
   * Leaves out the newest user message: during a turn that is the question that asked for the search,
   * which would otherwise always be the first match.
   */
  skipNewestUserMessage?: boolean;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each word must start a word of the text (so "cat" finds "Cats" but not "scatter"). */
function wordPatterns(query: string): RegExp[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].map((word) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}`, 'iu'));
}

/** Up to SNIPPET characters around `at`, with … where the text goes on. */
function snippet(text: string, at: number): string {
  if (text.length <= SNIPPET) return text;
  const start = Math.max(0, Math.min(at - 60, text.length - (SNIPPET - 2)));
  const end = Math.min(text.length, start + SNIPPET - 2);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

interface Match {
  message: StoredMessage;
  text: string;
  at: number;
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
      const matches: Match[] = [];
      let scanned = 0;
      let below = Infinity;
      let skipUser = options.skipNewestUserMessage ?? false;
      // Newest first by id (ids only grow), a batch at a time, so the search can stop at any point.
      while (matches.length < limit && scanned < MAX_SCANNED) {
        if (signal.aborted) throw new Error('Stopped by the user.');
        const batch = await db.messages
          .where(':id')
          .below(below)
          .reverse()
          .limit(Math.min(BATCH, MAX_SCANNED - scanned))
          .toArray();
        if (!batch.length) break;
        for (const message of batch) {
          scanned++;
          if (message.role !== 'user' && message.role !== 'assistant') continue;
          if (message.role === 'user' && skipUser) {
            skipUser = false;
            continue;
          }
          // Errors are not what was said; a streaming reply is the one being written now.
          if (message.status === 'error' || message.status === 'streaming') continue;
          const text = message.text.replace(/\s+/g, ' ').trim();
          const found = patterns.map((pattern) => text.search(pattern));
          if (found.some((at) => at < 0)) continue;
          matches.push({ message, text, at: Math.min(...found) });
          if (matches.length === limit) break;
        }
        below = batch[batch.length - 1].id;
      }
      const stoppedEarly = matches.length < limit && scanned >= MAX_SCANNED;
      const ids = [...new Set(matches.map((m) => m.message.conversationId))];
      const conversations = await db.conversations.bulkGet(ids);
      const titles = new Map(ids.map((id, i) => [id, conversations[i]?.title ?? '(deleted chat)']));
      const found = matches.map(({ message, text, at }) => ({
        conversation: titles.get(message.conversationId) ?? '(deleted chat)',
        role: message.role,
        when: new Date(message.createdAt).toISOString(),
        text: snippet(text, at),
      }));
      const note = stoppedEarly ? `Only the newest ${MAX_SCANNED} messages were searched.` : undefined;
      const lines = found.map((m) => `${m.when.slice(0, 10)} · ${m.conversation} · ${m.role}: ${m.text}`);
      const display = found.length ? lines.join('\n') : `Nothing found for "${query}"`;
      return {
        result: { query, matches: found, ...(note && { note }) },
        display: { kind: 'text', text: note ? `${display}\n(${note})` : display },
      };
    },
  };
}
