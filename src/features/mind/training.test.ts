import { describe, expect, it } from 'vitest';
import { exportMind, importMind, seedFromTraining } from './training.ts';
import { emptyMind, type MindState } from './types.ts';

const T0 = Date.UTC(2025, 0, 1);
const id = (prefix: string, n = 0) => `${prefix}-${T0.toString(36)}-${n}`;

const TRAINING = `
User: What do you like?
AI: Many things. <internal_want>understand the user's taste in jazz</internal_want>
<motivation_level>music: 0.7</motivation_level> <motivation_level>Art=45%</motivation_level>
<goal>Learn jazz history</goal><goal_priority>7</goal_priority><goal_progress>40%</goal_progress>
<goal>Write a poem</goal>
<goal_progress>0.25</goal_progress>
<preference>short answers</preference> <dislike>small talk</dislike>
`;

describe('seedFromTraining', () => {
  it('takes in wants, motivations, goals with priority and progress, preferences and dislikes', () => {
    const { state, added, errors } = seedFromTraining(emptyMind('m'), TRAINING, T0);
    expect(errors).toEqual([]);
    expect(added).toBe(7);
    expect(state).toEqual({
      modelId: 'm',
      wants: [
        {
          id: id('want'),
          subject: 'ai',
          topic: 'music',
          description: "understand the user's taste in jazz",
          intensity: 0.5,
          firstSeen: T0,
          lastSeen: T0,
          timesSatisfied: 0,
        },
      ],
      motivations: { music: 0.7, art: 0.45 },
      goals: [
        {
          id: id('goal'),
          name: 'Learn jazz history',
          description: '',
          progress: 0.4,
          priority: 7,
          steps: [],
          done: false,
          createdAt: T0,
        },
        {
          id: id('goal', 1),
          name: 'Write a poem',
          description: '',
          progress: 0.25,
          priority: 5,
          steps: [],
          done: false,
          createdAt: T0,
        },
      ],
      interactions: {},
      preferences: ['short answers'],
      dislikes: ['small talk'],
      updatedAt: T0,
    } satisfies MindState);
  });

  it('seeding the same text again strengthens the want but duplicates no goal, preference or dislike', () => {
    const once = seedFromTraining(emptyMind('m'), TRAINING, T0).state;
    const { state, added } = seedFromTraining(once, TRAINING, T0 + 1);
    expect(added).toBe(3); // the want and the two motivations
    expect(state.wants).toHaveLength(1);
    expect(state.wants[0].intensity).toBeCloseTo(0.55, 10);
    expect(state.goals).toHaveLength(2);
    expect(state.preferences).toEqual(['short answers']);
    expect(state.dislikes).toEqual(['small talk']);
  });

  it('reports malformed values, skips them, and keeps the rest', () => {
    const text = [
      '<goal_priority>3</goal_priority>', // no goal yet
      '<motivation_level>music: lots</motivation_level>',
      '<motivation_level>music: 1.5</motivation_level>',
      '<motivation_level>no separator</motivation_level>',
      '<internal_want>   </internal_want>',
      '<goal>Read more</goal><goal_priority>11</goal_priority><goal_priority>2.5</goal_priority>',
      '<goal_progress>40</goal_progress><goal_progress>150%</goal_progress><goal_progress>0.5</goal_progress>',
      '<preference>tea',
      '<dislike>rain</dislike>',
    ].join('\n');
    const { state, added, errors } = seedFromTraining(emptyMind('m'), text, T0);
    expect(errors).toEqual([
      '<goal_priority>3</goal_priority>: no <goal> before it',
      '<motivation_level>music: lots</motivation_level>: "lots" is not a level from 0 to 1',
      '<motivation_level>music: 1.5</motivation_level>: "1.5" is not a level from 0 to 1',
      '<motivation_level>no separator</motivation_level>: expected "topic: 0.7" or "topic=0.7"',
      '<internal_want></internal_want>: empty',
      '<goal_priority>11</goal_priority>: priority must be a whole number from 1 to 10',
      '<goal_priority>2.5</goal_priority>: priority must be a whole number from 1 to 10',
      '<goal_progress>40</goal_progress>: progress must be 0–1 (0.4) or a percentage (40%)',
      '<goal_progress>150%</goal_progress>: progress must be 0–1 (0.4) or a percentage (40%)',
      '<preference> is not closed',
    ]);
    expect(added).toBe(2);
    expect(state.goals.map((g) => [g.name, g.priority, g.progress])).toEqual([['Read more', 5, 0.5]]);
    expect(state.motivations).toEqual({});
    expect(state.dislikes).toEqual(['rain']);
  });

  it('leaves the state untouched by a text without tags', () => {
    const before = emptyMind('m');
    expect(seedFromTraining(before, 'just <b>text</b>', T0)).toEqual({ state: before, added: 0, errors: [] });
  });
});

