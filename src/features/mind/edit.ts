// Edits made by hand in the Mind panel: goals, wants and motivations. Each returns a new state; an unknown id
// or an empty topic leaves the state as it was.
import { clamp01, clampPriority, normalizeTopic, type Goal, type MindState, type Want } from './types.ts';

/** Descriptions are compared without case, punctuation or extra spaces: "Learn about music!" = "learn about music". */
export function normalizeDescription(description: string): string {
  return description
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `${prefix}-${time in base 36}-${n}`: deterministic (testable) and unique within the state. */
export function uniqueId(prefix: string, now: number, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 0; ; n++) {
    const id = `${prefix}-${Math.max(0, Math.floor(now)).toString(36)}-${n}`;
    if (!used.has(id)) return id;
  }
}

export interface GoalFields {
  name: string;
  description?: string;
  progress?: number;
  priority?: number;
  steps?: string[];
}

export const DEFAULT_PRIORITY = 5;

const cleanSteps = (steps: string[]) => steps.map((s) => s.trim()).filter(Boolean);

/** A new goal goes last. A goal needs a name: an empty one throws (the form should not offer it). */
export function addGoal(state: MindState, fields: GoalFields, now: number): MindState {
  const name = fields.name.trim();
  if (!name) throw new Error('A goal needs a name');
  const progress = clamp01(fields.progress ?? 0);
  const goal: Goal = {
    id: uniqueId(
      'goal',
      now,
      state.goals.map((g) => g.id),
    ),
    name,
    description: fields.description?.trim() ?? '',
    progress,
    priority: clampPriority(fields.priority ?? DEFAULT_PRIORITY),
    steps: cleanSteps(fields.steps ?? []),
    done: progress >= 1,
    createdAt: now,
  };
  return { ...state, goals: [...state.goals, goal] };
}

/** Values are clamped; reaching progress 1 marks the goal done unless `done` is given too. An empty name is ignored. */
export function updateGoal(state: MindState, id: string, changes: Partial<Omit<Goal, 'id' | 'createdAt'>>): MindState {
  if (!state.goals.some((g) => g.id === id)) return state;
  const goals = state.goals.map((goal) => {
    if (goal.id !== id) return goal;
    const next: Goal = { ...goal };
    if (changes.name !== undefined && changes.name.trim()) next.name = changes.name.trim();
    if (changes.description !== undefined) next.description = changes.description.trim();
    if (changes.progress !== undefined) next.progress = clamp01(changes.progress);
    if (changes.priority !== undefined) next.priority = clampPriority(changes.priority);
    if (changes.steps !== undefined) next.steps = cleanSteps(changes.steps);
    if (changes.done !== undefined) next.done = changes.done;
    else if (changes.progress !== undefined && next.progress >= 1) next.done = true;
    return next;
  });
  return { ...state, goals };
}

export interface WantEdit {
  description?: string;
  topic?: string;
  intensity?: number;
}

/** An empty description or topic is ignored; intensity is clamped. */
export function updateWant(state: MindState, id: string, changes: WantEdit): MindState {
  if (!state.wants.some((w) => w.id === id)) return state;
  const wants = state.wants.map((want) => {
    if (want.id !== id) return want;
    const next: Want = { ...want };
    if (changes.description?.trim()) next.description = changes.description.trim();
    if (changes.topic && normalizeTopic(changes.topic)) next.topic = normalizeTopic(changes.topic);
    if (changes.intensity !== undefined) next.intensity = clamp01(changes.intensity);
    return next;
  });
  return { ...state, wants };
}

export function removeWant(state: MindState, id: string): MindState {
  return state.wants.some((w) => w.id === id) ? { ...state, wants: state.wants.filter((w) => w.id !== id) } : state;
}

export function removeGoal(state: MindState, id: string): MindState {
  return state.goals.some((g) => g.id === id) ? { ...state, goals: state.goals.filter((g) => g.id !== id) } : state;
}

/** Sets a topic's motivation (clamped to 0–1); `undefined` removes it. */
export function setMotivation(state: MindState, topic: string, value: number | undefined): MindState {
  const key = normalizeTopic(topic);
  if (!key) return state;
  const others = Object.entries(state.motivations).filter(([other]) => other !== key);
  const motivations = Object.fromEntries(value === undefined ? others : [...others, [key, clamp01(value)]]);
  return { ...state, motivations };
}
