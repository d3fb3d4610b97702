// Which replies have a live writer, across tabs, with the Web Locks API. The tab streaming a reply
// holds a lock named after it until the turn ends, so a tab starting up can tell a reply whose page
// closed mid-way (nobody holds its lock: mark it stopped) from one another tab is still writing.
import type { WriterCheck } from '../../db/messages.ts';

export const replyLockName = (messageId: number): string => `forgeai-reply-${messageId}`;

/**
 * Held (shared) by a tab from just before it adds a reply until that reply's lock is held; the start-up
 * sweep takes it exclusively, so it never sees a reply in the moment between its row and its lock.
 */
const CREATING_REPLY = 'forgeai-reply-creating';

export interface HeldReply<T> {
  message: T;
  /** Lets the lock go: call once the reply is finished, failed or stopped (and saved so). */
  release: () => void;
}

export class ReplyLocks implements WriterCheck {
  /** Without the Web Locks API (old browsers, Node) nothing is locked and every sweep marks all. */
  constructor(private readonly locks: LockManager | null = globalThis.navigator?.locks ?? null) {}

  /** Adds a reply with `add` and holds its lock until `release` is called. */
  async create<T extends { id: number }>(add: () => Promise<T>): Promise<HeldReply<T>> {
    if (!this.locks) return { message: await add(), release: () => undefined };
    const creating = await this.hold(CREATING_REPLY, 'shared');
    try {
      const message = await add();
      return { message, release: await this.hold(replyLockName(message.id), 'exclusive') };
    } finally {
      creating();
    }
  }

  /** Runs the start-up sweep while no tab is between adding a reply and locking it. */
  sweep<T>(run: () => Promise<T>): Promise<T> {
    return this.locks ? this.locks.request(CREATING_REPLY, { mode: 'exclusive' }, run) : run();
  }

  async liveWriters(messageIds: number[]): Promise<Set<number>> {
    if (!this.locks) return new Set();
    const { held = [], pending = [] } = await this.locks.query();
    const taken = new Set([...held, ...pending].map((lock) => lock.name));
    return new Set(messageIds.filter((id) => taken.has(replyLockName(id))));
  }

  /** Resolves once the lock is held, with the function that lets it go. */
  private hold(name: string, mode: LockMode): Promise<() => void> {
    const locks = this.locks;
    if (!locks) return Promise.resolve(() => undefined);
    return new Promise((granted, failed) => {
      locks.request(name, { mode }, () => new Promise<void>((release) => granted(() => release()))).catch(failed);
    });
  }
}
