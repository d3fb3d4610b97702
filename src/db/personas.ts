// Users' own personas (the built-in ones live in code: src/features/persona/personas.ts).
import type { PersonaFields } from '../features/persona/personality.ts';
import type { AppDB } from './app-db.ts';
import { personaSchema } from './record-schemas.ts';
import { check, keepValid } from './schema-kit.ts';

export interface Persona extends PersonaFields {
  id: string;
  builtIn: boolean;
  updatedAt: number;
}

export async function listSavedPersonas(db: AppDB): Promise<Persona[]> {
  return keepValid(personaSchema, await db.personas.orderBy('updatedAt').toArray(), 'persona');
}

export async function savePersona(db: AppDB, persona: Persona): Promise<void> {
  if (persona.builtIn) throw new Error('Built-in personas cannot be changed: duplicate it to make your own.');
  // Imported cards and edits alike: only a persona every part of the app can use is stored.
  const checked = check(personaSchema, { ...persona, updatedAt: Date.now() }, 'persona');
  if (!checked.ok) throw new Error(`This persona cannot be saved: ${checked.problem}.`);
  await db.personas.put(checked.value);
}

export async function deletePersona(db: AppDB, id: string): Promise<void> {
  await db.personas.delete(id);
}
