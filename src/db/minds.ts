// Each model's mind (wants, motivations, goals) is saved whole, per model id, after every change.
import { emptyMind, type MindState } from '../features/mind/types.ts';
import { mindSchema } from '../features/mind/mind-schema.ts';
import type { AppDB } from './app-db.ts';
import { keepValid } from './schema-kit.ts';

/** The model's saved mind; a damaged one (logged) gives way to an empty mind rather than breaking the panels. */
export async function loadMind(db: AppDB, modelId: string): Promise<MindState> {
  const saved = await db.minds.get(modelId);
  return (saved && keepValid(mindSchema, [saved], 'mind')[0]) ?? emptyMind(modelId);
}

export async function saveMind(db: AppDB, mind: MindState): Promise<void> {
  await db.minds.put(mind);
}
