import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../db/messages.ts';
import { historyNewestFirst } from './history.ts';

let nextId = 1;
function message(role: StoredMessage['role'], text: string, extra: Partial<StoredMessage> = {}): StoredMessage {
  return { id: nextId++, conversationId: 1, role, text, createdAt: 0, modelId: 'm', status: 'done', ...extra };
}

describe('historyNewestFirst', () => {
  it('gives turns newest first, leaving out failed and empty messages', () => {
    const turns = [
      ...historyNewestFirst([
        message('user', 'Hi'),
        message('assistant', 'Hello!'),
        message('user', 'Again'),
        message('assistant', 'partial', { status: 'error' }),
        message('assistant', ''),
      ]),
    ];
    expect(turns).toEqual([
      { role: 'user', content: 'Again' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('gives a reply that was only tool calls its calls back, before their results', () => {
    const turns = [
      ...historyNewestFirst([
        message('user', 'Time and a note?'),
        message('assistant', ''),
        message('tool', '{"tool":"get_time","success":true,"result":{}}', {
          tool: { name: 'get_time', arguments: {}, success: true },
        }),
        message('tool', '{"tool":"write_file","success":false,"error":"Denied by the user."}', {
          tool: { name: 'write_file', arguments: { path: 'a.txt' }, success: false },
        }),
        message('assistant', 'Done.'),
      ]),
    ].reverse();
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'tool', 'tool', 'assistant']);
    expect(turns[1].content).toBe(
      '<tool_call>{"name":"get_time","arguments":{}}</tool_call>\n' +
        '<tool_call>{"name":"write_file","arguments":{"path":"a.txt"}}</tool_call>',
    );
  });
});
