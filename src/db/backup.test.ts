import * as fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from './app-db.ts';
import { BACKUP_FORMAT, BackupError, createBackup, importBackup, parseBackup, restoreBackup } from './backup.ts';
import { fillWithSampleData, SAMPLE_MODEL } from './backup.test-kit.ts';
import { addMessage } from './messages.ts';
import { createConversation } from './conversations.ts';
import { readSetting } from './settings.ts';

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

/** A backup as it travels: written to a file and read back. */
const throughFile = async (source: AppDB) => parseBackup(JSON.stringify(await createBackup(source)));
const backupText = async (source: AppDB) => JSON.stringify(await createBackup(source));

describe('backups', () => {
  it('round-trips conversations, messages, personas, wants, designs, tool use and settings', async () => {
    await fillWithSampleData(db);
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    const summary = await importBackup(other, await throughFile(db));
    expect(summary).toMatchObject({ conversations: 1, messages: 5, skipped: 0 });
    const [conversation] = await other.conversations.toArray();
    expect(conversation).toMatchObject({ title: 'About the sea', personaId: 'my-pirate' });
    const messages = await other.messages.where('conversationId').equals(conversation.id).toArray();
    expect(messages.map((m) => m.text)).toEqual([
      'I love sailing. Tell me about the sea',
      'It is big and blue.',
      '{}',
      '{"result":42}',
      'Stopp',
    ]);
    expect(messages[1]).toMatchObject({ feedback: 1, topics: ['sailing'], stats: { tokens: 7 } });
    expect(messages[2].tool?.display).toEqual({ kind: 'text', text: '(image not kept in the backup)' });
    expect(await other.personas.get('my-pirate')).toMatchObject({ name: 'Pirate', greeting: 'Ahoy!' });
    expect(await readSetting(other, 'voice')).toMatchObject({ autoSpeak: true, voices: { 'my-pirate': 'Fred' } });
    expect(await readSetting(other, 'mindHalfLifeDays')).toBe(30);
    expect(await other.minds.get(SAMPLE_MODEL)).toEqual(await db.minds.get(SAMPLE_MODEL));
    expect(await other.designMemories.get(SAMPLE_MODEL)).toEqual(await db.designMemories.get(SAMPLE_MODEL));
    expect(await other.toolUses.count()).toBe(2);
  });

  it('never restores permissions, the Hub endpoint or the engine settings, and says so', async () => {
    await fillWithSampleData(db);
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    const summary = await restoreBackup(other, await backupText(db));
    expect(summary.leftOut).toEqual([
      'tool permissions and the image API',
      'the Hub endpoint',
      'the device',
      'the WASM threads',
    ]);
    for (const key of ['tools', 'hubEndpoint', 'device', 'threads'])
      expect(await other.settings.get(key)).toBeUndefined();
    expect((await readSetting(other, 'tools')).alwaysAllowed).toEqual([]);
  });

  it('restores a setting saved under its old name (a backup from before the rename) under today’s', async () => {
    const backup = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '',
      settings: [{ key: 'wantsHalfLifeDays', value: 9 }],
    };
    for (const table of ['conversations', 'messages', 'personas', 'minds', 'designMemories', 'toolUses'])
      Object.assign(backup, { [table]: [] });
    await restoreBackup(db, JSON.stringify(backup));
    expect(await readSetting(db, 'mindHalfLifeDays')).toBe(9);
  });

  it('importing the same backup twice adds nothing the second time', async () => {
    await fillWithSampleData(db);
    const backup = await throughFile(db);
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    await importBackup(other, backup);
    const again = await importBackup(other, backup);
    expect(again).toMatchObject({ conversations: 0, messages: 0, skipped: 1 });
    expect(await other.conversations.count()).toBe(1);
    expect(await other.messages.count()).toBe(5);
    expect(await other.toolUses.count()).toBe(2);
  });

  it('keeps what is already there and gives imported conversations new ids', async () => {
    await fillWithSampleData(db);
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    const mine = await createConversation(other, SAMPLE_MODEL, 'Mine');
    await addMessage(other, {
      conversationId: mine.id,
      modelId: SAMPLE_MODEL,
      role: 'user',
      text: 'keep me',
      status: 'done',
    });
    await importBackup(other, await throughFile(db));
    expect(await other.conversations.count()).toBe(2);
    expect((await other.messages.where('conversationId').equals(mine.id).toArray()).map((m) => m.text)).toEqual([
      'keep me',
    ]);
  });

  it.each([
    ['not JSON', 'hello', 'This file is not JSON'],
    ['another app’s JSON', '{"name":"x"}', 'not a ForgeAI backup'],
    ['a newer version', JSON.stringify({ format: BACKUP_FORMAT, version: 99 }), 'newer ForgeAI (version 99)'],
    ['a version that is no number', JSON.stringify({ format: BACKUP_FORMAT, version: '1' }), 'no valid "version"'],
    ['a missing table', JSON.stringify({ format: BACKUP_FORMAT, version: 1 }), 'no "conversations" list'],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => parseBackup(text)).toThrow(BackupError);
    expect(() => parseBackup(text)).toThrow(message);
    expect(() => parseBackup(text)).toThrow(/Nothing was changed\.$/);
  });

  type Json = Record<string, Record<string, unknown>[]>;
  const setting = (backup: Json, key: string) => backup.settings.find((row) => row.key === key) ?? {};
  it.each<[string, (backup: Json) => void, string]>([
    ['a message text that is a number', (b) => (b.messages[1].text = 42), 'messages[1].text must be a string'],
    ['an unknown role', (b) => (b.messages[0].role = 'hacker'), 'messages[0].role must be one of "system", "user"'],
    [
      'an image without its picture',
      (b) => ((b.messages[2].tool as Json['x'][0]).display = { kind: 'image', alt: 'x' }),
      'messages[2].tool.display.blob is missing',
    ],
    [
      'a persona without fields',
      (b) => (b.personas[0] = { id: 'p', name: 'P', builtIn: false, updatedAt: 1 }),
      'personas[0].description is missing',
    ],
    [
      'a persona with a built-in id',
      (b) => (b.personas[0].id = 'builtin-assistant'),
      'personas[0].id must be not the id of a built-in persona',
    ],
    [
      'junk traits',
      (b) => ((b.personas[0].traits as Record<string, unknown>).humor = 'lots'),
      'personas[0].traits.humor must be a number from 0 to 1',
    ],
    [
      'a want out of range',
      (b) => ((b.minds[0].wants as Record<string, unknown>[])[0].intensity = 7),
      'minds[0].wants[0].intensity must be a number from 0 to 1',
    ],
    [
      'a design with a bad colour',
      (b) => ((b.designMemories[0].history as Record<string, unknown>[])[0].palette = ['red', '#000000', '#ffffff']),
      'designMemories[0].history[0].palette[0] must be a colour like',
    ],
    [
      'a tool use with negative calls',
      (b) => (b.toolUses[0].calls = -1),
      'toolUses[0].calls must be a whole number ≥ 0',
    ],
    ['null tool settings', (b) => (setting(b, 'tools').value = null), '.value must be an object'],
    ['a number as the Hub endpoint', (b) => (setting(b, 'hubEndpoint').value = 7), '.value must be a URL'],
    [
      'a setting that does not exist',
      (b) => b.settings.push({ key: 'evil', value: 1 }),
      'key "evil" is not a ForgeAI setting',
    ],
    [
      'two conversations with one id',
      (b) => b.conversations.push({ ...b.conversations[0] }),
      'conversations[1] repeats the id of an earlier row',
    ],
    [
      'a message of no conversation',
      (b) => (b.messages[0].conversationId = 999),
      'messages[0].conversationId is not the id of a conversation',
    ],
  ])('refuses %s, naming the row and field, and writes nothing', async (_name, damage, message) => {
    await fillWithSampleData(db);
    const backup = JSON.parse(await backupText(db)) as Json;
    damage(backup);
    const target = new AppDB(`test-${crypto.randomUUID()}`);
    await expect(restoreBackup(target, JSON.stringify(backup))).rejects.toThrow(message);
    for (const table of target.tables) expect(await table.count(), table.name).toBe(0);
  });
});

