// The learned generator: traits and wants pick association keys, the keys' learned values are drawn by
// weighted chance from a seeded PRNG, so equal inputs always give an equal design.
import { HIGH, LOW, TRAITS, type Traits } from '../../persona/personality.ts';
import { mulberry32, nextSeed, weightedIndex } from './random.ts';
import {
  conceptKey,
  topicKey,
  traitKey,
  valueKey,
  type BaseForm,
  type Design,
  type DesignMemory,
  type ExpressionStyle,
  type Motion,
  type MotionPattern,
  type Palette,
  type Weighted,
} from './types.ts';

export interface Want {
  topic: string;
  /** How much the topic matters now, 0–1 (e.g. intensity × motivation). */
  weight: number;
}

/** Used for any part nothing learned applies to: a quiet slate circle. */
export const NEUTRAL_DESIGN = {
  palette: ['#64748b', '#94a3b8', '#e2e8f0'] as Palette,
  form: 'circle' as BaseForm,
  motion: 'float' as MotionPattern,
  style: 'minimal' as ExpressionStyle,
};

export const SPEED_RANGE = [0.5, 2] as const;
export const AMPLITUDE_RANGE = [0.1, 1] as const;
/** Seeded wobble on speed and amplitude, so a regenerated design moves a little differently. */
const MOTION_JITTER = 0.1;

const clamp = (value: number, [min, max]: readonly [number, number]) => Math.min(max, Math.max(min, value));
const round2 = (value: number) => Math.round(value * 100) / 100;
const unit = (value: number) => (Number.isFinite(value) ? clamp(value, [0, 1]) : 0.5);

/**
 * The keys that may shape a design, with how strongly: 1 for each high (≥ HIGH) or low (≤ LOW) trait, the
 * want's weight for `topic:<t>` and `concept:<t>` (a want's topic may be a learned concept such as "ocean").
 * Only keys the memory has learned are kept; a topic wanted twice counts with its larger weight.
 */
export function contributingKeys(memory: DesignMemory, traits: Traits, wants: readonly Want[]): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (key: string, weight: number) => {
    if (memory.associations[key] && weight > 0) keys.set(key, Math.max(weight, keys.get(key) ?? 0));
  };
  for (const trait of TRAITS) {
    if (traits[trait] >= HIGH) add(traitKey(trait, 'high'), 1);
    else if (traits[trait] <= LOW) add(traitKey(trait, 'low'), 1);
  }
  for (const want of wants) {
    if (!want.topic.trim()) continue;
    const weight = Number.isFinite(want.weight) ? clamp(want.weight, [0, 1]) : 0;
    add(topicKey(want.topic), weight);
    add(conceptKey(want.topic), weight);
  }
  return keys;
}

/**
 * One part by weighted chance: each distinct value weighs the sum over keys of confidence × key weight, so
 * keys that agree pull together. Returns the value and the keys that offered it, or undefined if none did.
 */
function pickPart<T extends string | Palette>(
  random: () => number,
  keys: Map<string, number>,
  options: (key: string) => Weighted<T>[],
): { value: T; sources: string[] } | undefined {
  const candidates = new Map<string, { value: T; weight: number; sources: string[] }>();
  for (const [key, keyWeight] of keys) {
    for (const { value, confidence } of options(key)) {
      const id = valueKey(value);
      const candidate = candidates.get(id) ?? { value, weight: 0, sources: [] };
      candidates.set(id, {
        value,
        weight: candidate.weight + confidence * keyWeight,
        sources: confidence > 0 ? [...candidate.sources, key] : candidate.sources,
      });
    }
  }
  const list = [...candidates.values()];
  const weights = list.map((candidate) => candidate.weight);
  const index = weightedIndex(random, weights);
  return index === undefined ? undefined : { value: list[index].value, sources: list[index].sources };
}

/**
 * Speed and amplitude from the traits' "energy" (0.6 playfulness + 0.2 humor + 0.2 (1 − formality); 0.5 for
 * neutral traits): speed 0.5 + 1.5 × energy, amplitude 0.2 + 0.6 × energy, each ± MOTION_JITTER by seed,
 * clamped to SPEED_RANGE / AMPLITUDE_RANGE and rounded to 2 decimals. 'still' does not move: 0 and 0.
 */
function motionFor(pattern: MotionPattern, traits: Traits, random: () => number): Motion {
  const energy = 0.6 * unit(traits.playfulness) + 0.2 * unit(traits.humor) + 0.2 * (1 - unit(traits.formality));
  const jitter = () => (random() * 2 - 1) * MOTION_JITTER;
  const speed = round2(clamp(0.5 + 1.5 * energy + jitter(), SPEED_RANGE));
  const amplitude = round2(clamp(0.2 + 0.6 * energy + jitter(), AMPLITUDE_RANGE));
  return pattern === 'still' ? { pattern, speed: 0, amplitude: 0 } : { pattern, speed, amplitude };
}

export function generateDesign(
  memory: DesignMemory,
  traits: Traits,
  wants: readonly Want[],
  seed: number,
  now: number,
): Design {
  const seed32 = seed >>> 0;
  const random = mulberry32(seed32);
  const keys = contributingKeys(memory, traits, wants);
  const learned = (key: string) => memory.associations[key];
  const palette = pickPart(random, keys, (k) => learned(k).palettes);
  const form = pickPart(random, keys, (k) => learned(k).forms);
  const motion = pickPart(random, keys, (k) => learned(k).motions);
  const style = pickPart(random, keys, (k) => learned(k).styles);
  const used = new Set([palette, form, motion, style].flatMap((part) => part?.sources ?? []));
  return {
    id: `design-${seed32.toString(36)}`,
    seed: seed32,
    palette: [...(palette?.value ?? NEUTRAL_DESIGN.palette)] as Palette,
    form: form?.value ?? NEUTRAL_DESIGN.form,
    motion: motionFor(motion?.value ?? NEUTRAL_DESIGN.motion, traits, random),
    expressionStyle: style?.value ?? NEUTRAL_DESIGN.style,
    createdAt: now,
    // In key order (traits, then wants), so equal inputs list them equally.
    sources: [...keys.keys()].filter((key) => used.has(key)),
  };
}

/** "Regenerate": the same inputs with the next seed after the previous design's. */
export function regenerate(
  memory: DesignMemory,
  traits: Traits,
  wants: readonly Want[],
  previous: Design,
  now: number,
): Design {
  return generateDesign(memory, traits, wants, nextSeed(previous.seed), now);
}

/**
 * Adds a design to the history, newest last. A design with the same id replaces the old entry (keeping its
 * thumbs if the new one has none). Over `maxHistory`, the oldest designs without a thumbs-up go first, so
 * the ones the user liked are kept longest.
 */
export function recordDesign(memory: DesignMemory, design: Design, maxHistory = 50): DesignMemory {
  const previous = memory.history.find((d) => d.id === design.id);
  const entry =
    design.liked === undefined && previous?.liked !== undefined ? { ...design, liked: previous.liked } : design;
  const older = memory.history.filter((d) => d.id !== design.id);
  let drop = older.length + 1 - Math.max(1, maxHistory);
  // First the oldest without a thumbs-up, then (only liked ones left) the oldest liked; the new one always stays.
  const kept = older.filter((d) => {
    if (drop <= 0 || d.liked === true) return true;
    drop--;
    return false;
  });
  const history = [...kept.slice(Math.max(0, drop)), entry];
  return { ...memory, history, updatedAt: Math.max(memory.updatedAt, design.createdAt) };
}
