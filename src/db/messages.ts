// Chat messages, saved as they stream so a reload mid-reply keeps what had arrived.
import type { Role } from '../shared/model-types.ts';
import type { ToolDisplay } from '../features/tools/registry.ts';
import type { AppDB } from './app-db.ts';
import { messageSchema } from './record-schemas.ts';
import { keepValid } from './schema-kit.ts';

export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'error';

export interface MessageStats {
  tokens: number;
  tokensPerSecond: number;
  timeToFirstTokenMs: number;
}

/** A tool message: the call, and once it ran, how it went. Its `text` is what the model reads back. */
export interface ToolRecord {
  name: string;
  arguments: Record<string, unknown>;
  success?: boolean;
  error?: string;
  durationMs?: number;
  display?: ToolDisplay;
}

export interface StoredMessage {
  id: number;
  conversationId: number;
  role: Role;
  text: string;
  createdAt: number;
  modelId: string;
  status: MessageStatus;
  stats?: MessageStats;
  error?: string;
  /** Exactly what the model read for this reply (after templating), for "View prompt". */
  prompt?: { text: string; tokens: number };
  /** Topics this turn was about, so a thumbs up/down on the reply moves their motivation. */
  topics?: string[];
  feedback?: 1 | -1;
  tool?: ToolRecord;
  /** Its distinct words, for search (see search.ts); kept in step with `text`. */
  words?: string[];
}

export type NewMessage = Omit<StoredMessage, 'id' | 'createdAt'>;

export async function addMessage(db: AppDB, message: NewMessage): Promise<StoredMessage> {
  const stored = { ...message, createdAt: Date.now() };
  const id = await db.transaction('rw', db.messages, db.conversations, async () => {
    await db.conversations.update(message.conversationId, { updatedAt: stored.createdAt });
    return db.messages.add(stored as StoredMessage);
  });
  return { ...stored, id };
}

export async function updateMessage(
  db: AppDB,
  id: number,
  changes: Partial<
    Pick<StoredMessage, 'text' | 'status' | 'stats' | 'error' | 'prompt' | 'topics' | 'feedback' | 'tool'>
  >,
): Promise<void> {
  await db.messages.update(id, changes);
}

export async function messagesOf(db: AppDB, conversationId: number): Promise<StoredMessage[]> {
  const rows = await db.messages
    .where('[conversationId+createdAt]')
    .between([conversationId, 0], [conversationId, Infinity])
    .toArray();
  return keepValid(messageSchema, rows, 'message');
}

/** The newest message the user sent, in any conversation. */
export function newestUserMessage(db: AppDB): Promise<StoredMessage | undefined> {
  return db.messages
    .orderBy(':id')
    .reverse()
    .filter((message) => message.role === 'user')
    .first();
}

/** Tells which streaming messages still have a writer: an open tab producing them right now. */
export interface WriterCheck {
  liveWriters(messageIds: number[]): Promise<Set<number>>;
}

/** Without a way to ask (no Web Locks API), every streaming message counts as abandoned. */
const NO_LIVE_WRITERS: WriterCheck = { liveWriters: async () => new Set() };

/**
 * A reply that was streaming when its page closed is kept, marked as interrupted. Replies another tab
 * is still writing are left alone.
 */
export async function markInterruptedReplies(db: AppDB, writers: WriterCheck = NO_LIVE_WRITERS): Promise<number> {
  const streaming = await db.messages.where('status').equals('streaming').primaryKeys();
  if (!streaming.length) return 0;
  const live = await writers.liveWriters(streaming);
  const abandoned = streaming.filter((id) => !live.has(id));
  // Still 'streaming' only: a reply may have finished since it was read, and must stay finished.
  return db.messages
    .where('id')
    .anyOf(abandoned)
    .and((message) => message.status === 'streaming')
    .modify({ status: 'stopped' });
}
