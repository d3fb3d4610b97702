import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from './app-db.ts';
import { createConversation, deleteConversation, renameConversation, setPinned, undoDelete } from './conversations.ts';
import { addMessage } from './messages.ts';
import { searchMessages } from './search.ts';

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

describe('conversations', () => {
  it('delete takes the messages too, and undo brings both back with the same ids (and searchable)', async () => {
    const c = await createConversation(db, 'm', 'Keep me');
    const message = await addMessage(db, {
      conversationId: c.id,
      modelId: 'm',
      role: 'user',
      text: 'zebra facts',
      status: 'done',
    });
    const deleted = await deleteConversation(db, c.id);
    expect(await db.conversations.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
    expect(await searchMessages(db, 'zebra')).toEqual([]);
    if (!deleted) throw new Error('nothing was deleted');
    await undoDelete(db, deleted);
    expect((await db.conversations.get(c.id))?.title).toBe('Keep me');
    expect((await db.messages.get(message.id))?.text).toBe('zebra facts');
    expect((await searchMessages(db, 'zebra')).map((h) => h.message.id)).toEqual([message.id]);
  });

  it('deleting a conversation that is gone does nothing', async () => {
    expect(await deleteConversation(db, 12345)).toBeUndefined();
  });

  it('renames (an empty title becomes "Untitled") and pins', async () => {
    const c = await createConversation(db, 'm', 'Old');
    await renameConversation(db, c.id, '  New title ');
    expect((await db.conversations.get(c.id))?.title).toBe('New title');
    await renameConversation(db, c.id, '   ');
    expect((await db.conversations.get(c.id))?.title).toBe('Untitled');
    await setPinned(db, c.id, true);
    expect((await db.conversations.get(c.id))?.pinned).toBe(true);
  });
});
