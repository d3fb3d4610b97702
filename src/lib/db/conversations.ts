import type { AppDB } from './app-db.ts';

export interface Conversation {
  id: number;
  title: string;
  modelId: string;
  createdAt: number;
  updatedAt: number;
}

export async function createConversation(db: AppDB, modelId: string, title = 'New chat'): Promise<Conversation> {
  const now = Date.now();
  const fields = { title, modelId, createdAt: now, updatedAt: now };
  const id = await db.conversations.add(fields as Conversation);
  return { ...fields, id };
}

export function latestConversation(db: AppDB): Promise<Conversation | undefined> {
  return db.conversations.orderBy('updatedAt').last();
}
