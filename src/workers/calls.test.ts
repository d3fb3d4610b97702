import { describe, expect, it } from 'vitest';
import { Calls } from './calls.ts';

describe('Calls', () => {
  it('cancels only the call with that id', async () => {
    const calls = new Calls();
    const signals: AbortSignal[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = calls.run(1, async (signal) => (signals.push(signal), await held, signal.aborted));
    const second = calls.run(2, async (signal) => (signals.push(signal), await held, signal.aborted));
    calls.cancel(2);
    calls.cancel(99); // unknown: nothing happens
    release();
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(calls.size).toBe(0);
  });

  it('forgets a call once it ends, even when it fails', async () => {
    const calls = new Calls();
    await expect(calls.run(1, async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(calls.size).toBe(0);
    calls.cancel(1);
  });
});
