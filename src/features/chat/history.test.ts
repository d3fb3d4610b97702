import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../db/messages.ts';
import { historyTurns } from './history.ts';

let nextId = 1;
function message(role: StoredMessage['role'], text: string, extra: Partial<StoredMessage> = {}): StoredMessage {
  return { id: nextId++, conversationId: 1, role, text, createdAt: 0, modelId: 'm', status: 'done', ...extra };
}

describe('historyTurns', () => {
  it('gives turns oldest first, leaving out failed and empty messages', () => {
    const turns = historyTurns(
      [
        message('user', 'Hi'),
        message('assistant', 'Hello!'),
        message('user', 'Again'),
        message('assistant', 'partial', { status: 'error' }),
        message('assistant', ''),
      ],
      1000,
    );
    expect(turns).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'Again' },
    ]);
  });

  it('gives a reply that called tools its calls back, before their results', () => {
    const turns = historyTurns(
      [
        message('user', 'Time and a note?'),
        message('assistant', 'Let me check.'),
        message('tool', '{"tool":"get_time","success":true,"result":{}}', {
          tool: { name: 'get_time', arguments: {}, success: true },
        }),
        message('tool', '{"tool":"write_file","success":false,"error":"Denied by the user."}', {
          tool: { name: 'write_file', arguments: { path: 'a.txt' }, success: false },
        }),
        message('assistant', 'Done.'),
      ],
      1000,
    );
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'tool', 'tool', 'assistant']);
    expect(turns[1].content).toBe(
      'Let me check.\n<tool_call>{"name":"get_time","arguments":{}}</tool_call>\n' +
        '<tool_call>{"name":"write_file","arguments":{"path":"a.txt"}}</tool_call>',
    );
  });

  it('sends only the newest messages of a long conversation, whatever its length', () => {
    const long = Array.from({ length: 2000 }, (_, i) =>
      message(i % 2 ? 'assistant' : 'user', `message ${i} `.repeat(10)),
    );
    const turns = historyTurns(long, 1000);
    expect(turns.length).toBeLessThan(10);
    expect(turns.at(-1)?.content).toContain('message 1999');
  });
});
