import type { AppDB } from './app-db.ts';

export interface Conversation {
  id: number;
  title: string;
  modelId: string;
  createdAt: number;
  updatedAt: number;
  /** The persona this conversation talks to (one per conversation). */
  personaId?: string;
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

export function latestConversation(db: AppDB): Promise<Conversation | undefined> {
  return db.conversations.orderBy('updatedAt').last();
}

export async function setConversationPersona(db: AppDB, id: number, personaId: string): Promise<void> {
  await db.conversations.update(id, { personaId });
}
