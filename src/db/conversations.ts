import type { AppDB } from './app-db.ts';
import type { StoredMessage } from './messages.ts';

export interface Conversation {
  id: number;
  title: string;
  modelId: string;
  createdAt: number;
  updatedAt: number;
  /** The persona this conversation talks to (one per conversation). */
  personaId?: string;
  /** Pinned conversations stay at the top of the list. */
  pinned?: boolean;
}

export async function createConversation(
  db: AppDB,
  modelId: string,
  title = 'New chat',
  personaId?: string,
): Promise<Conversation> {
  const now = Date.now();
  const fields = { title, modelId, createdAt: now, updatedAt: now, personaId };
  const id = await db.conversations.add(fields as Conversation);
  return { ...fields, id };
}

/** Every conversation, the most recently active first. */
export function conversationsNewestFirst(db: AppDB): Promise<Conversation[]> {
  return db.conversations.orderBy('updatedAt').reverse().toArray();
}

export function getConversation(db: AppDB, id: number): Promise<Conversation | undefined> {
  return db.conversations.get(id);
}

/** The conversations with these ids (missing ones left out), in no particular order. */
export async function conversationsById(db: AppDB, ids: number[]): Promise<Conversation[]> {
  const found = await db.conversations.bulkGet([...new Set(ids)]);
  return found.filter((conversation): conversation is Conversation => conversation !== undefined);
}

export function latestConversation(db: AppDB): Promise<Conversation | undefined> {
  return db.conversations.orderBy('updatedAt').last();
}

export async function setConversationPersona(db: AppDB, id: number, personaId: string): Promise<void> {
  await db.conversations.update(id, { personaId });
}

export async function renameConversation(db: AppDB, id: number, title: string): Promise<void> {
  await db.conversations.update(id, { title: title.trim() || 'Untitled' });
}

export async function setPinned(db: AppDB, id: number, pinned: boolean): Promise<void> {
  await db.conversations.update(id, { pinned });
}

/** What a delete took away, so Undo can put it back exactly (same ids). */
export interface DeletedConversation {
  conversation: Conversation;
  messages: StoredMessage[];
}

export async function deleteConversation(db: AppDB, id: number): Promise<DeletedConversation | undefined> {
  return db.transaction('rw', db.conversations, db.messages, async () => {
    const conversation = await db.conversations.get(id);
    if (!conversation) return undefined;
    const messages = await db.messages.where('conversationId').equals(id).toArray();
    await db.messages.where('conversationId').equals(id).delete();
    await db.conversations.delete(id);
    return { conversation, messages };
  });
}

export async function undoDelete(db: AppDB, deleted: DeletedConversation): Promise<void> {
  await db.transaction('rw', db.conversations, db.messages, async () => {
    await db.conversations.put(deleted.conversation);
    await db.messages.bulkPut(deleted.messages);
  });
}
