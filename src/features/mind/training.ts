// Seeding the mind from a training text (<internal_want>, <motivation_level>, <goal>, … tags) and moving a whole
// mind between devices as JSON.
import { addOrStrengthenWant } from './learn.ts';
import { addGoal, updateGoal } from './edit.ts';
import { topicOf } from './extract.ts';
import { normalizeTopic, type MindState } from './types.ts';
import { check } from '../../db/schema-kit.ts';
import { mindSchema } from './mind-schema.ts';

const TAGS = ['internal_want', 'motivation_level', 'goal', 'goal_priority', 'goal_progress', 'preference', 'dislike'];
const NAMES = TAGS.join('|');
/** A known tag with its content (which may not contain another known tag), or a known opening tag left unclosed. */
const TAG_PATTERN = new RegExp(`<(${NAMES})>((?:(?!</?(?:${NAMES})>)[\\s\\S])*?)</\\1>|<(${NAMES})>`, 'gi');

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

/** "0.4" → 0.4, "40%" → 0.4; anything else, or outside 0–1, is undefined. */
function parseFraction(text: string): number | undefined {
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(%?)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) / (match[2] ? 100 : 1);
  return value >= 0 && value <= 1 ? value : undefined;
}

function addUnique(list: string[], item: string): string[] | undefined {
  return list.some((x) => x.toLowerCase() === item.toLowerCase()) ? undefined : [...list, item];
}

/**
 * Applies the tags in order. `added` counts the wants, motivations, goals, preferences and dislikes taken in
 * (a want seen before is strengthened and counts; a goal, preference or dislike already there does not).
 * <goal_priority> (1–10, whole) and <goal_progress> (0–1 or 0–100%) apply to the goal named just before them; an
 * existing goal of the same name is reused, so importing a text twice does not duplicate goals.
 */
export function seedFromTraining(
  state: MindState,
  text: string,
  now: number,
): { state: MindState; added: number; errors: string[] } {
  let next = state;
  let added = 0;
  const errors: string[] = [];
  let goalId: string | undefined;
  for (const match of text.matchAll(TAG_PATTERN)) {
    if (match[3] !== undefined) {
      errors.push(`<${match[3].toLowerCase()}> is not closed`);
      continue;
    }
    const tag = match[1].toLowerCase();
    const value = clean(match[2]);
    const fail = (why: string) => errors.push(`<${tag}>${value}</${tag}>: ${why}`);
    if (!value) {
      fail('empty');
      continue;
    }
    switch (tag) {
      case 'internal_want': {
        next = addOrStrengthenWant(next, 'ai', value, topicOf(value), now).state;
        added++;
        break;
      }
      case 'motivation_level': {
        const parts = /^(.+?)\s*[:=]\s*(\S+)$/.exec(value);
        const topic = parts ? normalizeTopic(parts[1]) : '';
        const level = parts ? parseFraction(parts[2]) : undefined;
        if (!topic) fail('expected "topic: 0.7" or "topic=0.7"');
        else if (level === undefined) fail(`"${parts?.[2]}" is not a level from 0 to 1`);
        else {
          next = { ...next, motivations: { ...next.motivations, [topic]: level } };
          added++;
        }
        break;
      }
      case 'goal': {
        const existing = next.goals.find((g) => !g.done && g.name.toLowerCase() === value.toLowerCase());
        if (existing) goalId = existing.id;
        else {
          next = addGoal(next, { name: value }, now);
          goalId = next.goals.at(-1)?.id;
          added++;
        }
        break;
      }
      case 'goal_priority': {
        const priority = /^\d+$/.test(value) ? Number(value) : NaN;
        if (goalId === undefined) fail('no <goal> before it');
        else if (!(priority >= 1 && priority <= 10)) fail('priority must be a whole number from 1 to 10');
        else next = updateGoal(next, goalId, { priority });
        break;
      }
      case 'goal_progress': {
        const progress = parseFraction(value);
        if (goalId === undefined) fail('no <goal> before it');
        else if (progress === undefined) fail('progress must be 0–1 (0.4) or a percentage (40%)');
        else next = updateGoal(next, goalId, { progress });
        break;
      }
      case 'preference':
      case 'dislike': {
        const key = tag === 'preference' ? 'preferences' : 'dislikes';
        const list = addUnique(next[key], value);
        if (list) {
          next = { ...next, [key]: list };
          added++;
        }
        break;
      }
    }
  }
  return { state: next === state ? state : { ...next, updatedAt: now }, added, errors };
}

export const MIND_FORMAT = 'forgeai-mind';
export const MIND_VERSION = 1;

export function exportMind(state: MindState): string {
  return JSON.stringify({ format: MIND_FORMAT, version: MIND_VERSION, mind: state }, null, 2);
}

/** Reads an exported mind into `modelId` (a mind moves between models). Throws an Error saying what is wrong. */
export function importMind(text: string, modelId: string): MindState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`Not a ForgeAI mind file: it is not JSON (${error instanceof Error ? error.message : error})`, {
      cause: error,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('format' in data)) {
    throw new Error(`Not a ForgeAI mind file: no "format": "${MIND_FORMAT}" field`);
  }
  if (data.format !== MIND_FORMAT) {
    throw new Error(`Not a ForgeAI mind file: format is ${JSON.stringify(data.format)}, expected "${MIND_FORMAT}"`);
  }
  const version = 'version' in data ? data.version : undefined;
  if (version !== MIND_VERSION) {
    throw new Error(`Unsupported mind file version ${JSON.stringify(version)}; this app reads version ${MIND_VERSION}`);
  }
  if (!('mind' in data)) throw new Error('Invalid mind file: "mind" is missing');
  const mind = check(mindSchema, data.mind, 'mind');
  if (!mind.ok) throw new Error(`Invalid mind file: ${mind.problem}`);
  return { ...mind.value, modelId };
}
