// What the generator gets from the wants system: the user's strongest topics, as weights.
import type { MindState } from '../../mind/types.ts';
import type { Want } from './generate.ts';

/** The user's strongest interests pull the design toward what was learned for them. */
export function designWants(mind: MindState, count = 3): Want[] {
  const scores = new Map<string, number>();
  for (const want of mind.wants)
    if (want.subject === 'user') scores.set(want.topic, Math.max(scores.get(want.topic) ?? 0, want.intensity));
  for (const [topic, motivation] of Object.entries(mind.motivations))
    scores.set(topic, Math.max(scores.get(topic) ?? 0, motivation));
  return [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([topic, weight]) => ({ topic, weight }));
}
