import { describe, expect, it } from 'vitest';
import type { NewMessage, StoredMessage } from '../../db/messages.ts';
import { round, turnOf } from './turn.test-kit.ts';
import { TurnWriter, type MessageStore } from './turn-writer.ts';

function memoryStore() {
  const shown: StoredMessage[] = [];
  const saves: { id: number; changes: Partial<StoredMessage>; statusOnScreen: string }[] = [];
  const store: MessageStore = {
    async add(message: NewMessage) {
      const stored = { ...message, id: shown.length + 1, createdAt: 0 };
      shown.push(stored);
      return stored;
    },
    async save(id, changes) {
      saves.push({ id, changes, statusOnScreen: shown[id - 1].status });
    },
  };
  return { shown, saves, store };
}

describe('TurnWriter', () => {
  it('writes a streaming reply now and then, and saves the finished one before it shows as done', async () => {
    const { shown, saves, store } = memoryStore();
    const writer = new TurnWriter(store, { conversationId: 1, modelId: 'm' });
    const turn = turnOf('hi');
    await writer.listener({ type: 'thinking', turn, round: 1 });
    expect(shown[0]).toMatchObject({ role: 'assistant', text: '', status: 'streaming' });
    for (const text of ['Hel', 'Hello', 'Hello there'])
      await writer.listener({ type: 'streaming', turn, round: 1, text });
    expect(shown[0].text).toBe('Hello there');
    expect(saves).toHaveLength(1); // at most one write per 250 ms while it streams
    const finished = round('Hello there! [emotion:happy]');
    await writer.listener({ type: 'replied', turn, round: finished });
    const last = saves.at(-1);
    expect(last?.changes).toMatchObject({ text: 'Hello there!', status: 'done', prompt: { tokens: 10 } });
    expect(last?.statusOnScreen).toBe('streaming');
    expect(shown[0]).toMatchObject({ text: 'Hello there!', status: 'done' });
    expect(finished.messageId).toBe(1);
  });

  it('shows a tool call running, then its result; a failure marks the reply being written', async () => {
    const { shown, store } = memoryStore();
    const writer = new TurnWriter(store, { conversationId: 1, modelId: 'm' });
    const turn = turnOf('time?');
    const call = { name: 'get_time', arguments: {}, raw: '{}' };
    await writer.listener({ type: 'tool-started', turn, round: 1, call });
    expect(shown[0]).toMatchObject({ role: 'tool', status: 'streaming', tool: { name: 'get_time' } });
    const outcome = { name: 'get_time', arguments: {}, success: true, result: { time: 'noon' }, durationMs: 3 };
    await writer.listener({ type: 'tool-finished', turn, round: 1, step: { call, outcome, resultText: '{"ok":1}' } });
    expect(shown[0]).toMatchObject({ status: 'done', text: '{"ok":1}', tool: { success: true, durationMs: 3 } });
    await writer.listener({ type: 'thinking', turn, round: 2 });
    await writer.listener({ type: 'failed', turn, error: 'The model stopped working' });
    expect(shown[1]).toMatchObject({ role: 'assistant', status: 'error', error: 'The model stopped working' });
  });
});
