import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from './default-training.ts';
import { AMPLITUDE_RANGE, NEUTRAL_DESIGN, SPEED_RANGE, generateDesign, recordDesign, regenerate } from './generate.ts';
import { learnFromTraining } from './learn.ts';
import { mulberry32, nextSeed } from './random.ts';
import { emptyDesignMemory, type Design, type DesignMemory } from './types.ts';
import { neutralTraits } from '../../persona/personality.ts';

const trained = learnFromTraining(emptyDesignMemory('m'), DEFAULT_TRAINING, 1).memory;
const MUSIC_PALETTE = ['#7c3aed', '#ec4899', '#fde68a'];
const block = (json: string) => `<learned_design>${json}</learned_design>`;

describe('generateDesign', () => {
  it('gives deep-equal designs for equal inputs', () => {
    const traits = { ...neutralTraits(), empathy: 0.9, playfulness: 0.8 };
    const wants = [{ topic: 'science', weight: 0.6 }];
    expect(generateDesign(trained, traits, wants, 1234, 10)).toEqual(generateDesign(trained, traits, wants, 1234, 10));
  });

  it('gives a different design for a different seed', () => {
    const a = generateDesign(trained, neutralTraits(), [], 1, 10);
    const b = generateDesign(trained, neutralTraits(), [], 2, 10);
    expect([a.id, a.seed, b.id, b.seed]).toEqual(['design-1', 1, 'design-2', 2]);
    expect(a.motion).not.toEqual(b.motion);
  });

  it('uses the neutral design when nothing learned applies', () => {
    const design = generateDesign(emptyDesignMemory('m'), neutralTraits(), [{ topic: 'music', weight: 1 }], 5, 10);
    expect(design).toMatchObject({
      palette: NEUTRAL_DESIGN.palette,
      form: 'circle',
      motion: { pattern: 'float' },
      expressionStyle: 'minimal',
      createdAt: 10,
      sources: [],
    });
    // Neutral traits with a trained memory: no key applies either.
    expect(generateDesign(trained, neutralTraits(), [], 5, 10).palette).toEqual(NEUTRAL_DESIGN.palette);
  });

  it('follows a learned topic when the want is strong', () => {
    for (const seed of [1, 2, 3, 99, 4096]) {
      const design = generateDesign(trained, neutralTraits(), [{ topic: 'Music', weight: 0.9 }], seed, 10);
      expect(design).toMatchObject({
        palette: MUSIC_PALETTE,
        form: 'blob',
        motion: { pattern: 'bounce' },
        expressionStyle: 'cartoon',
        sources: ['topic:music'],
      });
    }
    const without = generateDesign(trained, neutralTraits(), [], 1, 10);
    expect(without.palette).toEqual(NEUTRAL_DESIGN.palette);
  });

  it('finds a want topic among learned concepts too', () => {
    const design = generateDesign(trained, neutralTraits(), [{ topic: 'ocean', weight: 1 }], 3, 10);
    expect(design.palette).toEqual(['#1e3a8a', '#60a5fa', '#e0f2fe']);
    expect(design.sources).toEqual(['concept:ocean']);
  });

  it('ignores wants with no weight or no topic', () => {
    const wants = [
      { topic: 'music', weight: 0 },
      { topic: ' ', weight: 1 },
    ];
    expect(generateDesign(trained, neutralTraits(), wants, 3, 10).sources).toEqual([]);
  });

  it('weighs a topic by its want against the traits', () => {
    const memory = learnFromTraining(
      emptyDesignMemory('m'),
      block('{"topics":["music"],"palette":["#aa0000","#bb0000","#cc0000"],"confidence":0.9}') +
        block('{"traits":{"empathy":"high"},"palette":["#00aa00","#00bb00","#00cc00"],"confidence":0.9}'),
      1,
    ).memory;
    const traits = { ...neutralTraits(), empathy: 0.9 };
    const musicPicks = (weight: number) =>
      Array.from({ length: 200 }, (_, seed) =>
        generateDesign(memory, traits, [{ topic: 'music', weight }], seed, 1),
      ).filter((d) => d.palette[0] === '#aa0000').length;
    // Chance of the music palette: 0.9w / (0.9w + 0.9) — about 9% at w = 0.1 and 50% at w = 1.
    expect(musicPicks(0.1)).toBe(19);
    expect(musicPicks(1)).toBe(101);
    expect(musicPicks(0)).toBe(0);
  });

  it('lists as sources the keys whose values were used, in trait-then-want order', () => {
    const memory = learnFromTraining(
      emptyDesignMemory('m'),
      block('{"topics":["art"],"form":"star"}') +
        block('{"traits":{"humor":"high"},"palette":["#aa0000","#bb0000","#cc0000"]}') +
        block('{"traits":{"formality":"high"},"style":"soft","confidence":0}'),
      1,
    ).memory;
    const traits = { ...neutralTraits(), humor: 0.9, formality: 0.9 };
    const design = generateDesign(memory, traits, [{ topic: 'art', weight: 0.5 }], 8, 1);
    expect(design).toMatchObject({
      palette: ['#aa0000', '#bb0000', '#cc0000'],
      form: 'star',
      expressionStyle: 'minimal',
    });
    // formality:high only offers a value with confidence 0, so it never shapes a design.
    expect(design.sources).toEqual(['trait:humor:high', 'topic:art']);
  });

  it('moves faster and wider with playful traits, within the documented ranges', () => {
    const motion = (playfulness: number) =>
      generateDesign(emptyDesignMemory('m'), { ...neutralTraits(), playfulness }, [], 77, 1).motion;
    // With nothing learned the first two draws are the jitter: energy 0.6p + 0.2 · 0.5 + 0.2 · 0.5.
    const random = mulberry32(77);
    const [j1, j2] = [(random() * 2 - 1) * 0.1, (random() * 2 - 1) * 0.1];
    const round2 = (x: number) => Math.round(x * 100) / 100;
    expect(motion(1)).toEqual({ pattern: 'float', speed: round2(0.5 + 1.5 * 0.8 + j1), amplitude: round2(0.68 + j2) });
    expect(motion(0)).toEqual({ pattern: 'float', speed: round2(0.5 + 1.5 * 0.2 + j1), amplitude: round2(0.32 + j2) });
    for (let seed = 0; seed < 100; seed++) {
      for (const p of [0, 1]) {
        const traits = { ...neutralTraits(), playfulness: p, humor: p, formality: 1 - p };
        const { speed, amplitude } = generateDesign(emptyDesignMemory('m'), traits, [], seed, 1).motion;
        expect(speed).toBeGreaterThanOrEqual(SPEED_RANGE[0]);
        expect(speed).toBeLessThanOrEqual(SPEED_RANGE[1]);
        expect(amplitude).toBeGreaterThanOrEqual(AMPLITUDE_RANGE[0]);
        expect(amplitude).toBeLessThanOrEqual(AMPLITUDE_RANGE[1]);
      }
    }
  });

  it("a 'still' design does not move", () => {
    const traits = { ...neutralTraits(), empathy: 0.1, creativity: 0.1, curiosity: 0.1 };
    const design = generateDesign(trained, traits, [], 1, 1);
    expect(design.motion).toEqual({ pattern: 'still', speed: 0, amplitude: 0 });
  });

  it('does not share the palette array with the memory', () => {
    const design = generateDesign(trained, neutralTraits(), [{ topic: 'music', weight: 1 }], 1, 1);
    design.palette[0] = '#000000';
    expect(trained.associations['topic:music'].palettes[0].value).toEqual(MUSIC_PALETTE);
  });
});

