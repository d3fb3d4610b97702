import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from './app-db.ts';
import { BACKUP_FORMAT, BackupError, createBackup, importBackup, parseBackup } from './backup.ts';
import { addMessage } from './messages.ts';
import { createConversation } from './conversations.ts';
import { putSetting } from './settings.ts';
import { recordToolUse } from './tool-uses.ts';
import { emptyMind } from '../forge/wants/types.ts';

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

async function someData(target: AppDB) {
  const conversation = await createConversation(target, 'me/model', 'About the sea', 'helper');
  const base = { conversationId: conversation.id, modelId: 'me/model' };
  await addMessage(target, { ...base, role: 'user', text: 'Tell me about the sea', status: 'done' });
  await addMessage(target, { ...base, role: 'assistant', text: 'It is big and blue.', status: 'done' });
  await addMessage(target, {
    ...base,
    role: 'tool',
    text: '{}',
    status: 'done',
    tool: {
      name: 'generate_image',
      arguments: {},
      success: true,
      display: { kind: 'image', blob: new Blob(['x']), alt: 'sea' },
    },
  });
  await putSetting(target, 'voice', { autoSpeak: true });
  await recordToolUse(target, 'me/model', 'get_time', true, 5);
  await target.minds.put({ ...emptyMind('me/model'), motivations: { music: 0.8 } });
}

/** A backup as it travels: written to a file and read back. */
const throughFile = async (source: AppDB) => parseBackup(JSON.stringify(await createBackup(source)));

describe('backups', () => {
  it('round-trips conversations, messages, wants, tool use and settings into an empty database', async () => {
    await someData(db);
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    const summary = await importBackup(other, await throughFile(db));
    expect(summary).toEqual({ conversations: 1, messages: 3, skipped: 0 });
    const [conversation] = await other.conversations.toArray();
    expect(conversation.title).toBe('About the sea');
    const messages = await other.messages.where('conversationId').equals(conversation.id).toArray();
    expect(messages.map((m) => m.text)).toEqual(['Tell me about the sea', 'It is big and blue.', '{}']);
    expect(messages[2].tool?.display).toEqual({ kind: 'text', text: '(image not kept in the backup)' });
    expect((await other.settings.get('voice'))?.value).toEqual({ autoSpeak: true });
    expect((await other.minds.get('me/model'))?.motivations).toEqual({ music: 0.8 });
    expect(await other.toolUses.count()).toBe(1);
  });

  it('importing the same backup twice adds nothing the second time', async () => {
    await someData(db);
    const backup = await throughFile(db);
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    await importBackup(other, backup);
    const again = await importBackup(other, backup);
    expect(again).toEqual({ conversations: 0, messages: 0, skipped: 1 });
    expect(await other.conversations.count()).toBe(1);
    expect(await other.messages.count()).toBe(3);
    expect(await other.toolUses.count()).toBe(1);
  });

  it('keeps what is already there and gives imported conversations new ids', async () => {
    await someData(db);
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    const mine = await createConversation(other, 'me/model', 'Mine');
    await addMessage(other, {
      conversationId: mine.id,
      modelId: 'me/model',
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
    ['not JSON', 'hello', 'not JSON'],
    ['another app’s JSON', '{"name":"x"}', 'not a ForgeAI backup'],
    ['a newer version', JSON.stringify({ format: BACKUP_FORMAT, version: 99 }), 'newer ForgeAI'],
    ['a missing table', JSON.stringify({ format: BACKUP_FORMAT, version: 1 }), 'no "conversations" list'],
  ])('rejects %s with a clear message', (_name, text, message) => {
    expect(() => parseBackup(text)).toThrow(BackupError);
    expect(() => parseBackup(text)).toThrow(message);
  });

  it('rejects a malformed row and names it, before anything is written', async () => {
    await someData(db);
    const backup = await createBackup(db);
    const broken = JSON.parse(JSON.stringify(backup)) as { messages: { text: unknown }[] };
    broken.messages[1].text = 42;
    expect(() => parseBackup(JSON.stringify(broken))).toThrow('messages[1].text is missing or not a string');
  });

  it('rejects a message with an unknown role', async () => {
    await someData(db);
    const backup = JSON.parse(JSON.stringify(await createBackup(db))) as { messages: { role: string }[] };
    backup.messages[0].role = 'hacker';
    expect(() => parseBackup(JSON.stringify(backup))).toThrow('unknown role');
  });
});
