import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from './app-db.ts';
import { createConversation, latestConversation } from './conversations.ts';
import { addMessage, markInterruptedReplies, messagesOf, updateMessage, type NewMessage } from './messages.ts';
import { putSetting, readSetting } from './settings.ts';
import { SETTINGS } from './setting-schemas.ts';
import { DEFAULT_GENERATION } from '../shared/model-types.ts';
import { log } from '../features/log/logger.ts';

const MODEL = 'forgeai-fixtures/scripted-chat';

function message(
  conversationId: number,
  role: NewMessage['role'],
  text: string,
  status: NewMessage['status'] = 'done',
): NewMessage {
  return { conversationId, role, text, modelId: MODEL, status };
}

let db: AppDB;

beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  // Fake Date only: Dexie and fake-indexeddb still need real timers and microtasks.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

/** Moves the clock on so the next write gets a later timestamp than the last one. */
function tick(ms = 1000): void {
  vi.setSystemTime(Date.now() + ms);
}

describe('conversations and messages', () => {
  it('lists a conversation’s messages in the order they were written, and only its own', async () => {
    const chat = await createConversation(db, MODEL);
    const other = await createConversation(db, MODEL, 'Other chat');
    const texts = ['Hi', 'Hello!', 'How are you?', 'Fine, thanks.'];
    for (const [i, text] of texts.entries()) {
      tick();
      await addMessage(db, message(chat.id, i % 2 === 0 ? 'user' : 'assistant', text));
      tick();
      await addMessage(db, message(other.id, 'user', `other ${i}`));
    }

    const messages = await messagesOf(db, chat.id);
    expect(messages.map((m) => m.text)).toEqual(texts);
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(messages.every((m) => m.conversationId === chat.id)).toBe(true);
    expect((await messagesOf(db, other.id)).map((m) => m.text)).toEqual(['other 0', 'other 1', 'other 2', 'other 3']);
  });

  it('keeps creation order for messages written in the same millisecond', async () => {
    const chat = await createConversation(db, MODEL);
    const question = await addMessage(db, message(chat.id, 'user', 'Hi'));
    const placeholder = await addMessage(db, message(chat.id, 'assistant', '', 'streaming'));
    expect(placeholder.createdAt).toBe(question.createdAt);
    expect((await messagesOf(db, chat.id)).map((m) => m.id)).toEqual([question.id, placeholder.id]);
  });

  it('returns what was stored, with an id and a creation time', async () => {
    const chat = await createConversation(db, MODEL, 'Greetings');
    expect(chat).toMatchObject({ title: 'Greetings', modelId: MODEL, createdAt: Date.now(), updatedAt: Date.now() });
    const added = await addMessage(db, message(chat.id, 'user', 'Hi'));
    expect(await messagesOf(db, chat.id)).toEqual([added]);
    expect(added.createdAt).toBe(Date.now());
  });

  it('gives an empty list for a conversation with no messages', async () => {
    const chat = await createConversation(db, MODEL);
    expect(await messagesOf(db, chat.id)).toEqual([]);
  });

  it('moves a conversation’s updatedAt forward when a message is added', async () => {
    const chat = await createConversation(db, MODEL);
    tick(5000);
    const added = await addMessage(db, message(chat.id, 'user', 'Hi'));
    const stored = await db.conversations.get(chat.id);
    expect(stored?.updatedAt).toBe(added.createdAt);
    expect(stored?.updatedAt).toBe(chat.createdAt + 5000);
    expect(stored?.createdAt).toBe(chat.createdAt);
  });

  it('latestConversation is the one most recently written to, not the newest created', async () => {
    expect(await latestConversation(db)).toBeUndefined();
    const first = await createConversation(db, MODEL, 'First');
    tick();
    const second = await createConversation(db, MODEL, 'Second');
    expect((await latestConversation(db))?.id).toBe(second.id);
    tick();
    await addMessage(db, message(first.id, 'user', 'Back to the first chat'));
    expect((await latestConversation(db))?.title).toBe('First');
  });

  it('updateMessage changes the text and status of one message only', async () => {
    const chat = await createConversation(db, MODEL);
    const question = await addMessage(db, message(chat.id, 'user', 'Hi'));
    tick();
    const reply = await addMessage(db, message(chat.id, 'assistant', '', 'streaming'));
    await updateMessage(db, reply.id, { text: 'Hello there', status: 'done' });

    const [storedQuestion, storedReply] = await messagesOf(db, chat.id);
    expect(storedQuestion).toEqual(question);
    expect(storedReply).toMatchObject({ id: reply.id, text: 'Hello there', status: 'done', role: 'assistant' });
  });

  it('marks replies that were streaming when the page closed as stopped, keeping their text', async () => {
    const chat = await createConversation(db, MODEL);
    await addMessage(db, message(chat.id, 'user', 'Tell me a story'));
    tick();
    const finished = await addMessage(db, message(chat.id, 'assistant', 'Once upon a time.'));
    tick();
    const cut = await addMessage(db, message(chat.id, 'assistant', 'There was a', 'streaming'));

    expect(await markInterruptedReplies(db)).toBe(1);
    const byId = new Map((await messagesOf(db, chat.id)).map((m) => [m.id, m]));
    expect(byId.get(cut.id)).toMatchObject({ status: 'stopped', text: 'There was a' });
    expect(byId.get(finished.id)).toMatchObject({ status: 'done', text: 'Once upon a time.' });
    expect(await markInterruptedReplies(db)).toBe(0);
  });

  it('leaves a reply alone while another tab still writes it (its lock is held), and stops one whose writer is gone', async () => {
    const chat = await createConversation(db, MODEL);
    const live = await addMessage(db, message(chat.id, 'assistant', 'Still coming', 'streaming'));
    tick();
    const orphan = await addMessage(db, message(chat.id, 'assistant', 'Cut off', 'streaming'));
    const asked: number[][] = [];
    const writers = {
      liveWriters: async (ids: number[]) => {
        asked.push(ids);
        return new Set([live.id]);
      },
    };

    expect(await markInterruptedReplies(db, writers)).toBe(1);
    const byId = new Map((await messagesOf(db, chat.id)).map((m) => [m.id, m]));
    expect(byId.get(live.id)).toMatchObject({ status: 'streaming', text: 'Still coming' });
    expect(byId.get(orphan.id)).toMatchObject({ status: 'stopped', text: 'Cut off' });
    expect(asked).toEqual([[live.id, orphan.id]]);
  });

  it('does not stop a reply that finished while the sweep asked about its writer', async () => {
    const chat = await createConversation(db, MODEL);
    const reply = await addMessage(db, message(chat.id, 'assistant', 'Almost', 'streaming'));
    const writers = {
      liveWriters: async () => {
        await updateMessage(db, reply.id, { text: 'Almost done.', status: 'done' }); // the writer finishes, then lets go
        return new Set<number>();
      },
    };
    expect(await markInterruptedReplies(db, writers)).toBe(0);
    expect((await messagesOf(db, chat.id))[0]).toMatchObject({ status: 'done', text: 'Almost done.' });
  });
});

