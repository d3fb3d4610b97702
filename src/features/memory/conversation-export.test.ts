import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../db/messages.ts';
import { conversationJson, conversationMarkdown, fileNameFor } from './conversation-export.ts';

const conversation = { id: 1, title: 'About the sea?', modelId: 'me/model', createdAt: 0, updatedAt: 0 };
const base = { conversationId: 1, modelId: 'me/model', createdAt: 0, status: 'done' as const };
const messages: StoredMessage[] = [
  { ...base, id: 1, role: 'user', text: 'Tell me about the sea' },
  { ...base, id: 2, role: 'assistant', text: '' },
  {
    ...base,
    id: 3,
    role: 'tool',
    text: '{}',
    tool: {
      name: 'generate_image',
      arguments: { prompt: 'sea' },
      success: true,
      display: { kind: 'image', blob: new Blob(['x']), alt: 'sea' },
    },
  },
  { ...base, id: 4, role: 'assistant', text: 'It is **big**.' },
];

describe('conversation export', () => {
  it('writes Markdown a person can read: title, model, who said what, tool calls', () => {
    expect(conversationMarkdown(conversation, messages)).toBe(
      [
        '# About the sea?',
        '',
        'Model: me/model · started 1970-01-01T00:00:00.000Z',
        '',
        '**You:**',
        '',
        'Tell me about the sea',
        '',
        '> **Tool generate_image** {"prompt":"sea"} — worked',
        '',
        '**Assistant:**',
        '',
        'It is **big**.',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with every field, images as their description only', () => {
    const data = JSON.parse(conversationJson(conversation, messages)) as { messages: StoredMessage[] };
    expect(data.messages).toHaveLength(4);
    expect(data.messages[2].tool?.display).toEqual({ kind: 'image', alt: 'sea' });
  });

  it('makes a safe file name', () => {
    expect(fileNameFor('About the sea?')).toBe('about-the-sea');
    expect(fileNameFor('???')).toBe('conversation');
  });
});
