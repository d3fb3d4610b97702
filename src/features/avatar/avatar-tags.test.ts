import { describe, expect, it } from 'vitest';
import {
  MAX_TAG_LENGTH,
  StreamingTagStripper,
  emotionFromText,
  parseAvatarTags,
  type AvatarTagged,
} from './avatar-tags.ts';

const LONG = `[emotion: ${'x'.repeat(30)}] hi`;

// [reply, what parseAvatarTags gives]
const CASES: [string, AvatarTagged][] = [
  ['Hello there!', { text: 'Hello there!', ignored: [] }],
  ['[emotion:happy] Hello there!', { text: 'Hello there!', emotion: 'happy', ignored: [] }],
  ['Hello [emotion:happy] there', { text: 'Hello there', emotion: 'happy', ignored: [] }],
  ['Glad to help! [emotion:happy]', { text: 'Glad to help!', emotion: 'happy', ignored: [] }],
  ['Great [EMOTION : Happy ].', { text: 'Great.', emotion: 'happy', ignored: [] }],
  ['Yes[emotion:happy]!', { text: 'Yes!', emotion: 'happy', ignored: [] }],
  ['[emotion:happy][gesture:wave] Hi!', { text: 'Hi!', emotion: 'happy', gesture: 'wave', ignored: [] }],
  ['a [emotion:sad] b [emotion:excited] c', { text: 'a b c', emotion: 'excited', ignored: [] }],
  ['Hmm [emotion:angry] ok [gesture:dance]', { text: 'Hmm ok', ignored: ['[emotion:angry]', '[gesture:dance]'] }],
  ['Ok [gesture:happy] [Expression:Wave]', { text: 'Ok', ignored: ['[gesture:happy]', '[Expression:Wave]'] }],
  ['[ gesture :  nod ] Sure.', { text: 'Sure.', gesture: 'nod', ignored: [] }],
  ['[expression:thinking] Let me see', { text: 'Let me see', expression: 'thinking', ignored: [] }],
  [
    '[gesture:bow] [emotion:happy] Hi [gesture:dance] [gesture:shrug]',
    { text: 'Hi', emotion: 'happy', gesture: 'shrug', ignored: ['[gesture:dance]'] },
  ],
  ['[emotion:] Hi', { text: 'Hi', ignored: ['[emotion:]'] }],
  ['[emotion: very happy] Hi', { text: 'Hi', ignored: ['[emotion: very happy]'] }],
  ['Hi\n[emotion:happy]\nThere', { text: 'Hi\nThere', emotion: 'happy', ignored: [] }],
  ['One.\n\n[emotion:sad]\n\nTwo.', { text: 'One.\n\nTwo.', emotion: 'sad', ignored: [] }],
  ['Hello!\n\n[emotion:sad]', { text: 'Hello!', emotion: 'sad', ignored: [] }],
  ['Line one [emotion:happy]\n  indented', { text: 'Line one\n  indented', emotion: 'happy', ignored: [] }],
  [
    'See [1], [link](x), [ ] todo, [emotions:happy], [mood:happy]',
    { text: 'See [1], [link](x), [ ] todo, [emotions:happy], [mood:happy]', ignored: [] },
  ],
  ['def f():\n    return  1\n', { text: 'def f():\n    return  1\n', ignored: [] }],
  [LONG, { text: LONG, ignored: [] }],
  [
    'Really? [emotion:surprised] [gesture:jump]',
    { text: 'Really?', emotion: 'surprised', gesture: 'jump', ignored: [] },
  ],
];

describe('parseAvatarTags', () => {
  it.each(CASES)('%j', (reply, expected) => {
    expect(parseAvatarTags(reply)).toEqual(expected);
  });
});

describe('emotionFromText', () => {
  it.each([
    ['That is great news.', 'happy'],
    ['Glad it worked.', 'happy'],
    ['Done!', 'happy'],
    ["I'm sorry, that failed.", 'sad'],
    ['Unfortunately it is gone!', 'sad'],
    ['Sorry, sorry, but great!', 'sad'],
    ['Great, but sorry.', 'sad'],
    ['Wow, I did not expect that.', 'surprised'],
    ['Really? That is new.', 'surprised'],
    ['Hmm, I am not sure.', 'confused'],
    ['That part is confusing.', 'confused'],
    ["This is amazing, I can't wait!", 'excited'],
    ['Awesome! I can’t wait.', 'excited'],
    ['Here is the answer.', undefined],
    ['', undefined],
  ])('%j → %s', (text, emotion) => {
    expect(emotionFromText(text)).toBe(emotion);
  });
});

describe('StreamingTagStripper', () => {
  const stream = (chunks: string[]) => {
    const stripper = new StreamingTagStripper();
    return chunks.map((chunk) => stripper.push(chunk)).join('') + stripper.flush();
  };

  it('holds back a tag split across chunks and the space before it', () => {
    const stripper = new StreamingTagStripper();
    expect(stripper.push('Hello [emo')).toBe('Hello');
    expect(stripper.push('tion:happy] there')).toBe(' there');
    expect(stripper.flush()).toBe('');
    expect(stripper.tags).toEqual([{ kind: 'emotion', value: 'happy', raw: '[emotion:happy]' }]);
  });

  it('lets bracketed text through as soon as it cannot be a tag', () => {
    const stripper = new StreamingTagStripper();
    expect(stripper.push('See [l')).toBe('See [l');
    expect(stripper.push('Price [')).toBe('Price');
    expect(stripper.push('10] ok')).toBe(' [10] ok');
  });

  it(`holds at most ${MAX_TAG_LENGTH} characters`, () => {
    const stripper = new StreamingTagStripper();
    const held = `[emotion:${'x'.repeat(MAX_TAG_LENGTH - 9)}`;
    expect(stripper.push(held)).toBe('');
    expect(stripper.push('x')).toBe(`${held}x`);
  });

  it('shows an unfinished tag at the end', () => {
    const stripper = new StreamingTagStripper();
    expect(stripper.push('Bye [emotion:hap')).toBe('Bye');
    expect(stripper.flush()).toBe(' [emotion:hap');
  });

  it('gives the same text as parseAvatarTags however the reply is split', () => {
    for (const [reply, { text }] of CASES) {
      expect(stream([...reply])).toBe(text);
      for (let cut = 0; cut <= reply.length; cut++) expect(stream([reply.slice(0, cut), reply.slice(cut)])).toBe(text);
      const chunks: string[] = [];
      for (let at = 0, size = 1; at < reply.length; at += size, size = (size % 7) + 1) {
        chunks.push(reply.slice(at, at + size));
      }
      expect(stream(chunks)).toBe(text);
    }
  });
});
