import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from './app-db.ts';
import { createConversation } from './conversations.ts';
import { addMessage, updateMessage } from './messages.ts';
import { searchMessages, searchWords, snippet } from './search.ts';

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

async function say(conversationId: number, text: string, role: 'user' | 'assistant' = 'user') {
  return addMessage(db, { conversationId, modelId: 'm', role, text, status: 'done' });
}

describe('searchWords', () => {
  it('lower-cases, splits on anything but letters and digits, keeps each word once', () => {
    expect(searchWords('The Sea, the SEA! Café 42 a')).toEqual(['the', 'sea', 'café', '42']);
  });
});

describe('searchMessages', () => {
  it('finds messages with every word of the query, newest first, word starts included', async () => {
    const c = await createConversation(db, 'm', 'one');
    await say(c.id, 'The lighthouse keeper sang');
    await say(c.id, 'Nothing to see here');
    await say(c.id, 'A lighthouse in the storm', 'assistant');
    const hits = await searchMessages(db, 'LIGHT the');
    expect(hits.map((h) => h.message.text)).toEqual(['A lighthouse in the storm', 'The lighthouse keeper sang']);
    expect(await searchMessages(db, 'lighthouse nothing')).toEqual([]);
  });

  it('keeps the index current when a message is edited (streamed) and filters by conversation', async () => {
    const a = await createConversation(db, 'm', 'a');
    const b = await createConversation(db, 'm', 'b');
    const reply = await say(a.id, 'draft');
    await updateMessage(db, reply.id, { text: 'The final answer mentions penguins' });
    await say(b.id, 'penguins again');
    expect((await searchMessages(db, 'draft')).length).toBe(0);
    expect((await searchMessages(db, 'penguins')).length).toBe(2);
    expect((await searchMessages(db, 'penguins', { conversationId: a.id })).map((h) => h.message.id)).toEqual([
      reply.id,
    ]);
  });

  it('ranks best first by how often the words occur', async () => {
    const c = await createConversation(db, 'm', 'c');
    await say(c.id, 'tea tea tea');
    await say(c.id, 'tea once');
    expect((await searchMessages(db, 'tea', { order: 'best' })).map((h) => h.message.text)).toEqual([
      'tea tea tea',
      'tea once',
    ]);
    expect((await searchMessages(db, 'tea')).map((h) => h.message.text)).toEqual(['tea once', 'tea tea tea']);
  });

  it('forgets deleted messages', async () => {
    const c = await createConversation(db, 'm', 'c');
    const message = await say(c.id, 'ephemeral words');
    await db.messages.delete(message.id);
    expect(await searchMessages(db, 'ephemeral')).toEqual([]);
  });
});

describe('snippet', () => {
  it('marks the matches (whole words) around the first one, as plain text parts', () => {
    const parts = snippet('Before the lighthouse, after it: lights everywhere.', ['light']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['lighthouse', 'lights']);
    expect(parts.map((p) => p.text).join('')).toBe('Before the lighthouse, after it: lights everywhere.');
  });

  it('cuts long text around the match with ellipses', () => {
    const text = `${'x '.repeat(200)}needle${' y'.repeat(200)}`;
    const joined = snippet(text, ['needle'])
      .map((p) => p.text)
      .join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined).toContain('needle');
  });
});
