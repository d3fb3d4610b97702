// How the mind changes: learning from a turn, thumbs up/down, and forgetting with time.
// Amounts (all move a 0–1 value a fraction of the way toward its bound, so they never overshoot):
//   a new want starts at NEW_INTENSITY; the same want again: intensity += STRENGTHEN × (1 − intensity);
//   a topic the user returns to (2nd interaction on): motivation += RETURN_RATE × (1 − motivation);
//   thumbs up: motivation += FEEDBACK_RATE × (1 − motivation);
//   thumbs down: motivation −= FEEDBACK_RATE × motivation;
//   a topic without a motivation yet starts from NEUTRAL_MOTIVATION.
import { extractWants, keywordTopics } from './extract.ts';
import { normalizeDescription, uniqueId } from './edit.ts';
import {
  clamp01,
  normalizeTopic,
  ownValue,
  type MindChange,
  type MindState,
  type Subject,
  type Want,
} from './types.ts';

// The Mind panel's edits live in edit.ts; they are part of this module's API.
export {
  addGoal,
  normalizeDescription,
  removeGoal,
  removeWant,
  setMotivation,
  updateGoal,
  updateWant,
} from './edit.ts';
export type { GoalFields, WantEdit } from './edit.ts';

export const NEW_INTENSITY = 0.5;
export const STRENGTHEN = 0.1;
export const NEUTRAL_MOTIVATION = 0.5;
export const RETURN_RATE = 0.1;
export const FEEDBACK_RATE = 0.2;
/** Wants that decay below this are forgotten. */
export const FORGET_BELOW = 0.05;
const DAY_MS = 24 * 60 * 60 * 1000;

const fixed = (value: number) => value.toFixed(2);
const towardOne = (value: number, rate: number) => clamp01(value + rate * (1 - value));
const towardZero = (value: number, rate: number) => clamp01(value - rate * value);

/** Adds the want, or strengthens the one with the same subject, topic and description. */
export function addOrStrengthenWant(
  state: MindState,
  subject: Subject,
  description: string,
  topic: string,
  now: number,
): { state: MindState; change: MindChange } {
  const key = normalizeDescription(description);
  const kind = subject === 'user' ? 'interest' : 'want';
  const existing = state.wants.find(
    (w) => w.subject === subject && w.topic === topic && normalizeDescription(w.description) === key,
  );
  if (existing) {
    const intensity = towardOne(existing.intensity, STRENGTHEN);
    const wants = state.wants.map((w) => (w === existing ? { ...w, intensity, lastSeen: now } : w));
    const intensities = `${fixed(existing.intensity)} → ${fixed(intensity)}`;
    const message = `stronger ${kind} "${existing.description}" (${subject}, intensity ${intensities})`;
    return { state: { ...state, wants }, change: { topic, message } };
  }
  const want: Want = {
    id: uniqueId(
      'want',
      now,
      state.wants.map((w) => w.id),
    ),
    subject,
    topic,
    description: description.trim(),
    intensity: NEW_INTENSITY,
    firstSeen: now,
    lastSeen: now,
    timesSatisfied: 0,
  };
  const message = `new ${kind} "${want.description}" (${subject}, intensity ${fixed(NEW_INTENSITY)})`;
  return { state: { ...state, wants: [...state.wants, want] }, change: { topic, message } };
}

/**
 * Learns from one turn. `topics` are the turn's topics (of the wants found in either message, then the keyword
 * topics of the user's text); each counts one interaction. Motivation only rises for topics the user brought up
 * (their wants or words): the AI mentioning a topic twice is not the user returning to it.
 * Call `decay` first: this stamps `updatedAt` with `now`.
 */
