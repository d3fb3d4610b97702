import { describe, expect, it } from 'vitest';
import {
  formatDialoGpt,
  formatPlainDialogue,
  pickFallbackFormat,
  STOP_STRINGS,
  StopStringFilter,
} from './chat-format.ts';

/** Feeds `text` to a fresh filter in chunks of `size` characters; returns everything it let through. */
function streamThrough(text: string, size: number, filter = new StopStringFilter()): string {
  let shown = '';
  for (let i = 0; i < text.length; i += size) shown += filter.push(text.slice(i, i + size));
  return shown + filter.flush();
}

describe('pickFallbackFormat', () => {
  it('uses the DialoGPT format for DialoGPT ids, whatever their case', () => {
    expect(pickFallbackFormat('microsoft/DialoGPT-medium')).toBe('dialogpt');
    expect(pickFallbackFormat('someone/dialogpt-small-finetune')).toBe('dialogpt');
    expect(pickFallbackFormat('X/DIALOGPT')).toBe('dialogpt');
  });

  it('uses plain User:/AI: dialogue for other models such as GPT-2', () => {
    expect(pickFallbackFormat('Xenova/gpt2')).toBe('plain-dialogue');
    expect(pickFallbackFormat('openai-community/gpt2-medium')).toBe('plain-dialogue');
  });
});

describe('formatDialoGpt', () => {
  it('joins the turns, each followed by the EOS token, and drops the system prompt', () => {
    const text = formatDialoGpt(
      [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'How are you?' },
      ],
      '<|endoftext|>',
    );
    expect(text).toBe('Hi<|endoftext|>Hello!<|endoftext|>How are you?<|endoftext|>');
    expect(text).not.toContain('Be kind.');
  });
});

describe('formatPlainDialogue', () => {
  it('writes the system prompt first, then User:/AI: lines, ending with AI:', () => {
    expect(
      formatPlainDialogue([
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hi' },
      ]),
    ).toBe('Be kind.\nUser: Hi\nAI:');
  });

  it('keeps a multi-turn history in order, one line per turn', () => {
    expect(
      formatPlainDialogue([
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Tell me a joke.' },
      ]),
    ).toBe('User: Hi\nAI: Hello!\nUser: Tell me a joke.\nAI:');
  });
});

describe('StopStringFilter', () => {
  it('holds back a possible stop string split across chunks and cuts at it', () => {
    const filter = new StopStringFilter();
    expect(filter.push('Sure thing.\nUs')).toBe('Sure thing.\n');
    expect(filter.push('er: next')).toBe('');
    expect(filter.stopped).toBe(true);
  });

  it.each(STOP_STRINGS)('cuts the reply at %j', (stop) => {
    const filter = new StopStringFilter();
    const shown = streamThrough(`The answer is 42.${stop} and then more`, 3, filter);
    expect(shown).toBe('The answer is 42.');
    expect(filter.stopped).toBe(true);
  });

  it('cuts at the earliest stop string when several appear', () => {
    expect(streamThrough('One</s>two User: three', 100)).toBe('One');
  });

  it('passes text with no stop string through unchanged, however it is chunked', () => {
    const text = 'Users often ask: is </ a tag? [INST] is not [/INS. <|us <|en Humans: no. Done.\n'.repeat(3);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(streamThrough(text, size)).toBe(text);
  });

  it('holds back a lone prefix such as "Use" at the end and releases it on flush()', () => {
    const filter = new StopStringFilter();
    expect(filter.push('Please Use')).toBe('Please ');
    expect(filter.stopped).toBe(false);
    expect(filter.flush()).toBe('Use');
    expect(filter.flush()).toBe('');
  });

  it('releases held text as soon as it can no longer become a stop string', () => {
    const filter = new StopStringFilter();
    expect(filter.push('Use')).toBe('');
    expect(filter.push('ful')).toBe('Useful');
  });

  it('emits nothing after a stop, neither from push() nor flush()', () => {
    const filter = new StopStringFilter();
    expect(filter.push('Done. Human: ')).toBe('Done. ');
    expect(filter.push('more text')).toBe('');
    expect(filter.push('User')).toBe('');
    expect(filter.flush()).toBe('');
  });

  it('accepts its own list of stop strings', () => {
    const filter = new StopStringFilter(['###']);
    expect(streamThrough('a User: b ## c ### d', 2, filter)).toBe('a User: b ## c ');
  });
});
