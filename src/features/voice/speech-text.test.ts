import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognitionErrorMessage } from './recognition-errors.ts';
import { sentenceChunks } from './speech-chunks.ts';
import { textForSpeech } from './speech-text.ts';

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const join = (chunks: string[]): string => chunks.join(' ');
const noSpace = (text: string): string => text.replace(/\s+/g, '');

describe('textForSpeech', () => {
  it('reads a full reply as clean sentences', () => {
    const reply = [
      '# Getting started',
      '',
      "Sure [emotion:happy]! Here's how to **install** it with `npm install forge`:",
      '',
      '```bash',
      'npm install forge',
      'echo "done"',
      '```',
      '',
      '<tool_call>{"name": "get_time", "arguments": {}}</tool_call>',
      'Then call `const result = await forge.run(options, callback)` from your code.',
      '',
      '- First, read the [docs](https://example.com/docs "Docs").',
      '- *Second*, see https://example.com/guide.',
      '',
      '> Quoted _wisdom_ here',
      '',
      '![A cat sleeping](cat.png)',
      '',
      '<b>Bold</b> text &amp; more.',
      '',
      '---',
      '',
      '| Name | Age |',
      '|------|----:|',
      '| Alice | 30 |',
      '',
      '[gesture: wave] Bye!',
    ].join('\n');
    expect(textForSpeech(reply)).toBe(
      [
        'Getting started.',
        "Sure! Here's how to install it with npm install forge:",
        '(code)',
        'Then call (code) from your code.',
        'First, read the docs.',
        'Second, see a link.',
        'Quoted wisdom here',
        'A cat sleeping',
        'Bold text & more.',
        'Name, Age.',
        'Alice, 30.',
        'Bye!',
      ].join('\n'),
    );
  });

  it('replaces a code block with "(code)" and says none of it', () => {
    const spoken = textForSpeech('Try this:\n\n```js\nconst x = 1; // note\n```\n\nThat is all.');
    expect(spoken).toBe('Try this:\n(code)\nThat is all.');
  });

  it('drops an unterminated code fence at the end, to the end', () => {
    expect(textForSpeech('Here it is:\n```python\nprint("hi")\nfor i in range(3):')).toBe('Here it is:\n(code)');
    expect(textForSpeech('Before.\n~~~\nlet a')).toBe('Before.\n(code)');
  });

  it('keeps short inline code as words, without backticks, and hides long inline code', () => {
    expect(textForSpeech('Run `npm test` or ``a `b` c`` now.')).toBe('Run npm test or a `b` c now.');
    expect(textForSpeech('Use `.env` files and `__init__.py`.')).toBe('Use .env files and __init__.py.');
    expect(textForSpeech('It is `Array.from({ length: 10 }, (_, i) => i * 2)` here.')).toBe('It is (code) here.');
  });

  it('removes tool calls, tool results and stray tool tags', () => {
    expect(textForSpeech('A<tool_call>{"name": "x", "arguments": {}}</tool_call> B')).toBe('A B');
    expect(textForSpeech('Done.</tool_call> Next.')).toBe('Done. Next.');
    expect(textForSpeech('Result: <tool_result>{"ok": true}</tool_result> fine.')).toBe('Result: fine.');
    expect(textForSpeech('Stray </tool_result> tag.')).toBe('Stray tag.');
    // Like the chat, an unclosed call runs to the end: what follows is the call's JSON.
    expect(textForSpeech('Let me check.\n<tool_call>{"name": "get_time"')).toBe('Let me check.');
  });

  it('removes avatar tags of every kind, any case, with spaces, and keeps other brackets', () => {
    expect(textForSpeech('[emotion:happy]Hello [Gesture : Wave] there [EXPRESSION:sad].')).toBe('Hello there.');
    expect(textForSpeech('[ emotion :unknown ] Hi [note: keep] me.')).toBe('Hi [note: keep] me.');
  });

  it('removes HTML tags but keeps their text, an image its alt, and hides scripts and comments', () => {
    expect(textForSpeech('Some <b>bold</b> and <span class="x">styled</span> words.')).toBe(
      'Some bold and styled words.',
    );
    expect(textForSpeech('A picture <img src="a.png" alt="a red fox"> here.')).toBe('A picture a red fox here.');
    expect(textForSpeech('Line one<br>line two')).toBe('Line one\nline two');
    expect(textForSpeech('<div>\n<p>Inside a <i>block</i>.</p>\n</div>')).toBe('Inside a block.');
    expect(textForSpeech('Hi <script>alert(1)</script> there <!-- secret --> you.')).toBe('Hi there you.');
    expect(textForSpeech('Cats &amp; dogs &lt;3, caf&#233; &quot;ok&quot;')).toBe('Cats & dogs <3, café "ok"');
  });

  it('reads links as their text, URLs as "a link" and images as their alt', () => {
    expect(textForSpeech('See [the guide](https://example.com/a_(b)) now.')).toBe('See the guide now.');
    expect(textForSpeech('Visit https://example.com/path?q=1, or www.example.org.')).toBe('Visit a link, or a link.');
    expect(textForSpeech('[https://x.dev](https://x.dev) and <https://y.dev>')).toBe('a link and a link');
    expect(textForSpeech('Mail me@example.com.')).toBe('Mail me@example.com.');
    expect(textForSpeech('![Diagram of the flow](flow.png "Flow")')).toBe('Diagram of the flow');
    expect(textForSpeech('[![badge](b.svg)](https://ci.example)')).toBe('badge');
  });

  it('strips headings, emphasis, strikethrough, quotes, bullets, rules and table pipes', () => {
    const reply = [
      '## Shopping list ##',
      '',
      '1. **Milk** and _bread_',
      '2. ~~Eggs~~ Cheese!',
      '   - nested *item*',
      '',
      '* * *',
      '',
      '> > Deep quote.',
      '',
      '| Item | Price |',
      '| :--- | ---: |',
      '| Tea | 3.50 |',
      '| Jam | |',
    ].join('\n');
    expect(textForSpeech(reply)).toBe(
      [
        'Shopping list.',
        'Milk and bread.',
        'Eggs Cheese!',
        'nested item.',
        'Deep quote.',
        'Item, Price.',
        'Tea, 3.50.',
        'Jam.',
      ].join('\n'),
    );
  });

  it('collapses whitespace and keeps sentence punctuation', () => {
    expect(textForSpeech('  Hello,\t\tworld!   How   are you?\n\n\n\nFine;  thanks…  ')).toBe(
      'Hello, world! How are you?\nFine; thanks…',
    );
    expect(textForSpeech('Wait <b></b>. Really <i></i>?')).toBe('Wait. Really?');
  });

  it('gives an empty string for empty or non-text input', () => {
    expect(textForSpeech('')).toBe('');
    expect(textForSpeech('```\ncode only')).toBe('(code)');
    expect(textForSpeech('<tool_call>{}</tool_call>[emotion:happy]')).toBe('');
    expect(textForSpeech(undefined as unknown as string)).toBe('');
  });

  it('never throws on random text', () => {
    const markdownish = fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.constantFrom(
            '```',
            '`',
            '~~~',
            '\n',
            '# ',
            '> ',
            '- ',
            '1. ',
            '|',
            '|---|',
            '*',
            '_',
            '~~',
            '[',
            ']',
            '(',
            ')',
            '![',
            '<',
            '>',
            '</',
            '<b>',
            '<img alt="x">',
            '<script>',
            '<!--',
            '<tool_call>',
            '</tool_call>',
            '<tool_result>',
            '[emotion:',
            'https://',
            'www.',
            '&amp;',
            '&#',
            '\\',
          ),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 300 })), (input) => {
        expect(typeof textForSpeech(input)).toBe('string');
      }),
      { numRuns: 1500 },
    );
  });
});

