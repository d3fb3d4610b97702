import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../db/messages.ts';
import { ShownMessages } from './shown-messages.ts';

function row(id: number, text: string, status: StoredMessage['status'] = 'done'): StoredMessage {
  return { id, conversationId: 1, role: id % 2 ? 'user' : 'assistant', text, createdAt: id, modelId: 'm', status };
}

describe('ShownMessages', () => {
  it('shows another tab’s reply as the database has it, growing and then done', () => {
    const shown = new ShownMessages();
    let list = shown.merge([], [row(1, 'Hi'), row(2, 'Hel', 'streaming')]);
    list = shown.merge(list, [row(1, 'Hi'), row(2, 'Hello the', 'streaming')]);
    expect(list.map((m) => [m.text, m.status])).toEqual([
      ['Hi', 'done'],
      ['Hello the', 'streaming'],
    ]);
    list = shown.merge(list, [row(1, 'Hi'), row(2, 'Hello there!', 'done')]);
    expect(list[1]).toMatchObject({ text: 'Hello there!', status: 'done' });
  });

  it('keeps the object of a message that did not change, so it is not drawn again', () => {
    const shown = new ShownMessages();
    const first = shown.merge([], [row(1, 'Hi'), row(2, 'Hel', 'streaming')]);
    const second = shown.merge(first, [row(1, 'Hi'), row(2, 'Hello', 'streaming')]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });

  it('keeps this tab’s streaming reply ahead of its last save, and own messages a read missed', () => {
    const shown = new ShownMessages();
    const question = row(1, 'Hi');
    const reply = row(2, 'Hello there, how', 'streaming'); // on screen: more than was saved
    shown.adopt(question);
    shown.adopt(reply);
    expect(shown.merge([question, reply], [row(1, 'Hi'), row(2, 'Hello', 'streaming')])).toEqual([question, reply]);
    expect(shown.merge([question, reply], [row(1, 'Hi')])).toEqual([question, reply]); // read before the reply
    expect(shown.merge([question, reply], [])).toEqual([question, reply]); // read before both
    expect(shown.merge([question, reply], [row(2, 'Hello', 'streaming')])[1]).toBe(reply);
  });

  it('hands this tab’s messages to the database once its turn is over and the last save has landed', () => {
    const shown = new ShownMessages();
    const reply = row(2, 'Hello there!', 'done');
    shown.adopt(reply);
    shown.doneWriting();
    const stale = shown.merge([reply], [row(2, 'Hello', 'streaming')]);
    expect(stale[0]).toBe(reply); // an older save is not shown over the finished reply
    const caughtUp = shown.merge(stale, [{ ...row(2, 'Hello there!', 'done'), feedback: 1 }]);
    expect(caughtUp[0]).toMatchObject({ text: 'Hello there!', feedback: 1 });
  });
});
