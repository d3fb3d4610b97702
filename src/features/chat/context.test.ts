import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../shared/model-types.ts';
import { buildContext, type TokenCounter } from './context.ts';

/** One token per word, plus 2 per turn for the template: easy to reason about. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
function counter(): TokenCounter & { turnsCounted: number } {
  const c = {
    turnsCounted: 0,
    async promptTokens(turns: ChatTurn[]) {
      return turns.reduce((sum, t) => sum + words(t.content) + 2, 0);
    },
    async turnTokens(turn: ChatTurn) {
      c.turnsCounted++;
      return words(turn.content) + 2;
    },
  };
  return c;
}

const history = (count: number): ChatTurn[] =>
  Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    content: `message ${i} has some words here`, // 6 words: 8 tokens with the template
  }));
const newestFirst = (turns: ChatTurn[]) => turns.slice().reverse();

describe('buildContext', () => {
  it('puts the system prompt first, then the history that fits, then the new message', async () => {
    const built = await buildContext(
      {
        systemParts: ['Be kind.', '', 'User likes music.'],
        history: newestFirst(history(2)),
        userMessage: 'hi',
        contextLength: 1000,
        replyTokens: 200,
      },
      counter(),
    );
    expect(built.turns.map((t) => t.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(built.systemPrompt).toBe('Be kind.\n\nUser likes music.');
    expect(built.turns.at(-1)).toEqual({ role: 'user', content: 'hi' });
    expect(built.historyTrimmed).toBe(false);
  });

  it('keeps the newest messages and the system prompt when history is too long, and never exceeds the budget', async () => {
    const all = history(100);
    const built = await buildContext(
      {
        systemParts: ['System words here.'],
        history: newestFirst(all),
        userMessage: 'question',
        contextLength: 300,
        replyTokens: 200,
      },
      counter(),
    );
    expect(built.promptTokens).toBeLessThanOrEqual(100);
    expect(built.turns[0].role).toBe('system');
    expect(built.turns.slice(1, -1)).toEqual(all.slice(all.length - built.historyUsed));
    expect(built.historyUsed).toBe(11); // (100 budget - 5 system - 3 message) / 8 per turn
    expect(built.historyTrimmed).toBe(true);
  });

  it('stops reading history once the budget is full', async () => {
    const c = counter();
    function* endless(): Generator<ChatTurn> {
      for (let i = 0; ; i++) yield { role: 'user', content: `turn ${i}` };
    }
    const built = await buildContext(
      { systemParts: [], history: endless(), userMessage: 'q', contextLength: 120, replyTokens: 20 },
      c,
    );
    expect(built.historyUsed).toBe(24);
    expect(c.turnsCounted).toBe(25); // the one that did not fit, and no more
  });

  it('drops more old turns when the per-turn estimate was short of the exact count', async () => {
    const c = counter();
    c.turnTokens = async (turn) => words(turn.content); // forgets the template's 2 tokens
    const built = await buildContext(
      { systemParts: [], history: newestFirst(history(50)), userMessage: 'q', contextLength: 100, replyTokens: 20 },
      c,
    );
    expect(built.promptTokens).toBeLessThanOrEqual(80);
  });

  it('explains when the message itself does not fit, and does not blame the reply setting', async () => {
    const built = buildContext(
      { systemParts: [], history: [], userMessage: 'word '.repeat(90), contextLength: 100, replyTokens: 20 },
      counter(),
    );
    await expect(built).rejects.toThrow(
      "The message is too long for this model: the message and system prompt need 92 tokens, and the model reads at most 100, its reply included. Shorten the message or the persona's prompt.",
    );
    await expect(built).rejects.not.toThrow(/Longest reply/);
  });

  it('lets a long system prompt take room from a long reply, down to 256 tokens, dropping the history', async () => {
    const built = await buildContext(
      {
        systemParts: ['word '.repeat(598)],
        history: newestFirst(history(4)),
        userMessage: 'hi',
        contextLength: 1024,
        replyTokens: 768,
      },
      counter(),
    );
    expect(built.promptTokens).toBe(603);
    expect(built.replyTokens).toBe(421);
    expect(built.historyUsed).toBe(0);
  });

  it('names Settings → Longest reply when a shorter reply would make room for the message', async () => {
    const built = buildContext(
      { systemParts: [], history: [], userMessage: 'word '.repeat(60), contextLength: 100, replyTokens: 75 },
      counter(),
    );
    await expect(built).rejects.toThrow(
      'The message and system prompt need 62 tokens and the reply may take 75: together more than this model reads (100). ' +
        'Lower Settings → Longest reply (now 75 tokens) to 38 or less, or shorten the message.',
    );
  });
});