describe('sentenceChunks', () => {
  it('splits a paragraph into its sentences', () => {
    const text = 'The weather is lovely today. Shall we go for a walk? I would love that! Let us leave at noon.';
    expect(sentenceChunks(text)).toEqual([
      'The weather is lovely today.',
      'Shall we go for a walk?',
      'I would love that! Let us leave at noon.',
    ]);
  });

  it('splits after combined marks, ellipses and closing quotes or brackets', () => {
    expect(
      sentenceChunks(
        'You really did that?! I cannot believe it. "She said it was fine." And then… nothing happened (or so it seemed.) The end is near.',
      ),
    ).toEqual([
      'You really did that?!',
      'I cannot believe it.',
      '"She said it was fine."',
      // The short last piece joins the one before it.
      'And then… nothing happened (or so it seemed.) The end is near.',
    ]);
  });

  it('does not split after common abbreviations or initials', () => {
    const text =
      'Dr. Smith met Mr. and Mrs. Jones, e.g. at lunch, i.e. around noon, vs. dinner etc. and J. R. R. Tolkien.';
    expect(sentenceChunks(text)).toEqual([text]);
    expect(sentenceChunks('We met at 5 p.m. and talked for hours about the U.S. economy.')).toHaveLength(1);
  });

  it('does not split inside numbers', () => {
    const text = 'Pi is roughly 3.14 and e is 2.718 here. Count 1...5 or 1…5 slowly please.';
    expect(sentenceChunks(text)).toEqual([
      'Pi is roughly 3.14 and e is 2.718 here.',
      'Count 1...5 or 1…5 slowly please.',
    ]);
  });

  it('splits at newlines', () => {
    expect(
      sentenceChunks('First line without a stop\nSecond line, also without one\n\n\nThird line, which is the last'),
    ).toEqual(['First line without a stop', 'Second line, also without one', 'Third line, which is the last']);
  });

  it('splits full-width CJK sentence ends without a space', () => {
    expect(sentenceChunks('今日はとても良い天気ですね。散歩に行きましょうか？はい、行きましょう！', 20)).toEqual([
      '今日はとても良い天気ですね。',
      '散歩に行きましょうか？',
      'はい、行きましょう！',
    ]);
  });

  it('merges pieces shorter than 20 characters with the next one', () => {
    expect(sentenceChunks('Hi. Yes. OK. This sentence is long enough on its own. And this one is long too.')).toEqual([
      'Hi. Yes. OK. This sentence is long enough on its own.',
      'And this one is long too.',
    ]);
    // A short last piece joins the one before, when that fits.
    expect(sentenceChunks('This sentence is long enough on its own. Sure.')).toEqual([
      'This sentence is long enough on its own. Sure.',
    ]);
    expect(sentenceChunks('This sentence is long enough on its own. Sure.', 42)).toEqual([
      'This sentence is long enough on its own.',
      'Sure.',
    ]);
    expect(sentenceChunks('Hello there.\nThis second sentence is long enough alone.')).toEqual([
      'Hello there. This second sentence is long enough alone.',
    ]);
  });

  it('cuts a long sentence after its last comma, semicolon or colon before the limit', () => {
    const text =
      'When the sun rose over the hills, the farmers went to the fields; the children went to school, and the town woke up slowly';
    const chunks = sentenceChunks(text, 80);
    expect(chunks).toEqual([
      'When the sun rose over the hills, the farmers went to the fields;',
      'the children went to school, and the town woke up slowly',
    ]);
    expect(words(join(chunks))).toEqual(words(text));
  });

  it('cuts a long sentence without punctuation at spaces, and a long word hard', () => {
    const text = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const chunks = sentenceChunks(text, 50);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(50);
    expect(words(join(chunks))).toEqual(words(text));

    const long = 'x'.repeat(130);
    expect(sentenceChunks(long, 50)).toEqual(['x'.repeat(50), 'x'.repeat(50), 'x'.repeat(30)]);
    const emoji = '😀'.repeat(10);
    const emojiChunks = sentenceChunks(emoji, 7);
    for (const chunk of emojiChunks) expect(chunk.length).toBeLessThanOrEqual(7);
    expect(emojiChunks.join('')).toBe(emoji);
    expect(emojiChunks.every((chunk) => !/[\uD800-\uDBFF]$/.test(chunk))).toBe(true);
  });

  it('keeps every word of a long multi-paragraph reply, in order', () => {
    const text = textForSpeech(
      [
        '## Plan',
        'First we measure, e.g. the 3.5 m wall. Then we cut the boards!',
        '',
        '- Buy wood, screws and glue from the hardware store down the road before it closes at 6 p.m. today',
        '- Ask Dr. Lee?!',
        '',
        `${'Then sand everything carefully '.repeat(12)}and paint.`,
      ].join('\n'),
    );
    const chunks = sentenceChunks(text, 120);
    expect(words(join(chunks))).toEqual(words(text));
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(120);
  });

  it('gives no chunks for empty or blank text', () => {
    expect(sentenceChunks('')).toEqual([]);
    expect(sentenceChunks(' \n\t\n ')).toEqual([]);
    expect(sentenceChunks(undefined as unknown as string)).toEqual([]);
  });

  it('never throws; chunks are non-empty, within the limit, and keep every other character in order', () => {
    const sentenceish = fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 12 }),
          fc.constantFrom(' ', '  ', '\n', '\t', '.', '!', '?', '?!', '…', '...', ',', ';', ':', '"', ')', '。'),
          fc.constantFrom('Hello', 'world', 'e.g.', 'Dr.', '3.14', '1...5', 'p.m.', '😀', 'x'.repeat(40)),
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(sentenceish, fc.string({ unit: 'binary', maxLength: 400 })),
        fc.integer({ min: 1, max: 250 }),
        (input, maxChars) => {
          const chunks = sentenceChunks(input, maxChars);
          for (const chunk of chunks) {
            expect(chunk.length).toBeGreaterThan(0);
            expect(chunk.length).toBeLessThanOrEqual(maxChars);
            expect(chunk).toBe(chunk.trim());
          }
          expect(noSpace(chunks.join(''))).toBe(noSpace(input));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('recognitionErrorMessage', () => {
  const CODES = [
    'not-allowed',
    'service-not-allowed',
    'no-speech',
    'audio-capture',
    'network',
    'aborted',
    'language-not-supported',
    'bad-grammar',
  ];

  it('gives each error code its own message', () => {
    const messages = CODES.map(recognitionErrorMessage);
    expect(new Set(messages).size).toBe(CODES.length);
    expect(messages).not.toContain(recognitionErrorMessage('something-else'));
  });

  it('explains what to do in plain words', () => {
    expect(recognitionErrorMessage('not-allowed')).toMatch(/microphone.*blocked.*site settings/i);
    expect(recognitionErrorMessage('service-not-allowed')).toMatch(/site settings/i);
    expect(recognitionErrorMessage('no-speech')).toMatch(/no speech.*try again.*closer/i);
    expect(recognitionErrorMessage('audio-capture')).toMatch(/no microphone.*using it/i);
    expect(recognitionErrorMessage('network')).toMatch(/internet.*server.*offline/i);
    expect(recognitionErrorMessage('aborted')).toMatch(/stopped/i);
    expect(recognitionErrorMessage('language-not-supported')).toMatch(/language/i);
  });

  it('names an unknown code in the fallback', () => {
    expect(recognitionErrorMessage('weird-code')).toBe(
      'Speech recognition failed (weird-code). Try again, or type your message.',
    );
    expect(recognitionErrorMessage('')).toBe('Speech recognition failed. Try again, or type your message.');
    expect(recognitionErrorMessage('constructor')).toContain('(constructor)');
  });
});
