import { describe, expect, it } from 'vitest';
import {
  addGoal,
  applyFeedback,
  decay,
  FORGET_BELOW,
  learnFromTurn,
  removeGoal,
  removeWant,
  setMotivation,
  updateGoal,
  updateWant,
} from './learn.ts';
import { emptyMind, type MindState, type Want } from './types.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 0, 1);

const want = (changes: Partial<Want> = {}): Want => ({
  id: 'w1',
  subject: 'user',
  topic: 'music',
  description: 'learn about music',
  intensity: 0.5,
  firstSeen: T0,
  lastSeen: T0,
  timesSatisfied: 0,
  ...changes,
});
const mind = (changes: Partial<MindState> = {}): MindState => ({ ...emptyMind('m'), updatedAt: T0, ...changes });

describe('learnFromTurn', () => {
  it('adds a new user want at intensity 0.5 and counts one interaction', () => {
    const { state, changes, topics } = learnFromTurn(emptyMind('m'), 'I want to learn about music', 'Sure!', T0);
    expect(state.wants).toEqual([want({ id: `want-${T0.toString(36)}-0` })]);
    expect(state.interactions).toEqual({ music: 1 });
    expect(state.motivations).toEqual({});
    expect(state.updatedAt).toBe(T0);
    expect(topics).toEqual(['music']);
    expect(changes).toEqual([
      { topic: 'music', message: 'new interest "learn about music" (user, intensity 0.50)' },
      { topic: 'music', message: 'interactions 1' },
    ]);
  });

  it('strengthens the same want instead of duplicating it (case and punctuation do not matter)', () => {
    const first = learnFromTurn(emptyMind('m'), 'I want to learn about music', '', T0).state;
    const { state, changes } = learnFromTurn(first, 'I want to learn about MUSIC!', '', T0 + 1000);
    expect(state.wants).toHaveLength(1);
    expect(state.wants[0].intensity).toBeCloseTo(0.55, 10); // 0.5 + 0.1 × (1 − 0.5)
    expect(state.wants[0].lastSeen).toBe(T0 + 1000);
    expect(state.wants[0].firstSeen).toBe(T0);
    expect(changes[0].message).toBe('stronger interest "learn about music" (user, intensity 0.50 → 0.55)');
    const third = learnFromTurn(state, 'I want to learn about music', '', T0 + 2000).state;
    expect(third.wants[0].intensity).toBeCloseTo(0.595, 10);
  });

  it('keeps a different description, or the same words said by the AI, as separate wants', () => {
    let state = learnFromTurn(emptyMind('m'), 'I want to learn about music', '', T0).state;
    state = learnFromTurn(state, 'I love jazz', 'I want to learn about music', T0 + 1).state;
    expect(state.wants.map((w) => [w.subject, w.description, w.topic])).toEqual([
      ['user', 'learn about music', 'music'],
      ['user', 'jazz', 'music'],
      ['ai', 'learn about music', 'music'],
    ]);
    expect(new Set(state.wants.map((w) => w.id)).size).toBe(3);
  });

  it('counts a want said twice in one message once', () => {
    const { state } = learnFromTurn(emptyMind('m'), 'I love jazz. I love jazz!', '', T0);
    expect(state.wants).toHaveLength(1);
    expect(state.wants[0].intensity).toBe(0.5);
    expect(state.interactions).toEqual({ music: 1 });
  });

  it('raises motivation when the user comes back to a topic (0.5 → 0.55 → 0.595)', () => {
    let result = learnFromTurn(emptyMind('m'), 'I love jazz', '', T0);
    expect(result.state.motivations).toEqual({});
    result = learnFromTurn(result.state, 'Which guitar should I buy?', '', T0 + 1); // keyword only, no want
    expect(result.state.interactions).toEqual({ music: 2 });
    expect(result.state.motivations.music).toBeCloseTo(0.55, 10);
    expect(result.changes).toContainEqual({ topic: 'music', message: 'motivation 0.50 → 0.55 (topic came back)' });
    result = learnFromTurn(result.state, 'More piano please', '', T0 + 2);
    expect(result.state.motivations.music).toBeCloseTo(0.595, 10);
  });

  it("counts the AI's topics as interactions but does not raise motivation for them", () => {
    let state = learnFromTurn(emptyMind('m'), 'hello', 'I enjoy chess', T0).state;
    state = learnFromTurn(state, 'ok', 'I enjoy chess', T0 + 1).state;
    expect(state.interactions).toEqual({ gaming: 2 });
    expect(state.motivations).toEqual({});
  });

  it('returns the same state object when nothing was learned', () => {
    const before = mind();
    const result = learnFromTurn(before, 'hello there', 'Hi! How can I help?', T0 + 5);
    expect(result).toEqual({ state: before, changes: [], topics: [] });
    expect(result.state).toBe(before);
  });

  it('does not change the state it was given', () => {
    const before = mind({ wants: [want()], interactions: { music: 3 }, motivations: { music: 0.5 } });
    const copy = structuredClone(before);
    learnFromTurn(before, 'I want to learn about music', 'I hope to hear your songs', T0 + 1);
    expect(before).toEqual(copy);
  });

  it('handles a topic named like an Object property', () => {
    const { state } = learnFromTurn(emptyMind('m'), 'Tell me about the constructor', '', T0);
    expect(state.interactions).toEqual({ constructor: 1 });
  });
});

