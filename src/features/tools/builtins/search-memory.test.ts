import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../db/app-db.ts';
import { createConversation } from '../../../db/conversations.ts';
import type { StoredMessage } from '../../../db/messages.ts';
import { searchMemoryTool, type MemorySearchOptions } from './search-memory.ts';

const MODEL = 'forgeai-fixtures/scripted-chat';
const START = Date.UTC(2026, 0, 1);

let db: AppDB;
let clock: number;

beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  clock = START;
});

afterEach(async () => {
  await db.delete();
});

type Saved = Pick<StoredMessage, 'conversationId' | 'role' | 'text'> & Partial<Pick<StoredMessage, 'status'>>;

/** Saves messages in order, a minute apart. */
async function save(...messages: Saved[]): Promise<void> {
  await db.messages.bulkAdd(
    messages.map((m) => ({ status: 'done', modelId: MODEL, createdAt: (clock += 60_000), ...m }) as StoredMessage),
  );
}

async function search(args: Record<string, unknown>, options?: MemorySearchOptions) {
  const output = await searchMemoryTool(db, options).run(args, {
    signal: new AbortController().signal,
    modelId: MODEL,
  });
  const result = output.result as {
    query: string;
    matches: { conversation: string; role: string; when: string; text: string }[];
    note?: string;
  };
  return { result, display: output.display };
}

describe('search_memory', () => {
  it('finds messages with all the words, newest first, with their chat, role and date', async () => {
    const trip = await createConversation(db, MODEL, 'Trip plans');
    const food = await createConversation(db, MODEL, 'Recipes');
    await save(
      { conversationId: trip.id, role: 'user', text: 'I want to visit Paris in the spring.' },
      { conversationId: trip.id, role: 'assistant', text: 'Spring in Paris is lovely: book the trains early.' },
      { conversationId: food.id, role: 'user', text: 'A recipe for paris-brest, please (for spring)?' },
      { conversationId: food.id, role: 'user', text: 'Paris only, no season.' },
    );
    const { result, display } = await search({ query: 'paris SPRING' });
    expect(result.query).toBe('paris SPRING');
    expect(result.matches.map((m) => [m.conversation, m.role, m.text])).toEqual([
      ['Recipes', 'user', 'A recipe for paris-brest, please (for spring)?'],
      ['Trip plans', 'assistant', 'Spring in Paris is lovely: book the trains early.'],
      ['Trip plans', 'user', 'I want to visit Paris in the spring.'],
    ]);
    expect(result.matches[0].when).toBe(new Date(START + 3 * 60_000).toISOString());
    expect(result.note).toBeUndefined();
    expect(display).toMatchObject({ kind: 'text', text: expect.stringContaining('Trip plans · assistant: Spring') });
  });

  it('matches the starts of words only, and ignores tool messages and failed replies', async () => {
    const chat = await createConversation(db, MODEL, 'Chat');
    await save(
      { conversationId: chat.id, role: 'user', text: 'My cats are called Tom and Tim.' },
      { conversationId: chat.id, role: 'assistant', text: 'Scattered thoughts about a cat', status: 'error' },
      { conversationId: chat.id, role: 'tool', text: '{"result":"cat facts"}' },
      { conversationId: chat.id, role: 'user', text: 'I scattered the seeds.' },
    );
    const { result } = await search({ query: 'cat' });
    expect(result.matches.map((m) => m.text)).toEqual(['My cats are called Tom and Tim.']);
  });

  it('stops at the limit', async () => {
    const chat = await createConversation(db, MODEL, 'Chat');
    await save(
      ...Array.from({ length: 12 }, (_, i) => ({ conversationId: chat.id, role: 'user' as const, text: `note ${i}` })),
    );
    expect((await search({ query: 'note' })).result.matches.map((m) => m.text)).toEqual([
      'note 11',
      'note 10',
      'note 9',
      'note 8',
      'note 7',
    ]);
    expect((await search({ query: 'note', limit: 2 })).result.matches).toHaveLength(2);
  });

  it('cuts long messages to a snippet around the first match', async () => {
    const chat = await createConversation(db, MODEL, 'Chat');
    const text = `${'blah '.repeat(100)}the secret word is   banana ${'more '.repeat(100)}`;
    await save({ conversationId: chat.id, role: 'assistant', text });
    const [match] = (await search({ query: 'banana' })).result.matches;
    expect(match.text.length).toBeLessThanOrEqual(200);
    expect(match.text).toContain('the secret word is banana');
    expect(match.text.startsWith('…') && match.text.endsWith('…')).toBe(true);
  });

  it('says when nothing was found', async () => {
    const { result, display } = await search({ query: 'unicorns' });
    expect(result).toEqual({ query: 'unicorns', matches: [] });
    expect(display).toEqual({ kind: 'text', text: 'Nothing found for "unicorns"' });
  });

  it('can leave out the newest user message (the question that asked for the search)', async () => {
    const chat = await createConversation(db, MODEL, 'Chat');
    await save(
      { conversationId: chat.id, role: 'user', text: 'My dog is called Rex.' },
      { conversationId: chat.id, role: 'user', text: 'What is my dog called?' },
    );
    const { result } = await search({ query: 'dog' }, { skipNewestUserMessage: true });
    expect(result.matches.map((m) => m.text)).toEqual(['My dog is called Rex.']);
  });

  // The words index finds it however deep in the history (the first version scanned at most 20,000).
  it('finds a message under 20,000 newer ones', async () => {
    const chat = await createConversation(db, MODEL, 'Chat');
    await save({ conversationId: chat.id, role: 'user', text: 'The needle is here.' });
    await save(
      ...Array.from({ length: 20_000 }, () => ({ conversationId: chat.id, role: 'user' as const, text: 'hay' })),
    );
    const { result } = await search({ query: 'needle' });
    expect(result.matches.map((m) => m.text)).toEqual(['The needle is here.']);
  });

  it('refuses a query without words, and stops when asked to', async () => {
    await expect(search({ query: '  ?! ' })).rejects.toThrow(/Give some words/);
    const controller = new AbortController();
    controller.abort();
    await expect(
      searchMemoryTool(db).run({ query: 'x' }, { signal: controller.signal, modelId: MODEL }),
    ).rejects.toThrow('Stopped by the user.');
  });
});
