import { describe, expect, it } from 'vitest';
import { formatScore, wantsPrompt } from './prompt.ts';
import { emptyMind, type Goal, type MindState, type Want } from './types.ts';

const want = (changes: Partial<Want>): Want => ({
  id: 'w',
  subject: 'ai',
  topic: 'music',
  description: "understand the user's taste in jazz",
  intensity: 0.55,
  firstSeen: 1,
  lastSeen: 1,
  timesSatisfied: 0,
  ...changes,
});
const goal = (changes: Partial<Goal>): Goal => ({
  id: 'g',
  name: 'Learn jazz history',
  description: '',
  progress: 0.4,
  priority: 7,
  steps: [],
  done: false,
  createdAt: 1,
  ...changes,
});
const mind = (changes: Partial<MindState>): MindState => ({ ...emptyMind('m'), ...changes });

const EXAMPLE = mind({
  motivations: { art: 0.6, music: 0.8 },
  wants: [want({})],
  goals: [goal({}), goal({ id: 'g2', name: 'Finished', done: true, priority: 10 })],
});

describe('wantsPrompt', () => {
  it('writes interests by motivation, the AI wants, active goals', () => {
    expect(wantsPrompt(EXAMPLE)).toBe(
      [
        'User is interested in: music (motivation: 0.8), art (motivation: 0.6)',
        "You want to: understand the user's taste in jazz (intensity: 0.55)",
        'Your goals: Learn jazz history (progress 40%, priority 7)',
      ].join('\n'),
    );
  });

  it('is empty for an empty mind', () => {
    expect(wantsPrompt(emptyMind('m'))).toBe('');
  });

  it("falls back to the strongest user want of a topic without motivation, and ranks the AI's wants", () => {
    const state = mind({
      motivations: { art: 0.3 },
      wants: [
        want({ id: '1', subject: 'user', topic: 'music', description: 'jazz', intensity: 0.5 }),
        want({ id: '2', subject: 'user', topic: 'music', description: 'piano', intensity: 0.65 }),
        want({ id: '3', subject: 'user', topic: 'art', description: 'painting', intensity: 0.9 }), // art has a motivation
        want({ id: '4', description: 'see the ocean', intensity: 0.5 }),
        want({ id: '5', description: 'learn more about songs', intensity: 0.7 }),
      ],
    });
    expect(wantsPrompt(state)).toBe(
      [
        'User is interested in: music (motivation: 0.65), art (motivation: 0.3)',
        'You want to: learn more about songs (intensity: 0.7); see the ocean (intensity: 0.5)',
      ].join('\n'),
    );
  });

  it('orders goals by priority and adds preferences and dislikes', () => {
    const state = mind({
      goals: [goal({ name: 'Low', priority: 2, progress: 0 }), goal({ name: 'High', priority: 9, progress: 0.126 })],
      preferences: ['short answers', 'examples'],
      dislikes: ['small talk'],
    });
    expect(wantsPrompt(state)).toBe(
      [
        'Your goals: High (progress 13%, priority 9); Low (progress 0%, priority 2)',
        'You prefer: short answers; examples',
        'You dislike: small talk',
      ].join('\n'),
    );
  });

  it('leaves out interests below 0.05 and keeps at most 5 per line', () => {
    const motivations = { a: 0.9, b: 0.8, c: 0.7, d: 0.6, e: 0.5, f: 0.4, g: 0.01 };
    expect(wantsPrompt(mind({ motivations }))).toBe(
      'User is interested in: a (motivation: 0.9), b (motivation: 0.8), c (motivation: 0.7), d (motivation: 0.6), e (motivation: 0.5)',
    );
  });

  describe('budget', () => {
    const full = wantsPrompt(EXAMPLE);

    it('keeps everything when it fits exactly', () => {
      expect(wantsPrompt(EXAMPLE, full.length)).toBe(full);
    });

    it('drops the last item of the longest line first, whole items only', () => {
      // One character short: the interests line (2 items) loses its lowest-ranked one, "art".
      expect(wantsPrompt(EXAMPLE, full.length - 1)).toBe(
        [
          'User is interested in: music (motivation: 0.8)',
          "You want to: understand the user's taste in jazz (intensity: 0.55)",
          'Your goals: Learn jazz history (progress 40%, priority 7)',
        ].join('\n'),
      );
    });

    it('then drops from the later line on a tie, and a line with no items goes', () => {
      expect(wantsPrompt(EXAMPLE, 120)).toBe(
        [
          'User is interested in: music (motivation: 0.8)',
          "You want to: understand the user's taste in jazz (intensity: 0.55)",
        ].join('\n'),
      );
      expect(wantsPrompt(EXAMPLE, 60)).toBe('User is interested in: music (motivation: 0.8)');
      expect(wantsPrompt(EXAMPLE, 10)).toBe('');
    });

    it('never goes over the budget', () => {
      for (let max = 0; max <= full.length; max++) expect(wantsPrompt(EXAMPLE, max).length).toBeLessThanOrEqual(max);
    });
  });
});

describe('formatScore', () => {
  it.each([
    [0.8, '0.8'],
    [0.55, '0.55'],
    [0.6666, '0.67'],
    [1, '1'],
    [0, '0'],
  ])('%s → %s', (value, text) => {
    expect(formatScore(value)).toBe(text);
  });
});
