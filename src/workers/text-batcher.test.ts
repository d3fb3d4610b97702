import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextBatcher } from './text-batcher.ts';

describe('TextBatcher', () => {
  let sent: string[];
  let batcher: TextBatcher;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    batcher = new TextBatcher((text) => sent.push(text));
    // A page's clock is well past zero when the first token arrives.
    vi.advanceTimersByTime(1000);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first push at once', () => {
    batcher.push('Hello');
    expect(sent).toEqual(['Hello']);
  });

  it('joins pushes made within 16 ms into one send after the interval', () => {
    batcher.push('A');
    batcher.push('b');
    vi.advanceTimersByTime(5);
    batcher.push('c');
    batcher.push('d');
    expect(sent).toEqual(['A']);
    vi.advanceTimersByTime(10);
    expect(sent).toEqual(['A']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['A', 'bcd']);
  });

  it('sends a push at once again when the interval has passed since the last send', () => {
    batcher.push('one');
    vi.advanceTimersByTime(20);
    batcher.push('two');
    expect(sent).toEqual(['one', 'two']);
  });

  it('flush() sends what is pending without waiting, and the timer then sends nothing more', () => {
    batcher.push('A');
    batcher.push('b');
    batcher.push('c');
    batcher.flush();
    expect(sent).toEqual(['A', 'bc']);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['A', 'bc']);
  });

  it('flush() with nothing pending sends nothing', () => {
    batcher.flush();
    batcher.push('x');
    batcher.flush();
    expect(sent).toEqual(['x']);
  });

  it('ignores empty pushes', () => {
    batcher.push('');
    vi.advanceTimersByTime(100);
    batcher.flush();
    expect(sent).toEqual([]);
  });

  it('sends exactly the pushed text, in order, at most once per interval', () => {
    const pushed: string[] = [];
    for (let i = 0; i < 200; i++) {
      const token = `t${i} `;
      pushed.push(token);
      batcher.push(token);
      vi.advanceTimersByTime(3);
    }
    batcher.flush();
    expect(sent.join('')).toBe(pushed.join(''));
    // 200 tokens over 600 ms at one send per 16 ms: far fewer sends than tokens.
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(600 / 16) + 2);
    expect(sent.length).toBeGreaterThan(1);
  });

  it('honours a custom interval', () => {
    const slow = new TextBatcher((text) => sent.push(text), 100);
    slow.push('a');
    slow.push('b');
    vi.advanceTimersByTime(99);
    expect(sent).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['a', 'b']);
  });
});
