// Users' own personas (the built-in ones live in code: src/lib/forge/personas.ts).
import type { PersonaFields } from '../forge/personality.ts';
import type { AppDB } from './app-db.ts';

export interface Persona extends PersonaFields {
  id: string;
  builtIn: boolean;
  updatedAt: number;
}

export function listSavedPersonas(db: AppDB): Promise<Persona[]> {
  return db.personas.orderBy('updatedAt').toArray();
}

export async function savePersona(db: AppDB, persona: Persona): Promise<void> {
  if (persona.builtIn) throw new Error('Built-in personas cannot be changed: duplicate it to make your own.');
  await db.personas.put({ ...persona, updatedAt: Date.now() });
}

export async function deletePersona(db: AppDB, id: string): Promise<void> {
  await db.personas.delete(id);
}
