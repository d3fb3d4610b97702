// Every saved conversation, live: new messages, renames, imports and other tabs show by themselves.
// Deleting keeps what was taken for a while, so Undo can put it back exactly.
import { liveQuery } from 'dexie';
import type { AppDB } from '../../db/app-db.ts';
import {
  conversationsNewestFirst,
  deleteConversation,
  renameConversation,
  setPinned,
  undoDelete,
  type Conversation,
  type DeletedConversation,
} from '../../db/conversations.ts';

/** How long Undo is offered after a delete. */
export const UNDO_MS = 10_000;

export class ConversationLibrary {
  all = $state.raw<Conversation[]>([]);
  /** The last delete, while it can still be undone. */
  deleted = $state.raw<DeletedConversation | null>(null);
  #undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly db: AppDB) {}

  /** Follows the database until the returned function is called. */
  follow(): () => void {
    const subscription = liveQuery(() => conversationsNewestFirst(this.db)).subscribe({
      next: (rows) => (this.all = rows),
    });
    return () => subscription.unsubscribe();
  }

  rename(id: number, title: string): Promise<void> {
    return renameConversation(this.db, id, title);
  }

  pin(id: number, pinned: boolean): Promise<void> {
    return setPinned(this.db, id, pinned);
  }

  /** Deletes a conversation and its messages; true when there was one to delete. */
  async remove(id: number): Promise<boolean> {
    const removed = await deleteConversation(this.db, id);
    if (!removed) return false;
    this.deleted = removed;
    clearTimeout(this.#undoTimer);
    this.#undoTimer = setTimeout(() => (this.deleted = null), UNDO_MS);
    return true;
  }

  async undo(): Promise<void> {
    const restored = this.deleted;
    if (!restored) return;
    this.deleted = null;
    await undoDelete(this.db, restored);
  }
}
