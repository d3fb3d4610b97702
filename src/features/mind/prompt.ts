// The wants' part of the system prompt: what the user cares about, what the AI wants, its goals.
import type { MindState } from './types.ts';

/** At most this many items per line before the budget is even considered. */
export const MAX_ITEMS_PER_LINE = 5;
/** Interests weaker than this are not worth the tokens. */
export const MIN_INTEREST = 0.05;

/** 0.8 → "0.8", 0.55 → "0.55", 0.123 → "0.12", 1 → "1". */
export const formatScore = (value: number) => String(Number(value.toFixed(2)));

interface Line {
  label: string;
  separator: string;
  /** Best first; the budget drops from the end. */
  items: string[];
}

/**
 * User interests: every topic with a motivation, plus the topics of the user's wants; scored by motivation, or by
 * the strongest user want of the topic when it has no motivation yet.
 */
function interests(state: MindState): string[] {
  const scores = new Map<string, number>(Object.entries(state.motivations));
  for (const want of state.wants) {
    if (want.subject !== 'user' || Object.hasOwn(state.motivations, want.topic)) continue;
    scores.set(want.topic, Math.max(scores.get(want.topic) ?? 0, want.intensity));
  }
  return [...scores]
    .filter(([, score]) => score >= MIN_INTEREST)
    .sort(([topicA, a], [topicB, b]) => b - a || topicA.localeCompare(topicB))
    .map(([topic, score]) => `${topic} (motivation: ${formatScore(score)})`);
}

function aiWants(state: MindState): string[] {
  return state.wants
    .filter((w) => w.subject === 'ai')
    .sort((a, b) => b.intensity - a.intensity || b.lastSeen - a.lastSeen)
    .map((w) => `${w.description} (intensity: ${formatScore(w.intensity)})`);
}

function activeGoals(state: MindState): string[] {
  return state.goals
    .filter((g) => !g.done)
    .sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt)
    .map((g) => `${g.name} (progress ${Math.round(g.progress * 100)}%, priority ${g.priority})`);
}

const render = (lines: Line[]) =>
  lines
    .filter((line) => line.items.length > 0)
    .map((line) => `${line.label}: ${line.items.join(line.separator)}`)
    .join('\n');

/**
 * Lines: interests, the AI's wants, active goals, its preferences, its dislikes (each best first, empty ones left
 * out). Budget rule: while the text is longer than maxChars, the line with the most items (the later line on a tie)
 * loses its last, lowest-ranked item, so every kind keeps its best items and no item is cut in the middle.
 */
export function wantsPrompt(state: MindState, maxChars = 600): string {
  const lines: Line[] = [
    { label: 'User is interested in', separator: ', ', items: interests(state) },
    { label: 'You want to', separator: '; ', items: aiWants(state) },
    { label: 'Your goals', separator: '; ', items: activeGoals(state) },
    { label: 'You prefer', separator: '; ', items: [...state.preferences] },
    { label: 'You dislike', separator: '; ', items: [...state.dislikes] },
  ].map((line) => ({ ...line, items: line.items.slice(0, MAX_ITEMS_PER_LINE) }));
  let text = render(lines);
  while (text.length > maxChars) {
    const longest = lines.reduce((most, line) => (line.items.length >= most.items.length ? line : most));
    if (longest.items.length === 0) return '';
    longest.items.pop();
    text = render(lines);
  }
  return text;
}
