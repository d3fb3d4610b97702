import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../shared/model-types.ts';
import { fitToContext } from './context-fit.ts';

/** One token per character of content: easy to reason about. */
const count = (turns: ChatTurn[]) => turns.reduce((sum, t) => sum + t.content.length, 0);
const turn = (role: ChatTurn['role'], length: number, mark = 'x'): ChatTurn => ({ role, content: mark.repeat(length) });

describe('fitToContext', () => {
  it('keeps everything when it fits, and gives the reply all the room it asked for', () => {
    const turns = [turn('system', 10), turn('user', 10), turn('assistant', 10), turn('user', 10)];
    const fitted = fitToContext(turns, count, 1000, 200);
    expect(fitted.turns).toEqual(turns);
    expect(fitted.maxNewTokens).toBe(200);
    expect(fitted.droppedTurns).toBe(0);
  });

  it('drops the oldest turns first, keeps the system prompt and the newest message, and never overflows', () => {
    const turns = [
      turn('system', 50, 's'),
      turn('user', 100, 'a'),
      turn('assistant', 100, 'b'),
      turn('user', 100, 'c'),
    ];
    const fitted = fitToContext(turns, count, 400, 200);
    expect(fitted.turns.map((t) => t.content[0])).toEqual(['s', 'b', 'c']);
    expect(fitted.promptTokens + fitted.maxNewTokens).toBeLessThanOrEqual(400);
    expect(fitted.droppedTurns).toBe(1);
  });

  it('shortens the reply rather than overflowing when the prompt nearly fills the context', () => {
    const fitted = fitToContext([turn('user', 450)], count, 512, 200);
    expect(fitted.maxNewTokens).toBe(62);
  });

  it('explains when the newest message alone is too long', () => {
    expect(() => fitToContext([turn('system', 10), turn('user', 600)], count, 512, 200)).toThrow(
      /too long for this model/,
    );
  });
});