describe('applyFeedback', () => {
  const start = () => mind({ motivations: { music: 0.5 }, wants: [want({ subject: 'ai', id: 'a1' }), want()] });

  it('thumbs up raises motivation (0.5 → 0.6) and satisfies the AI wants of those topics', () => {
    const { state, changes } = applyFeedback(start(), ['music', 'art'], 1, T0 + 9);
    expect(state.motivations.music).toBeCloseTo(0.6, 10);
    expect(state.motivations.art).toBeCloseTo(0.6, 10); // no motivation yet: starts from 0.5
    expect(state.wants.map((w) => [w.subject, w.timesSatisfied, w.lastSeen])).toEqual([
      ['ai', 1, T0 + 9],
      ['user', 0, T0],
    ]);
    expect(state.updatedAt).toBe(T0 + 9);
    expect(changes).toEqual([
      { topic: 'music', message: 'motivation 0.50 → 0.60 (thumbs up)' },
      { topic: 'art', message: 'motivation 0.50 → 0.60 (thumbs up)' },
      { topic: 'music', message: 'want "learn about music" satisfied (1×)' },
    ]);
  });

  it('thumbs down lowers motivation (0.5 → 0.4) and satisfies nothing', () => {
    const { state } = applyFeedback(start(), ['Music'], -1, T0 + 9);
    expect(state.motivations.music).toBeCloseTo(0.4, 10);
    expect(state.wants.every((w) => w.timesSatisfied === 0)).toBe(true);
  });

  it('stays within 0–1 however many votes', () => {
    let up = start();
    let down = start();
    for (let i = 0; i < 100; i++) {
      up = applyFeedback(up, ['music'], 1, T0).state;
      down = applyFeedback(down, ['music'], -1, T0).state;
    }
    expect(up.motivations.music).toBeLessThanOrEqual(1);
    expect(up.motivations.music).toBeGreaterThan(0.99);
    expect(down.motivations.music).toBeGreaterThanOrEqual(0);
    expect(down.motivations.music).toBeLessThan(0.01);
  });

  it('changes nothing without topics', () => {
    const before = start();
    expect(applyFeedback(before, [], 1, T0 + 1)).toEqual({ state: before, changes: [] });
  });
});

describe('decay', () => {
  const start = () => mind({ wants: [want({ intensity: 0.8 })], motivations: { music: 0.6 } });

  it('halves intensities and motivations after one half-life, quarters them after two', () => {
    const one = decay(start(), T0 + 7 * DAY, 7);
    expect(one.wants[0].intensity).toBeCloseTo(0.4, 10);
    expect(one.motivations.music).toBeCloseTo(0.3, 10);
    expect(one.updatedAt).toBe(T0 + 7 * DAY);
    const two = decay(start(), T0 + 14 * DAY, 7);
    expect(two.wants[0].intensity).toBeCloseTo(0.2, 10);
    expect(two.motivations.music).toBeCloseTo(0.15, 10);
  });

  it('gives the same result in steps as at once', () => {
    const stepped = decay(decay(start(), T0 + 3 * DAY, 7), T0 + 14 * DAY, 7);
    expect(stepped.wants[0].intensity).toBeCloseTo(0.2, 10);
  });

  it(`forgets wants below ${FORGET_BELOW}, keeps low motivations`, () => {
    const state = decay(start(), T0 + 28 * DAY, 7); // 0.8 / 16 = 0.05 stays, 0.6 / 16 = 0.0375 stays as motivation
    expect(state.wants).toHaveLength(1);
    const later = decay(start(), T0 + 35 * DAY, 7); // 0.8 / 32 = 0.025
    expect(later.wants).toEqual([]);
    expect(later.motivations.music).toBeCloseTo(0.01875, 10);
  });

  it('only restamps a never-stamped mind, a clock going back, or a half-life of 0', () => {
    const fresh = { ...start(), updatedAt: 0 };
    expect(decay(fresh, T0, 7)).toEqual({ ...fresh, updatedAt: T0 });
    expect(decay(start(), T0 - DAY, 7)).toEqual(start());
    expect(decay(start(), T0 + DAY, 0)).toEqual({ ...start(), updatedAt: T0 + DAY });
  });
});

describe('editing', () => {
  it('adds a goal with defaults and clamped values, then updates it', () => {
    let state = addGoal(mind(), { name: ' Learn jazz history ', priority: 12, progress: -1, steps: ['a', ' '] }, T0);
    const id = `goal-${T0.toString(36)}-0`;
    expect(state.goals).toEqual([
      {
        id,
        name: 'Learn jazz history',
        description: '',
        progress: 0,
        priority: 10,
        steps: ['a'],
        done: false,
        createdAt: T0,
      },
    ]);
    state = updateGoal(state, id, { progress: 0.4, priority: 6.6 });
    expect(state.goals[0]).toMatchObject({ progress: 0.4, priority: 7, done: false });
    state = updateGoal(state, id, { progress: 1 });
    expect(state.goals[0].done).toBe(true);
    expect(updateGoal(state, 'nope', { progress: 0 })).toBe(state);
    expect(removeGoal(state, id).goals).toEqual([]);
  });

  it('refuses a goal without a name', () => {
    expect(() => addGoal(mind(), { name: '  ' }, T0)).toThrow('A goal needs a name');
  });

  it('edits and removes wants, sets and removes motivations', () => {
    let state = mind({ wants: [want()] });
    state = updateWant(state, 'w1', { intensity: 3, topic: ' Jazz ', description: '' });
    expect(state.wants[0]).toMatchObject({ intensity: 1, topic: 'jazz', description: 'learn about music' });
    expect(removeWant(state, 'w1').wants).toEqual([]);
    state = setMotivation(state, ' Music ', 1.5);
    expect(state.motivations).toEqual({ music: 1 });
    expect(setMotivation(state, 'music', undefined).motivations).toEqual({});
    expect(setMotivation(state, '  ', 0.3)).toBe(state);
  });
});
