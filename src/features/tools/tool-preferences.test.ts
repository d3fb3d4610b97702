import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../db/app-db.ts';
import { readSetting } from '../../db/settings.ts';
import type { Tool } from './registry.ts';
import { DEFAULT_MAX_ROUNDS, ToolPreferences } from './tool-preferences.svelte.ts';

const tool = (name: string): Tool => ({
  name,
  description: `The ${name} tool.`,
  parameters: { path: { type: 'string', description: 'Where' } },
  risk: 'writes files',
  example: { path: 'a.txt' },
  run: async () => ({ result: null }),
});

const writeFile = tool('write_file');
const deleteFile = tool('delete_file');

let db: AppDB;
let preferences: ToolPreferences;

beforeEach(async () => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  preferences = new ToolPreferences(db);
  await preferences.restore();
});

afterEach(async () => {
  await db.delete();
});

/** A fresh ToolPreferences on the same database, as after a reload. */
async function reloaded(): Promise<ToolPreferences> {
  const again = new ToolPreferences(db);
  await again.restore();
  return again;
}

/** Waits for the saves that `answer('always')` starts without awaiting. */
const settle = () => db.transaction('r', db.settings, () => undefined);

describe('ToolPreferences', () => {
  it('starts with nothing always allowed and the default round limit', () => {
    expect(preferences.alwaysAllowedTools).toEqual([]);
    expect(preferences.alwaysAllowed('write_file')).toBe(false);
    expect(preferences.maxRounds).toBe(DEFAULT_MAX_ROUNDS);
    expect(DEFAULT_MAX_ROUNDS).toBe(5);
    expect(preferences.pending).toBeNull();
  });

  it('puts the question on screen while a tool waits, and clears it once answered', async () => {
    const answer = preferences.ask(writeFile, { path: 'a.txt' });
    expect(preferences.pending).toMatchObject({ tool: writeFile, arguments: { path: 'a.txt' } });
    preferences.pending?.answer('once');
    expect(preferences.pending).toBeNull();
    await expect(answer).resolves.toBe('once');
  });

  it('does not remember "allow once" or "deny"', async () => {
    const once = preferences.ask(writeFile, {});
    preferences.pending?.answer('once');
    await once;
    const deny = preferences.ask(writeFile, {});
    preferences.pending?.answer('deny');
    await expect(deny).resolves.toBe('deny');
    expect(preferences.alwaysAllowed('write_file')).toBe(false);
    await settle();
    expect((await reloaded()).alwaysAllowedTools).toEqual([]);
  });

  it('remembers "always allow" for that tool only, across a reload', async () => {
    const answer = preferences.ask(writeFile, {});
    preferences.pending?.answer('always');
    await expect(answer).resolves.toBe('always');
    expect(preferences.alwaysAllowed('write_file')).toBe(true);
    expect(preferences.alwaysAllowed('delete_file')).toBe(false);
    await settle();
    const again = await reloaded();
    expect(again.alwaysAllowed('write_file')).toBe(true);
    expect(again.alwaysAllowedTools).toEqual(['write_file']);
  });

  it('lists a tool allowed always twice only once', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = preferences.ask(writeFile, {});
      preferences.pending?.answer('always');
      await answer;
    }
    expect(preferences.alwaysAllowedTools).toEqual(['write_file']);
  });

  it('forgets an always-allowed tool, also after a reload', async () => {
    for (const t of [writeFile, deleteFile]) {
      const answer = preferences.ask(t, {});
      preferences.pending?.answer('always');
      await answer;
    }
    await settle();
    await preferences.forget('write_file');
    expect(preferences.alwaysAllowed('write_file')).toBe(false);
    expect(preferences.alwaysAllowed('delete_file')).toBe(true);
    const again = await reloaded();
    expect(again.alwaysAllowedTools).toEqual(['delete_file']);
  });

  it('denies the open question when Stop is pressed', async () => {
    const answer = preferences.ask(writeFile, {});
    preferences.cancelPending();
    await expect(answer).resolves.toBe('deny');
    expect(preferences.pending).toBeNull();
  });

  it('does nothing on Stop when no question is open', () => {
    expect(() => preferences.cancelPending()).not.toThrow();
    expect(preferences.pending).toBeNull();
  });

  it('denies the open question when a second one is asked, and shows the second', async () => {
    const first = preferences.ask(writeFile, { path: 'a.txt' });
    const second = preferences.ask(deleteFile, { path: 'b.txt' });
    await expect(first).resolves.toBe('deny');
    expect(preferences.pending).toMatchObject({ tool: deleteFile, arguments: { path: 'b.txt' } });
    preferences.pending?.answer('once');
    await expect(second).resolves.toBe('once');
  });

  it('keeps the newer question when a replaced one is answered late', async () => {
    preferences.ask(writeFile, {});
    const stale = preferences.pending;
    const second = preferences.ask(deleteFile, {});
    stale?.answer('once');
    expect(preferences.pending?.tool).toBe(deleteFile);
    preferences.pending?.answer('deny');
    await expect(second).resolves.toBe('deny');
  });

  it.each([
    [3, 3],
    [2.6, 3],
    [0, 1],
    [-4, 1],
    [20, 20],
    [25, 20],
    [Number.NaN, DEFAULT_MAX_ROUNDS],
  ])('sets the round limit %s as %s and keeps it across a reload', async (value, expected) => {
    await preferences.setMaxRounds(value);
    expect(preferences.maxRounds).toBe(expected);
    expect((await reloaded()).maxRounds).toBe(expected);
  });

  it('saves the round limit and the allowed tools together', async () => {
    const answer = preferences.ask(writeFile, {});
    preferences.pending?.answer('always');
    await answer;
    await preferences.setMaxRounds(8);
    expect(await readSetting(db, 'tools')).toMatchObject({ alwaysAllowed: ['write_file'], maxRounds: 8 });
    const again = await reloaded();
    expect(again.maxRounds).toBe(8);
    expect(again.alwaysAllowedTools).toEqual(['write_file']);
  });
});
