// The open conversation's messages as shown: what IndexedDB holds (read live, so a reply another tab
// writes shows as it grows), except the messages this tab writes. Their text arrives here token by
// token and is saved only now and then, so the stored copy lags behind: it must not replace them
// until this tab is done with them and the database has caught up.
import type { StoredMessage } from '../../db/messages.ts';

interface OwnMessage {
  /** The object on screen, which this tab changes as the reply streams. */
  message: StoredMessage;
  writing: boolean;
}

export class ShownMessages {
  readonly #own = new Map<number, OwnMessage>();
  /** Each stored row as last shown (JSON), so a row that did not change keeps its object and is not redrawn. */
  readonly #seen = new Map<number, string>();

  /** This tab writes `message` (the object on screen): stored copies do not replace it while it does. */
  adopt(message: StoredMessage): void {
    this.#own.set(message.id, { message, writing: true });
  }

  /** This tab's turn is over: its messages give way to the stored rows once those have caught up. */
  doneWriting(): void {
    for (const own of this.#own.values()) own.writing = false;
  }

  /** Another conversation is shown (or none). */
  reset(): void {
    this.#own.clear();
    this.#seen.clear();
  }

  /** The list to show, given what is shown now and the conversation's stored rows (oldest first). */
  merge(shown: readonly StoredMessage[], stored: readonly StoredMessage[]): StoredMessage[] {
    const shownById = new Map(shown.map((message) => [message.id, message]));
    const merged = stored.map((row) => {
      const own = this.#own.get(row.id);
      if (own && (own.writing || !caughtUp(own.message, row))) return own.message;
      this.#own.delete(row.id);
      const json = JSON.stringify(row);
      const current = shownById.get(row.id);
      if (current && this.#seen.get(row.id) === json) return current;
      this.#seen.set(row.id, json);
      return row;
    });
    // Own messages newer than this read of the database (it started before they were added).
    const storedIds = new Set(stored.map((row) => row.id));
    const newer = [...this.#own.values()].filter((own) => !storedIds.has(own.message.id)).map((own) => own.message);
    if (!newer.length) return merged;
    // In the database's order: by creation time, then by id for the same millisecond.
    return [...merged, ...newer].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  }
}

/** The stored row says what the screen says: the last save has landed. */
function caughtUp(shown: StoredMessage, row: StoredMessage): boolean {
  return row.status === shown.status && row.text === shown.text;
}
