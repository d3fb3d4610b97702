// The wants system's data: what the user and the AI want, how motivated the AI is per topic, its goals.
// Plain JSON-serialisable objects, saved per model id; every update returns a new object.

export type Subject = 'user' | 'ai';

export interface Want {
  id: string;
  subject: Subject;
  topic: string;
  /** The phrase as it was said, e.g. "learn about music". */
  description: string;
  /** 0–1. */
  intensity: number;
  firstSeen: number;
  lastSeen: number;
  timesSatisfied: number;
}

export interface Goal {
  id: string;
  name: string;
  description: string;
  /** 0–1. */
  progress: number;
  /** 1–10, integer. */
  priority: number;
  steps: string[];
  done: boolean;
  createdAt: number;
}

export interface MindState {
  modelId: string;
  wants: Want[];
  /** Topic → 0–1. */
  motivations: Record<string, number>;
  goals: Goal[];
  /** Topic → number of turns that touched it. */
  interactions: Record<string, number>;
  preferences: string[];
  dislikes: string[];
  /** When intensities and motivations were last brought up to date (decay runs from here). */
  updatedAt: number;
}

/** One line for the log, e.g. `new interest "learn about music" (user, intensity 0.50)`. */
export interface MindChange {
  topic: string;
  message: string;
}

export function emptyMind(modelId: string): MindState {
  return {
    modelId,
    wants: [],
    motivations: {},
    goals: [],
    interactions: {},
    preferences: [],
    dislikes: [],
    updatedAt: 0,
  };
}

/** Intensities, motivations and progress live in 0–1; NaN (a bad edit) becomes 0 rather than spreading. */
export function clamp01(value: number): number {
  return Number.isNaN(value) ? 0 : Math.min(1, Math.max(0, value));
}

/** Priorities are whole numbers 1–10. */
export function clampPriority(value: number): number {
  return Number.isNaN(value) ? 5 : Math.min(10, Math.max(1, Math.round(value)));
}

/** Topics are compared lower-case and trimmed, so "Music " and "music" are one topic. */
export function normalizeTopic(topic: string): string {
  return topic.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A topic's value in a motivations/interactions record; own keys only, so a topic like "constructor" is safe. */
export function ownValue(record: Record<string, number>, topic: string): number | undefined {
  return Object.hasOwn(record, topic) ? record[topic] : undefined;
}
