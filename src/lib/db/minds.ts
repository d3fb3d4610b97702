// Each model's mind (wants, motivations, goals) is saved whole, per model id, after every change.
import { emptyMind, type MindState } from '../forge/wants/types.ts';
import type { AppDB } from './app-db.ts';

export async function loadMind(db: AppDB, modelId: string): Promise<MindState> {
  return (await db.minds.get(modelId)) ?? emptyMind(modelId);
}

export async function saveMind(db: AppDB, mind: MindState): Promise<void> {
  await db.minds.put(mind);
}