export function learnFromTurn(
  state: MindState,
  userText: string,
  aiText: string,
  now: number,
): { state: MindState; changes: MindChange[]; topics: string[] } {
  const found = [...extractWants(userText, 'user'), ...extractWants(aiText, 'ai')];
  const changes: MindChange[] = [];
  let next = state;
  const seen = new Set<string>();
  for (const want of found) {
    const key = `${want.subject}\n${want.topic}\n${normalizeDescription(want.phrase)}`;
    if (seen.has(key)) continue; // said twice in one message still counts once
    seen.add(key);
    const result = addOrStrengthenWant(next, want.subject, want.phrase, want.topic, now);
    next = result.state;
    changes.push(result.change);
  }

  const userTopics = new Set([
    ...found.filter((w) => w.subject === 'user').map((w) => w.topic),
    ...keywordTopics(userText),
  ]);
  const topics = [...new Set([...found.map((w) => w.topic), ...userTopics])];
  let { interactions, motivations } = next;
  for (const topic of topics) {
    const count = (ownValue(interactions, topic) ?? 0) + 1;
    interactions = { ...interactions, [topic]: count }; // a computed key is safe even for "__proto__"
    changes.push({ topic, message: `interactions ${count}` });
    if (count >= 2 && userTopics.has(topic)) {
      const before = ownValue(motivations, topic) ?? NEUTRAL_MOTIVATION;
      const after = towardOne(before, RETURN_RATE);
      motivations = { ...motivations, [topic]: after };
      changes.push({ topic, message: `motivation ${fixed(before)} → ${fixed(after)} (topic came back)` });
    }
  }
  if (changes.length === 0) return { state, changes, topics };
  return { state: { ...next, interactions, motivations, updatedAt: now }, changes, topics };
}

/** Thumbs up/down on a reply about `topics` moves their motivation; a thumbs up also satisfies the AI's wants there. */
export function applyFeedback(
  state: MindState,
  topics: string[],
  vote: 1 | -1,
  now: number,
): { state: MindState; changes: MindChange[] } {
  const unique = [...new Set(topics.map(normalizeTopic).filter(Boolean))];
  if (unique.length === 0) return { state, changes: [] };
  const changes: MindChange[] = [];
  let motivations = state.motivations;
  const label = vote === 1 ? 'thumbs up' : 'thumbs down';
  for (const topic of unique) {
    const before = ownValue(motivations, topic) ?? NEUTRAL_MOTIVATION;
    const after = vote === 1 ? towardOne(before, FEEDBACK_RATE) : towardZero(before, FEEDBACK_RATE);
    motivations = { ...motivations, [topic]: after };
    changes.push({ topic, message: `motivation ${fixed(before)} → ${fixed(after)} (${label})` });
  }
  const wants =
    vote === 1
      ? state.wants.map((w) => {
          if (w.subject !== 'ai' || !unique.includes(w.topic)) return w;
          const timesSatisfied = w.timesSatisfied + 1;
          changes.push({ topic: w.topic, message: `want "${w.description}" satisfied (${timesSatisfied}×)` });
          return { ...w, timesSatisfied, lastSeen: now };
        })
      : state.wants;
  return { state: { ...state, motivations, wants, updatedAt: now }, changes };
}

/**
 * Forgetting: intensities and motivations × 0.5^(days since updatedAt / halfLifeDays). Wants that fall below
 * FORGET_BELOW are dropped; motivations stay (a low one still says "not much"). A mind never stamped
 * (updatedAt 0), time going backwards or a half-life ≤ 0 (decay off) only restamps.
 */
export function decay(state: MindState, now: number, halfLifeDays: number): MindState {
  const elapsed = now - state.updatedAt;
  if (state.updatedAt <= 0 || elapsed <= 0 || !(halfLifeDays > 0)) {
    return { ...state, updatedAt: Math.max(state.updatedAt, now) };
  }
  const factor = Math.pow(0.5, elapsed / DAY_MS / halfLifeDays);
  const wants = state.wants
    .map((w) => ({ ...w, intensity: clamp01(w.intensity * factor) }))
    .filter((w) => w.intensity >= FORGET_BELOW);
  const motivations = Object.fromEntries(
    Object.entries(state.motivations).map(([topic, value]) => [topic, clamp01(value * factor)]),
  );
  return { ...state, wants, motivations, updatedAt: now };
}
