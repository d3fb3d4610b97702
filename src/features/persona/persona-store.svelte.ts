// The personas on offer (built-in + the user's own) and the one the current conversation uses.
import type { AppDB } from '../../db/app-db.ts';
import { deletePersona, listSavedPersonas, savePersona, type Persona } from '../../db/personas.ts';
import { putSetting, readSetting } from '../../db/settings.ts';
import { fromCharacterCard, toCharacterCard } from './character-card.ts';
import { neutralTraits, personalityPrompt } from './personality.ts';
import { BUILT_IN_PERSONAS } from './personas.ts';

const BUILT_IN: Persona[] = BUILT_IN_PERSONAS.map((p) => ({ ...p, builtIn: true, updatedAt: 0 }));
const DEFAULT_ID = BUILT_IN[0].id;

export class PersonaStore {
  saved = $state.raw<Persona[]>([]);
  activeId = $state(DEFAULT_ID);

  constructor(private readonly db: AppDB) {}

  get all(): Persona[] {
    return [...BUILT_IN, ...this.saved];
  }

  get active(): Persona {
    return this.all.find((p) => p.id === this.activeId) ?? BUILT_IN[0];
  }

  /** The system prompt part for the active persona. */
  readonly prompt = (): string => personalityPrompt(this.active);

  async restore(): Promise<void> {
    this.saved = await listSavedPersonas(this.db);
    this.activeId = await readSetting(this.db, 'persona');
  }

  async choose(id: string): Promise<void> {
    this.activeId = this.all.some((p) => p.id === id) ? id : DEFAULT_ID;
    await putSetting(this.db, 'persona', this.activeId);
  }

  async save(persona: Persona): Promise<void> {
    await savePersona(this.db, persona);
    this.saved = await listSavedPersonas(this.db);
  }

  /** A new, blank persona with neutral traits, made active for editing. */
  async create(): Promise<Persona> {
    const persona: Persona = {
      id: crypto.randomUUID(),
      builtIn: false,
      updatedAt: Date.now(),
      name: 'New persona',
      description: '',
      personality: '',
      scenario: '',
      systemPrompt: '',
      greeting: '',
      traits: neutralTraits(),
      promptPreset: 'full',
    };
    await this.save(persona);
    await this.choose(persona.id);
    return persona;
  }

  /** A copy the user can edit (the only way to change a built-in). */
  async duplicate(id: string, name?: string): Promise<Persona> {
    const source = this.all.find((p) => p.id === id) ?? this.active;
    const copy: Persona = {
      ...source,
      id: crypto.randomUUID(),
      builtIn: false,
      name: name ?? `${source.name} (copy)`,
      updatedAt: Date.now(),
    };
    await this.save(copy);
    await this.choose(copy.id);
    return copy;
  }

  async remove(id: string): Promise<void> {
    await deletePersona(this.db, id);
    this.saved = await listSavedPersonas(this.db);
    if (this.activeId === id) await this.choose(DEFAULT_ID);
  }

  exportCard(id: string): string {
    const persona = this.all.find((p) => p.id === id) ?? this.active;
    return JSON.stringify(toCharacterCard(persona), null, 2);
  }

  /** Imports a Character Card JSON text as a new persona; throws a clear error for anything else. */
  async importCard(text: string): Promise<Persona> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error('This file is not JSON, so it cannot be a character card.');
    }
    const persona: Persona = {
      ...fromCharacterCard(json),
      id: crypto.randomUUID(),
      builtIn: false,
      updatedAt: Date.now(),
    };
    await this.save(persona);
    await this.choose(persona.id);
    return persona;
  }
}