describe('regenerate', () => {
  it('uses the next seed after the previous design', () => {
    const wants = [{ topic: 'art', weight: 0.5 }];
    const first = generateDesign(trained, neutralTraits(), wants, 42, 1);
    const second = regenerate(trained, neutralTraits(), wants, first, 2);
    expect(second).toEqual(generateDesign(trained, neutralTraits(), wants, nextSeed(42), 2));
    expect(second.seed).not.toBe(42);
    expect(regenerate(trained, neutralTraits(), wants, first, 2)).toEqual(second);
  });
});

describe('recordDesign', () => {
  const design = (seed: number, liked?: boolean): Design => ({
    ...generateDesign(trained, neutralTraits(), [], seed, seed * 10),
    ...(liked === undefined ? {} : { liked }),
  });
  const seeds = (memory: DesignMemory) => memory.history.map((d) => d.seed);

  it('appends newest last and moves updatedAt forward', () => {
    const memory = recordDesign(recordDesign(trained, design(1)), design(2));
    expect(seeds(memory)).toEqual([1, 2]);
    expect(memory.updatedAt).toBe(20);
    expect(trained.history).toEqual([]);
  });

  it('keeps at most maxHistory, dropping the oldest not liked first', () => {
    let memory = trained;
    for (const d of [design(1), design(2, true), design(3), design(4, false), design(5)])
      memory = recordDesign(memory, d, 3);
    expect(seeds(memory)).toEqual([2, 4, 5]);
    memory = recordDesign(memory, design(6), 2);
    expect(seeds(memory)).toEqual([2, 6]);
    memory = recordDesign(recordDesign(trained, design(7, true)), design(8), 1);
    expect(seeds(memory)).toEqual([8]);
  });

  it('replaces a design with the same id, keeping its thumbs', () => {
    const memory = recordDesign(recordDesign(recordDesign(trained, design(1, true)), design(2)), design(1));
    expect(memory.history.map((d) => [d.seed, d.liked])).toEqual([
      [2, undefined],
      [1, true],
    ]);
  });
});