describe('settings', () => {
  it('gives the default when a setting was never saved', async () => {
    expect(await readSetting(db, 'hubEndpoint')).toBe('https://huggingface.co');
    expect(await readSetting(db, 'tools')).toEqual({ alwaysAllowed: [], maxRounds: 5, imageEndpoint: '' });
  });

  it('gives the saved value after putSetting, and the latest one after a second save', async () => {
    await putSetting(db, 'hubEndpoint', 'https://hf-mirror.com');
    expect(await readSetting(db, 'hubEndpoint')).toBe('https://hf-mirror.com');
    await putSetting(db, 'hubEndpoint', 'http://127.0.0.1:5174');
    expect(await readSetting(db, 'hubEndpoint')).toBe('http://127.0.0.1:5174');
  });

  it('stores falsy values as they are', async () => {
    await putSetting(db, 'threads', 0);
    await putSetting(db, 'voice', { ...SETTINGS.voice.fallback, autoSpeak: false, pitch: 0 });
    expect(await readSetting(db, 'threads')).toBe(0);
    expect(await readSetting(db, 'voice')).toMatchObject({ autoSpeak: false, pitch: 0 });
  });

  it('fills the fields a value saved by an older version lacks', async () => {
    await db.settings.put({ key: 'generation', value: { temperature: 0.2 } });
    expect(await readSetting(db, 'generation')).toEqual({ ...DEFAULT_GENERATION, temperature: 0.2 });
  });

  it.each([
    ['tools', null],
    ['tools', { alwaysAllowed: 'run_code' }],
    ['voice', { rate: 'fast' }],
    ['voice', { voices: null }],
    ['hubEndpoint', 42],
    ['hubEndpoint', 'javascript:alert(1)'],
    ['device', 'quantum'],
    ['threads', -1],
    ['mindHalfLifeDays', 0],
    ['persona', ''],
    ['generation', { maxNewTokens: 1e9 }],
  ] as const)('a damaged %s setting (%j) reads as the default, with a line in the log', async (key, value) => {
    await db.settings.put({ key, value });
    expect(await readSetting(db, key)).toEqual(SETTINGS[key].fallback);
    expect(log.all.at(-1)).toMatchObject({
      level: 'WARN',
      message: expect.stringMatching(
        new RegExp(`^Setting "${key}" was not valid \\(${key}.* must be .*\\); using the default$`),
      ),
    });
  });

  it('keeps settings apart from another database', async () => {
    await putSetting(db, 'persona', 'mine');
    const other = new AppDB(`test-${crypto.randomUUID()}`);
    expect(await readSetting(other, 'persona')).toBe('builtin-assistant');
    await other.delete();
  });
});

describe('upgrades', () => {
  it('moves the half-life saved as "wantsHalfLifeDays" (version 7) to the mind’s setting', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(7).stores({ settings: 'key' });
    await old.table('settings').put({ key: 'wantsHalfLifeDays', value: 21 });
    old.close();
    const upgraded = new AppDB(name);
    expect(await readSetting(upgraded, 'mindHalfLifeDays')).toBe(21);
    expect(await upgraded.settings.get('wantsHalfLifeDays')).toBeUndefined();
    upgraded.close();
  });
});
