// Strict checks for an imported mind: every field present with the right type and range, or an Error naming the
// first one that is not (e.g. `wants[2].intensity must be a number from 0 to 1`). Unknown extra fields are dropped.
import type { Goal, MindState, Subject, Want } from './types.ts';

type Json = Record<string, unknown>;

const fail = (path: string, what: string): never => {
  throw new Error(`Invalid mind file: ${path} must be ${what}`);
};

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : fail(path, 'an array');
}

function string(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail(path, 'a string');
}

function number(value: unknown, path: string, min = -Infinity, max = Infinity, what = 'a number'): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fail(path, what);
}

const fraction = (value: unknown, path: string) => number(value, path, 0, 1, 'a number from 0 to 1');
function whole(value: unknown, path: string, min: number, max: number, what: string): number {
  return Number.isInteger(value) ? number(value, path, min, max, what) : fail(path, what);
}
const count = (value: unknown, path: string) => whole(value, path, 0, Infinity, 'a whole number ≥ 0');

function strings(value: unknown, path: string): string[] {
  return array(value, path).map((item, i) => string(item, `${path}[${i}]`));
}

function record(value: unknown, path: string, check: (v: unknown, path: string) => number): Record<string, number> {
  const entries = Object.entries(object(value, path));
  return Object.fromEntries(entries.map(([key, v]) => [key, check(v, `${path}.${key}`)]));
}

function uniqueIds<T extends { id: string }>(items: T[], path: string): T[] {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) fail(`${path}[${i}].id`, 'unique');
    ids.add(item.id);
  });
  return items;
}

function want(value: unknown, path: string): Want {
  const w = object(value, path);
  const subject =
    w.subject === 'user' || w.subject === 'ai' ? (w.subject as Subject) : fail(`${path}.subject`, '"user" or "ai"');
  return {
    id: string(w.id, `${path}.id`),
    subject,
    topic: string(w.topic, `${path}.topic`),
    description: string(w.description, `${path}.description`),
    intensity: fraction(w.intensity, `${path}.intensity`),
    firstSeen: number(w.firstSeen, `${path}.firstSeen`),
    lastSeen: number(w.lastSeen, `${path}.lastSeen`),
    timesSatisfied: count(w.timesSatisfied, `${path}.timesSatisfied`),
  };
}

function goal(value: unknown, path: string): Goal {
  const g = object(value, path);
  if (typeof g.done !== 'boolean') fail(`${path}.done`, 'true or false');
  return {
    id: string(g.id, `${path}.id`),
    name: string(g.name, `${path}.name`),
    description: string(g.description, `${path}.description`),
    progress: fraction(g.progress, `${path}.progress`),
    priority: whole(g.priority, `${path}.priority`, 1, 10, 'a whole number from 1 to 10'),
    steps: strings(g.steps, `${path}.steps`),
    done: g.done === true,
    createdAt: number(g.createdAt, `${path}.createdAt`),
  };
}

export function validateMind(value: unknown): MindState {
  const m = object(value, 'mind');
  return {
    modelId: string(m.modelId, 'mind.modelId'),
    wants: uniqueIds(
      array(m.wants, 'mind.wants').map((w, i) => want(w, `mind.wants[${i}]`)),
      'mind.wants',
    ),
    motivations: record(m.motivations, 'mind.motivations', fraction),
    goals: uniqueIds(
      array(m.goals, 'mind.goals').map((g, i) => goal(g, `mind.goals[${i}]`)),
      'mind.goals',
    ),
    interactions: record(m.interactions, 'mind.interactions', count),
    preferences: strings(m.preferences, 'mind.preferences'),
    dislikes: strings(m.dislikes, 'mind.dislikes'),
    updatedAt: number(m.updatedAt, 'mind.updatedAt'),
  };
}