describe('exportMind / importMind', () => {
  const seeded = seedFromTraining(emptyMind('model-a'), TRAINING, T0).state;

  it('round-trips a mind, into the model it is imported for', () => {
    const text = exportMind(seeded);
    expect(JSON.parse(text)).toMatchObject({ format: 'forgeai-mind', version: 1, mind: { modelId: 'model-a' } });
    expect(text).toContain('\n  "version": 1,');
    expect(importMind(text, 'model-b')).toEqual({ ...seeded, modelId: 'model-b' });
  });

  const wrap = (mind: unknown, extra: object = {}) =>
    JSON.stringify({ format: 'forgeai-mind', version: 1, mind, ...extra });

  it.each([
    ['not json', 'Not a ForgeAI mind file: it is not JSON'],
    ['[1, 2]', 'Not a ForgeAI mind file: no "format": "forgeai-mind" field'],
    ['{"spec": "chara_card_v2", "data": {}}', 'Not a ForgeAI mind file: no "format": "forgeai-mind" field'],
    ['{"format": "other"}', 'Not a ForgeAI mind file: format is "other", expected "forgeai-mind"'],
    ['{"format": "forgeai-mind", "version": 2}', 'Unsupported mind file version 2; this app reads version 1'],
    ['{"format": "forgeai-mind", "version": 1}', 'Invalid mind file: "mind" is missing'],
  ])('rejects %s', (text, message) => {
    expect(() => importMind(text, 'm')).toThrow(message);
  });

  it.each([
    [{ wants: 'x' }, 'Invalid mind file: mind.wants must be a list'],
    [{ wants: [{ intensity: 0.5 }] }, 'Invalid mind file: mind.wants[0].id is missing'],
    [{ wants: [{ ...seeded.wants[0], subject: 'both' }] }, 'mind.wants[0].subject must be one of "user", "ai"'],
    [{ wants: [{ ...seeded.wants[0], intensity: 1.2 }] }, 'mind.wants[0].intensity must be a number from 0 to 1'],
    [{ wants: [seeded.wants[0], seeded.wants[0]] }, 'mind.wants[1] must be unique'],
    [{ motivations: { music: '0.7' } }, 'mind.motivations.music must be a number from 0 to 1'],
    [{ interactions: { music: 1.5 } }, 'mind.interactions.music must be a whole number ≥ 0'],
    [{ goals: [{ ...seeded.goals[0], priority: 0 }] }, 'mind.goals[0].priority must be a whole number from 1 to 10'],
    [{ goals: [{ ...seeded.goals[0], done: 'no' }] }, 'mind.goals[0].done must be true or false'],
    [{ preferences: [1] }, 'mind.preferences[0] must be a string'],
    [{ updatedAt: null }, 'mind.updatedAt must be a time (a number ≥ 0)'],
  ])('rejects a malformed mind: %j', (changes, message) => {
    expect(() => importMind(wrap({ ...seeded, ...changes }), 'm')).toThrow(message);
  });

  it('drops unknown fields', () => {
    const imported = importMind(wrap({ ...seeded, extra: true }, { note: 'hi' }), 'model-a');
    expect(imported).toEqual(seeded);
  });
});
