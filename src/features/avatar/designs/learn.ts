// Learning design associations: from training text with <learned_design>{json}</learned_design> blocks,
// and from the user's thumbs on generated designs. Pure and immutable: every call returns a new memory.
import { TRAITS, type Trait } from '../../persona/personality.ts';
import {
  BASE_FORMS,
  EXPRESSION_STYLES,
  MOTION_PATTERNS,
  conceptKey,
  emptyAssociation,
  isHexColour,
  isOneOf,
  normaliseTerm,
  roundConfidence,
  topicKey,
  traitKey,
  valueKey,
  type Association,
  type BaseForm,
  type DesignMemory,
  type ExpressionStyle,
  type MotionPattern,
  type Palette,
  type Weighted,
} from './types.ts';

export interface LearnedDesign {
  concepts: string[];
  traits: Partial<Record<Trait, 'high' | 'low'>>;
  topics: string[];
  palette?: Palette;
  form?: BaseForm;
  motion?: MotionPattern;
  style?: ExpressionStyle;
  /** How sure the block is, 0–1; DEFAULT_BLOCK_CONFIDENCE when the block leaves it out. */
  confidence: number;
}

export const DEFAULT_BLOCK_CONFIDENCE = 0.5;
/** A thumbs-up adds this to the confidence of each value the design used; clamped at 1. */
export const LIKE_STEP = 0.1;
/** A thumbs-down takes this off; larger than LIKE_STEP so a disliked look fades faster than it grew. */
export const DISLIKE_STEP = 0.15;

const FIELDS = ['concepts', 'traits', 'topics', 'palette', 'form', 'motion', 'style', 'confidence'];
const OPEN = '<learned_design>';
const CLOSE = '</learned_design>';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function termList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new Error(`"${field}" must be a list of non-empty strings`);
  }
  return [...new Set(value.map(normaliseTerm))];
}

function traitLevels(value: unknown): LearnedDesign['traits'] {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new Error('"traits" must be an object like {"empathy": "high"}');
  const levels: LearnedDesign['traits'] = {};
  for (const [name, level] of Object.entries(value)) {
    if (!isOneOf(TRAITS, name)) throw new Error(`unknown trait "${name}"`);
    if (level !== 'high' && level !== 'low') throw new Error(`trait "${name}" must be "high" or "low"`);
    levels[name] = level;
  }
  return levels;
}

function optionalOneOf<T extends string>(list: readonly T[], value: unknown, field: string): T | undefined {
  if (value === undefined) return undefined;
  if (!isOneOf(list, value)) throw new Error(`"${field}" must be one of ${list.join(', ')}`);
  return value;
}

function optionalPalette(value: unknown): Palette | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== 3 || !value.every(isHexColour)) {
    throw new Error('"palette" must be three "#rrggbb" colours');
  }
  const [main, accent, light] = value.map((c) => c.toLowerCase());
  return [main, accent, light];
}

