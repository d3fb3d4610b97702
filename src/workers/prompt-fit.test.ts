import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { DEFAULT_GENERATION, type ChatTurn, type ReplyRequest } from '../shared/model-types.ts';
import { fitPrompt, type PromptRenderer } from './prompt-fit.ts';

/** A template that writes `<role>words` per turn: one token per word plus 2 per turn, easy to reason about. */
function renderer(): PromptRenderer & { renders: ChatTurn[][] } {
  const renders: ChatTurn[][] = [];
  return {
    renders,
    render(turns) {
      renders.push(turns);
      return turns.map((turn) => `<${turn.role}> <end> ${turn.content}`).join(' ');
    },
    count: (text) => text.split(/\s+/).filter(Boolean).length,
  };
}

const history = (count: number): ChatTurn[] =>
  Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    content: `message ${i} has some words here`, // 6 words: 8 tokens with the template
  }));

const request = (changes: Partial<ReplyRequest> & { maxNewTokens?: number } = {}): ReplyRequest => ({
  system: [],
  history: [],
  turn: [{ role: 'user', content: 'hi' }],
  tools: [],
  ...changes,
  settings: { ...DEFAULT_GENERATION, maxNewTokens: changes.maxNewTokens ?? 200 },
});

describe('fitPrompt', () => {
  it('renders the system prompt, the history and this turn once when they fit, and leaves the reply its room', () => {
    const r = renderer();
    const built = fitPrompt(request({ system: ['Be kind.', '', ' User likes music. '], history: history(2) }), r, 1000);
    expect(r.renders).toHaveLength(1);
    expect(r.renders[0].map((t) => t.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(r.renders[0][0].content).toBe('Be kind.\n\nUser likes music.');
    expect(built).toMatchObject({ historyUsed: 2, historyLeftOut: 0, maxNewTokens: 200, tokens: 7 + 8 + 8 + 3 });
    expect(built.text).toContain('<user> <end> hi');
  });

  it('keeps the newest history that fits, never exceeding the context with the reply', () => {
    const r = renderer();
    const built = fitPrompt(
      request({ system: ['System words here.'], history: history(100), maxNewTokens: 100 }),
      r,
      300,
    );
    expect(built.tokens + built.maxNewTokens).toBeLessThanOrEqual(300);
    // (200 budget − 5 system − 3 message) / 8 per turn = 24 turns, starting with a user turn.
    expect(built).toMatchObject({ historyUsed: 24, historyLeftOut: 76, maxNewTokens: 100, tokens: 200 });
    expect(built.text).toContain('message 76 has');
    expect(built.text).not.toContain('message 75 has');
    expect(r.renders.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(100)));
  });

  it('always keeps this whole turn (a tool round), and lets the history give way', () => {
    const turn: ChatTurn[] = [
      { role: 'user', content: 'what time is it' },
      { role: 'assistant', content: '<tool_call>{"name":"get_time"}</tool_call>' },
      { role: 'tool', content: '{"time":"12:00"}' },
    ];
    const r = renderer();
    const built = fitPrompt(request({ history: history(30), turn }), r, 260);
    expect(r.renders.at(-1)?.slice(-3)).toEqual(turn);
    expect(built.historyUsed).toBeLessThan(30);
  });

  it('after tool results, shortens the reply to the room left rather than failing the turn half done', () => {
    const turn: ChatTurn[] = [
      { role: 'user', content: 'word '.repeat(40) },
      { role: 'assistant', content: 'call' },
      { role: 'tool', content: 'word '.repeat(90) },
    ];
    // 42 + 3 + 92 = 137 tokens of this turn leave 63 for the reply (less than the 75 asked for).
    const built = fitPrompt(request({ history: history(6), turn, maxNewTokens: 75 }), renderer(), 200);
    expect(built).toMatchObject({ tokens: 137, historyUsed: 0, maxNewTokens: 63 });
    // The same room for a first reply is too little: the person is asked to choose.
    const first = () =>
      fitPrompt(request({ turn: [{ role: 'user', content: 'word '.repeat(135) }], maxNewTokens: 75 }), renderer(), 200);
    expect(first).toThrow(/Lower Settings → Longest reply/);
  });

  it('caps a reply setting the model cannot hold (3/4 of the context) instead of failing', () => {
    const built = fitPrompt(request({ maxNewTokens: 4096 }), renderer(), 2048);
    expect(built.maxNewTokens).toBe(1536);
  });

  it('lets a long system prompt take room from a long reply, down to 256 tokens, dropping the history', () => {
    const built = fitPrompt(
      request({ system: ['word '.repeat(598)], history: history(4), maxNewTokens: 768 }),
      renderer(),
      1024,
    );
    expect(built).toMatchObject({ tokens: 603, maxNewTokens: 421, historyUsed: 0, historyLeftOut: 4 });
  });

  it('explains when the message itself does not fit, and does not blame the reply setting', () => {
    const fit = () =>
      fitPrompt(request({ turn: [{ role: 'user', content: 'word '.repeat(90) }], maxNewTokens: 20 }), renderer(), 100);
    expect(fit).toThrow(
      "The message is too long for this model: the message and system prompt need 92 tokens, and the model reads at most 100, its reply included. Shorten the message or the persona's prompt.",
    );
    expect(fit).not.toThrow(/Longest reply/);
  });

  it('names Settings → Longest reply when a shorter reply would make room for the message', () => {
    const message: ChatTurn = { role: 'user', content: 'word '.repeat(800) };
    const fit = () => fitPrompt(request({ turn: [message], maxNewTokens: 600 }), renderer(), 1000);
    expect(fit).toThrow(
      'The message and system prompt need 802 tokens and the reply may take 600: together more than this model reads (1000). ' +
        'Lower Settings → Longest reply (now 600 tokens) to 198 or less, or shorten the message.',
    );
  });

  it('never renders a message on its own, so a template that refuses lone or non-alternating turns still works', () => {
    const strict: PromptRenderer = {
      render(turns) {
        const roles = turns.filter((t) => t.role !== 'system').map((t) => t.role);
        roles.forEach((role, i) => {
          if (role !== (i % 2 === 0 ? 'user' : 'assistant')) throw new Error('Conversation roles must alternate');
        });
        return turns.map((t) => t.content).join(' ');
      },
      count: (text) => text.split(/\s+/).filter(Boolean).length,
    };
    const built = fitPrompt(request({ history: history(40), turn: [{ role: 'user', content: 'q' }] }), strict, 120);
    expect(built.historyUsed % 2).toBe(0);
    expect(built.historyUsed).toBeGreaterThan(0);
  });
});

describe('fitPrompt’s search for the history that fits', () => {
  it('always keeps the most history that fits (against trying every length), in few renders', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 300, max: 3000 }),
        (lengths, contextLength) => {
          const turns: ChatTurn[] = lengths.map((words, i) => ({
            role: i % 2 === 0 ? 'user' : 'assistant',
            content: 'w '.repeat(words).trim(),
          }));
          const r = renderer();
          const asked = request({ system: ['sys'], history: turns, maxNewTokens: 100 });
          let built;
          try {
            built = fitPrompt(asked, r, contextLength);
          } catch {
            return; // the message alone does not fit: nothing to search
          }
          const renders = r.renders.length;
          // Brute force: the longest newest-first history (starting at a user turn) within the same budget.
          const budget =
            contextLength -
            Math.min(100, contextLength - fitPrompt({ ...asked, history: [] }, r, contextLength).tokens);
          let most = 0;
          for (let keep = 0; keep <= turns.length; keep++) {
            const kept = turns.slice(turns.length - keep);
            const start = kept.findIndex((t) => t.role === 'user');
            const history = start === -1 ? [] : kept.slice(start);
            const tokens = r.count(r.render([{ role: 'system', content: 'sys' }, ...history, ...asked.turn]));
            if (tokens <= budget) most = Math.max(most, history.length);
          }
          expect(built.historyUsed).toBe(most);
          expect(renders).toBeLessThanOrEqual(3 + 2 * Math.ceil(Math.log2(turns.length + 1)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