/** Everything in the tables a backup touches, to compare before and after. */
async function contents(target: AppDB) {
  const tables = ['conversations', 'messages', 'personas', 'minds', 'designMemories', 'toolUses', 'settings'];
  return Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await target.table(name).toArray()])));
}

const NAMED_PROBLEM =
  /^(This file is not JSON|This JSON file is not a ForgeAI backup|This backup has no valid "version"|This backup was made by a newer ForgeAI|The backup has no "\w+" list|\w+\[\d+\]\S* (must be |repeats |is not |is missing)|settings\[\d+\]\.key ")/;

describe('restoring damaged backups (fuzzed)', () => {
  /** A few characters of the file replaced, as a damaged download or disk would. */
  const flips = (length: number) =>
    fc.array(fc.tuple(fc.nat({ max: length - 1 }), fc.constantFrom(...'0123456789-.,:"{}[]aeznulltrufs \\')), {
      minLength: 1,
      maxLength: 4,
    });
  /** One value somewhere in the file replaced by any JSON value, or removed. */
  const edits = fc.tuple(fc.nat(), fc.oneof(fc.jsonValue(), fc.constant(undefined)));

  function applyEdit(value: unknown, pick: number, replacement: unknown): unknown {
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (node: unknown) => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, child] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
        walk(child);
      }
    };
    walk(value);
    const [parent, key] = slots[pick % slots.length];
    if (replacement === undefined && !Array.isArray(parent)) Reflect.deleteProperty(parent, key);
    else (parent as Record<string | number, unknown>)[key] = replacement;
    return value;
  }

  it('refuses each damaged file with a named problem and no change, or accepts it with every record valid', async () => {
    const source = new AppDB(`test-${crypto.randomUUID()}`);
    await fillWithSampleData(source);
    const original = await backupText(source);
    // The person restoring already has data of their own, which a refused file must leave exactly as it was.
    const fresh = async () => {
      const target = new AppDB(`test-${crypto.randomUUID()}`);
      await fillWithSampleData(target);
      return target;
    };
    let target = await fresh();
    let before = await contents(target);
    let refused = 0;
    let accepted = 0;

    const mutation = fc.oneof(
      flips(original.length).map((changes) => {
        const chars = [...original];
        for (const [at, char] of changes) chars[at] = char;
        return chars.join('');
      }),
      edits.map(([pick, replacement]) => JSON.stringify(applyEdit(JSON.parse(original), pick, replacement))),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (text) => {
        try {
          await restoreBackup(target, text);
        } catch (error) {
          expect(error).toBeInstanceOf(BackupError);
          expect((error as Error).message).toMatch(NAMED_PROBLEM);
          expect(await contents(target)).toEqual(before);
          refused++;
          return;
        }
        accepted++;
        // Accepted: everything the app reads back is valid, and no permission came in with the file.
        await expect(restoreBackup(target, await backupText(target))).resolves.toBeDefined();
        expect((await readSetting(target, 'tools')).alwaysAllowed).toEqual(['run_code', 'fetch_url']);
        target = await fresh();
        before = await contents(target);
      }),
      { numRuns: 1200, seed: 20261202 },
    );
    expect(refused + accepted).toBe(1200);
    expect(refused).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(20);
  }, 240_000);
});