/** Strict: unknown fields, wrong types and empty blocks are errors, so a typo never teaches silently. */
function validate(json: unknown): LearnedDesign {
  if (!isRecord(json)) throw new Error('not a JSON object');
  const unknown = Object.keys(json).filter((k) => !FIELDS.includes(k));
  if (unknown.length) throw new Error(`unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const { confidence } = json;
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence >= 0 && confidence <= 1)) {
    throw new Error('"confidence" must be a number from 0 to 1');
  }
  const block: LearnedDesign = {
    concepts: termList(json.concepts, 'concepts'),
    traits: traitLevels(json.traits),
    topics: termList(json.topics, 'topics'),
    palette: optionalPalette(json.palette),
    form: optionalOneOf(BASE_FORMS, json.form, 'form'),
    motion: optionalOneOf(MOTION_PATTERNS, json.motion, 'motion'),
    style: optionalOneOf(EXPRESSION_STYLES, json.style, 'style'),
    confidence: confidence ?? DEFAULT_BLOCK_CONFIDENCE,
  };
  if (!designKeys(block).length) throw new Error('needs at least one concept, trait or topic');
  if (!block.palette && !block.form && !block.motion && !block.style) {
    throw new Error('needs at least one of palette, form, motion, style');
  }
  return block;
}

/** The association keys a block teaches, in a stable order: traits, topics, concepts. */
export function designKeys(block: LearnedDesign): string[] {
  return [
    ...TRAITS.flatMap((t) => (block.traits[t] ? [traitKey(t, block.traits[t])] : [])),
    ...block.topics.map(topicKey),
    ...block.concepts.map(conceptKey),
  ];
}

/** Finds every block; a malformed one becomes an error ("block 2: …") and the others still count. */
export function parseLearnedDesigns(text: string): { blocks: LearnedDesign[]; errors: string[] } {
  const blocks: LearnedDesign[] = [];
  const errors: string[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let n = 1; ; n++) {
    const open = lower.indexOf(OPEN, from);
    if (open < 0) break;
    const close = lower.indexOf(CLOSE, open + OPEN.length);
    if (close < 0) {
      errors.push(`block ${n}: missing ${CLOSE}`);
      break;
    }
    const body = text.slice(open + OPEN.length, close);
    from = close + CLOSE.length;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      errors.push(`block ${n}: invalid JSON`);
      continue;
    }
    try {
      blocks.push(validate(json));
    } catch (error) {
      errors.push(`block ${n}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { blocks, errors };
}

/** The same value seen again rises toward 1 (like independent evidence: 1 − (1 − a)(1 − b)); a new one is added. */
function reinforce<T extends string | Palette>(list: Weighted<T>[], value: T, confidence: number): Weighted<T>[] {
  const key = valueKey(value);
  const index = list.findIndex((w) => valueKey(w.value) === key);
  if (index < 0) return [...list, { value, confidence: roundConfidence(confidence) }];
  const merged = roundConfidence(1 - (1 - list[index].confidence) * (1 - confidence));
  return list.map((w, i) => (i === index ? { ...w, confidence: merged } : w));
}

function teach(association: Association, block: LearnedDesign): Association {
  const c = block.confidence;
  return {
    palettes: block.palette ? reinforce(association.palettes, [...block.palette] as Palette, c) : association.palettes,
    forms: block.form ? reinforce(association.forms, block.form, c) : association.forms,
    motions: block.motion ? reinforce(association.motions, block.motion, c) : association.motions,
    styles: block.style ? reinforce(association.styles, block.style, c) : association.styles,
  };
}

/** Merges every valid block of a training text into the memory's associations, one per key of the block. */
export function learnFromTraining(
  memory: DesignMemory,
  text: string,
  now: number,
): { memory: DesignMemory; learned: number; errors: string[] } {
  const { blocks, errors } = parseLearnedDesigns(text);
  if (!blocks.length) return { memory, learned: 0, errors };
  const associations = { ...memory.associations };
  for (const block of blocks) {
    for (const key of designKeys(block)) associations[key] = teach(associations[key] ?? emptyAssociation(), block);
  }
  return { memory: { ...memory, associations, updatedAt: now }, learned: blocks.length, errors };
}

/**
 * A thumbs-up or -down on a design from the history. Marks it, and moves the confidence of each value it
 * used (palette, form, motion pattern, style) in each association it came from by LIKE_STEP or −DISLIKE_STEP,
 * clamped to 0–1. Values an association never held are left alone. Repeating the same verdict changes
 * nothing (no double counting from repeated clicks); an unknown design id changes nothing.
 */
export function applyDesignFeedback(memory: DesignMemory, designId: string, liked: boolean, now: number): DesignMemory {
  const design = memory.history.find((d) => d.id === designId);
  if (!design || design.liked === liked) return memory;
  const step = liked ? LIKE_STEP : -DISLIKE_STEP;
  const nudge = <T extends string | Palette>(list: Weighted<T>[], used: T) =>
    list.map((w) =>
      valueKey(w.value) === valueKey(used) ? { ...w, confidence: roundConfidence(w.confidence + step) } : w,
    );
  const associations = { ...memory.associations };
  for (const key of design.sources) {
    const association = associations[key];
    if (!association) continue;
    associations[key] = {
      palettes: nudge(association.palettes, design.palette),
      forms: nudge(association.forms, design.form),
      motions: nudge(association.motions, design.motion.pattern),
      styles: nudge(association.styles, design.expressionStyle),
    };
  }
  const history = memory.history.map((d) => (d.id === designId ? { ...d, liked } : d));
  return { ...memory, associations, history, updatedAt: now };
}
