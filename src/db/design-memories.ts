// The learned generator's memory, one per model id (the designs feature: src/features/avatar/designs/).
import { designMemorySchema } from '../features/avatar/designs/design-schema.ts';
import type { DesignMemory } from '../features/avatar/designs/types.ts';
import type { AppDB } from './app-db.ts';
import { keepValid } from './schema-kit.ts';

/** The model's saved memory; undefined when there is none, or when it is damaged (logged). */
export async function loadDesignMemory(db: AppDB, modelId: string): Promise<DesignMemory | undefined> {
  const saved = await db.designMemories.get(modelId);
  return saved && keepValid(designMemorySchema, [saved], 'avatar design memory')[0];
}

export async function saveDesignMemory(db: AppDB, memory: DesignMemory): Promise<void> {
  await db.designMemories.put(memory);
}
