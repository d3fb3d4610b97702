import { describe, expect, it } from 'vitest';
import { replyLockName, ReplyLocks } from './reply-locks.ts';

/** An in-memory LockManager (Node has none): grants at once, remembers what is held until released. */
class FakeLockManager implements LockManager {
  readonly held = new Set<string>();

  async query(): Promise<LockManagerSnapshot> {
    return { held: [...this.held].map((name) => ({ name, mode: 'exclusive', clientId: 'tab' })), pending: [] };
  }

  request<T>(name: string, callback: LockGrantedCallback<T>): Promise<Awaited<T>>;
  request<T>(name: string, options: LockOptions, callback: LockGrantedCallback<T>): Promise<Awaited<T>>;
  async request<T>(
    name: string,
    optionsOrCallback: LockOptions | LockGrantedCallback<T>,
    maybeCallback?: LockGrantedCallback<T>,
  ): Promise<Awaited<T>> {
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
    if (!callback) throw new TypeError('no callback');
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.held.delete(name);
    }
  }
}

describe('ReplyLocks', () => {
  it('holds a new reply’s lock until it is released, and counts its writer as live meanwhile', async () => {
    const manager = new FakeLockManager();
    const locks = new ReplyLocks(manager);
    const { message, release } = await locks.create(async () => ({ id: 7 }));
    expect(message.id).toBe(7);
    expect([...manager.held]).toEqual([replyLockName(7)]);
    expect(await locks.liveWriters([7, 8])).toEqual(new Set([7]));

    release();
    await new Promise((settled) => setTimeout(settled)); // the lock callback's promise settles
    expect(await locks.liveWriters([7, 8])).toEqual(new Set());
  });

  it('without the Web Locks API, counts no writer as live (every streaming reply is swept)', async () => {
    const locks = new ReplyLocks(null);
    const { release } = await locks.create(async () => ({ id: 1 }));
    expect(await locks.liveWriters([1])).toEqual(new Set());
    expect(await locks.sweep(async () => 'swept')).toBe('swept');
    release();
  });
});
