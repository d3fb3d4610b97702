import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from './default-training.ts';
import { generateDesign, recordDesign } from './generate.ts';
import { applyDesignFeedback, designKeys, learnFromTraining, parseLearnedDesigns } from './learn.ts';
import { emptyDesignMemory, type DesignMemory } from './types.ts';
import { TRAITS, neutralTraits } from '../../persona/personality.ts';

const block = (json: string) => `<learned_design>${json}</learned_design>`;
const MUSIC = block(
  '{"topics":["music"],"palette":["#7c3aed","#ec4899","#fde68a"],"form":"blob","motion":"bounce","style":"cartoon","confidence":0.7}',
);

describe('parseLearnedDesigns', () => {
  it('reads a block, normalising colours and terms, with 0.5 when confidence is left out', () => {
    const text = `Intro ${block(
      '{"concepts":["Calm","calm"," Deep  Ocean "],"traits":{"empathy":"high","humor":"low"},"topics":[" Music "],"palette":["#1E3A8A","#60a5fa","#e0f2fe"],"form":"blob"}',
    )} outro`;
    expect(parseLearnedDesigns(text)).toEqual({
      blocks: [
        {
          concepts: ['calm', 'deep ocean'],
          traits: { empathy: 'high', humor: 'low' },
          topics: ['music'],
          palette: ['#1e3a8a', '#60a5fa', '#e0f2fe'],
          form: 'blob',
          motion: undefined,
          style: undefined,
          confidence: 0.5,
        },
      ],
      errors: [],
    });
  });

  it('gives the keys in trait, topic, concept order', () => {
    const { blocks } = parseLearnedDesigns(
      block('{"concepts":["calm"],"traits":{"playfulness":"low","humor":"high"},"topics":["art"],"style":"soft"}'),
    );
    expect(designKeys(blocks[0])).toEqual(['trait:humor:high', 'trait:playfulness:low', 'topic:art', 'concept:calm']);
  });

  it('reports each malformed block and keeps the good ones', () => {
    const text = [
      block('{"topics":["music"],"form":"blob"}'),
      block('{"topics":["music"], form: blob}'),
      block('["music"]'),
      block('{"topics":["music"],"colour":"#ffffff"}'),
      block('{"topics":["music"],"palette":["#ffffff","#000000"]}'),
      block('{"topics":["music"],"palette":["#fff","#000000","#123456"]}'),
      block('{"traits":{"charm":"high"},"form":"blob"}'),
      block('{"traits":{"humor":"very"},"form":"blob"}'),
      block('{"topics":["music"],"form":"triangle"}'),
      block('{"topics":["music"],"form":"blob","confidence":1.5}'),
      block('{"topics":[""],"form":"blob"}'),
      block('{"form":"blob"}'),
      block('{"topics":["music"]}'),
      block('{"concepts":["calm"],"motion":"float"}'),
      '<learned_design>{"topics":["art"],"form":"star"}',
    ].join('\n');
    const { blocks, errors } = parseLearnedDesigns(text);
    expect(blocks.map(designKeys)).toEqual([['topic:music'], ['concept:calm']]);
    expect(errors).toEqual([
      'block 2: invalid JSON',
      'block 3: not a JSON object',
      'block 4: unknown field "colour"',
      'block 5: "palette" must be three "#rrggbb" colours',
      'block 6: "palette" must be three "#rrggbb" colours',
      'block 7: unknown trait "charm"',
      'block 8: trait "humor" must be "high" or "low"',
      'block 9: "form" must be one of circle, rounded-square, blob, hexagon, star, diamond',
      'block 10: "confidence" must be a number from 0 to 1',
      'block 11: "topics" must be a list of non-empty strings',
      'block 12: needs at least one concept, trait or topic',
      'block 13: needs at least one of palette, form, motion, style',
      'block 15: missing </learned_design>',
    ]);
  });

  it('finds nothing in text without blocks', () => {
    expect(parseLearnedDesigns('just words')).toEqual({ blocks: [], errors: [] });
  });
});

describe('DEFAULT_TRAINING', () => {
  const { blocks, errors } = parseLearnedDesigns(DEFAULT_TRAINING);

  it('parses with no errors into 13 blocks', () => {
    expect(errors).toEqual([]);
    expect(blocks).toHaveLength(13);
  });

  it('covers every trait high and low and the main topics', () => {
    const keys = new Set(blocks.flatMap(designKeys));
    for (const trait of TRAITS) {
      expect(keys).toContain(`trait:${trait}:high`);
      expect(keys).toContain(`trait:${trait}:low`);
    }
    for (const topic of ['music', 'art', 'programming', 'science', 'nature', 'gaming', 'philosophy', 'emotion']) {
      expect(keys).toContain(`topic:${topic}`);
    }
  });
});

