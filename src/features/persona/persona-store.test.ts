import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../db/app-db.ts';
import { PersonaStore } from './persona-store.svelte.ts';

let db: AppDB;
let store: PersonaStore;

beforeEach(async () => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  store = new PersonaStore(db);
  await store.restore();
});

describe('PersonaStore', () => {
  it('starts with the built-in personas and the helpful assistant active', () => {
    expect(store.all.map((p) => p.name)).toEqual(['Helpful Assistant', 'Curious Companion', 'Terse Coder']);
    expect(store.prompt()).toMatch(/^You are Helpful Assistant\./);
  });

  it('duplicates a built-in into an editable persona that becomes active and survives a restart', async () => {
    const copy = await store.duplicate('builtin-coder');
    expect(copy).toMatchObject({ name: 'Terse Coder (copy)', builtIn: false });
    await store.save({ ...copy, name: 'My Coder', systemPrompt: 'Use TypeScript.' });
    const again = new PersonaStore(db);
    await again.restore();
    expect(again.active.name).toBe('My Coder');
    expect(again.prompt()).toContain('Use TypeScript.');
  });

  it('creates a blank persona with neutral traits and makes it active', async () => {
    const persona = await store.create();
    expect(store.active.id).toBe(persona.id);
    expect(Object.values(persona.traits).every((v) => v === 0.5)).toBe(true);
    expect(store.prompt()).toBe('You are New persona.');
  });

  it('refuses to change a built-in persona', async () => {
    await expect(store.save(store.all[0])).rejects.toThrow(/cannot be changed: duplicate it/);
  });

  it('deleting the active persona falls back to the default', async () => {
    const copy = await store.duplicate('builtin-companion');
    await store.remove(copy.id);
    expect(store.active.id).toBe('builtin-assistant');
    expect(store.all).toHaveLength(3);
  });

  it('exports a Character Card and imports it back as a new, active persona', async () => {
    const card = store.exportCard('builtin-companion');
    const imported = await store.importCard(card);
    expect(imported.name).toBe('Curious Companion');
    expect(imported.id).not.toBe('builtin-companion');
    expect(store.active.id).toBe(imported.id);
    expect(store.active.traits.curiosity).toBe(0.9);
  });

  it('refuses to store a persona the rest of the app could not use, and keeps the saved one', async () => {
    const mine = await store.create();
    const broken = { ...mine, traits: { ...mine.traits, humor: Number.NaN } };
    await expect(store.save(broken)).rejects.toThrow('This persona cannot be saved: persona.traits.humor must be');
    await expect(store.save({ ...mine, name: '   ' })).rejects.toThrow('persona.name must be a non-empty string');
    const reloaded = new PersonaStore(db);
    await reloaded.restore();
    expect(reloaded.saved).toEqual([mine]);
  });

  it('leaves out a damaged saved persona (and one posing as a built-in) instead of breaking the list', async () => {
    const mine = await store.create();
    await db.personas.put({ ...mine, id: 'junk', traits: 'x' } as never);
    await db.personas.put({ ...mine, id: 'builtin-assistant' });
    const reloaded = new PersonaStore(db);
    await reloaded.restore();
    expect(reloaded.all.map((p) => p.id)).toEqual([...store.all.slice(0, 3).map((p) => p.id), mine.id]);
  });

  it('rejects a file that is not JSON with a clear message and keeps everything', async () => {
    await expect(store.importCard('not json {')).rejects.toThrow(/not JSON/);
    expect(store.all).toHaveLength(3);
  });
});