describe('learnFromTraining', () => {
  it('adds each block under each of its keys', () => {
    const { memory, learned, errors } = learnFromTraining(emptyDesignMemory('m'), MUSIC, 100);
    expect({ learned, errors, updatedAt: memory.updatedAt }).toEqual({ learned: 1, errors: [], updatedAt: 100 });
    expect(memory.associations).toEqual({
      'topic:music': {
        palettes: [{ value: ['#7c3aed', '#ec4899', '#fde68a'], confidence: 0.7 }],
        forms: [{ value: 'blob', confidence: 0.7 }],
        motions: [{ value: 'bounce', confidence: 0.7 }],
        styles: [{ value: 'cartoon', confidence: 0.7 }],
      },
    });
  });

  it('raises the confidence of a value seen again instead of duplicating it', () => {
    const again = block(
      '{"topics":["Music"],"palette":["#7C3AED","#ec4899","#fde68a"],"form":"star","confidence":0.5}',
    );
    const { memory } = learnFromTraining(emptyDesignMemory('m'), MUSIC + again, 1);
    // 1 − (1 − 0.7)(1 − 0.5) = 0.85
    expect(memory.associations['topic:music'].palettes).toEqual([
      { value: ['#7c3aed', '#ec4899', '#fde68a'], confidence: 0.85 },
    ]);
    expect(memory.associations['topic:music'].forms).toEqual([
      { value: 'blob', confidence: 0.7 },
      { value: 'star', confidence: 0.5 },
    ]);
  });

  it('returns the same memory and the errors when nothing is valid', () => {
    const before = emptyDesignMemory('m');
    const result = learnFromTraining(before, block('oops'), 5);
    expect(result.memory).toBe(before);
    expect(result.learned).toBe(0);
    expect(result.errors).toEqual(['block 1: invalid JSON']);
  });

  it('does not change the memory it was given', () => {
    const before = learnFromTraining(emptyDesignMemory('m'), MUSIC, 1).memory;
    const copy = structuredClone(before);
    learnFromTraining(before, MUSIC, 2);
    expect(before).toEqual(copy);
  });
});

describe('applyDesignFeedback', () => {
  const trained = (confidence: number): DesignMemory => {
    const base = learnFromTraining(emptyDesignMemory('m'), MUSIC.replace('0.7', String(confidence)), 1).memory;
    // A second palette under the same key, which the design does not use.
    const other = learnFromTraining(base, block('{"topics":["music"],"palette":["#000000","#111111","#222222"]}'), 1);
    const design = generateDesign(other.memory, neutralTraits(), [{ topic: 'music', weight: 1 }], 7, 2);
    // Seed 7 draws the learned music palette, not the other one.
    expect(design.palette).toEqual(['#7c3aed', '#ec4899', '#fde68a']);
    return recordDesign(other.memory, design);
  };
  const confidences = (memory: DesignMemory) => {
    const music = memory.associations['topic:music'];
    return [music.palettes[0], music.palettes[1], music.forms[0], music.motions[0], music.styles[0]].map(
      (w) => w.confidence,
    );
  };

  it('a thumbs-up raises each used value by 0.1 and marks the design liked', () => {
    const before = trained(0.7);
    const after = applyDesignFeedback(before, 'design-7', true, 50);
    expect(confidences(before)).toEqual([0.7, 0.5, 0.7, 0.7, 0.7]);
    expect(confidences(after)).toEqual([0.8, 0.5, 0.8, 0.8, 0.8]);
    expect(after.history[0].liked).toBe(true);
    expect(after.updatedAt).toBe(50);
    expect(before.history[0].liked).toBeUndefined();
  });

  it("a thumbs-down lowers them by 0.15, and changing one's mind counts once", () => {
    const liked = applyDesignFeedback(trained(0.7), 'design-7', true, 50);
    const disliked = applyDesignFeedback(liked, 'design-7', false, 60);
    expect(confidences(disliked)).toEqual([0.65, 0.5, 0.65, 0.65, 0.65]);
    expect(disliked.history[0].liked).toBe(false);
  });

  it('clamps to 1 and to 0', () => {
    expect(confidences(applyDesignFeedback(trained(0.95), 'design-7', true, 5))).toEqual([1, 0.5, 1, 1, 1]);
    expect(confidences(applyDesignFeedback(trained(0.1), 'design-7', false, 5))).toEqual([0, 0.5, 0, 0, 0]);
  });

  it('repeating the same verdict or naming an unknown design changes nothing', () => {
    const liked = applyDesignFeedback(trained(0.7), 'design-7', true, 50);
    expect(applyDesignFeedback(liked, 'design-7', true, 60)).toBe(liked);
    expect(applyDesignFeedback(liked, 'design-nope', false, 60)).toBe(liked);
  });
});
