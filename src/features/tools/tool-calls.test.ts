import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSE_TAG, OPEN_TAG, ToolCallStream, parseCallBody, parseToolCalls, type ToolCall } from './tool-calls.ts';

const GET_TIME = '{"name": "get_time", "arguments": {"zone": "UTC"}}';
const WRITE_FILE = '{"tool": "write_file", "params": {"path": "a.txt", "content": "x"}}';
const call = (body: string): string => `${OPEN_TAG}${body}${CLOSE_TAG}`;

/** Feeds `chunks` to a fresh stream: every piece push() returned, what flush() returned, and the calls. */
function stream(chunks: string[]): { pieces: string[]; text: string; calls: ToolCall[] } {
  const toolStream = new ToolCallStream();
  const pieces = chunks.map((chunk) => toolStream.push(chunk));
  pieces.push(toolStream.flush());
  return { pieces, text: pieces.join(''), calls: toolStream.calls };
}

/** `text` cut at the given indexes (sorted, clamped; repeated indexes give empty chunks). */
function splitAt(text: string, cuts: number[]): string[] {
  const points = [...cuts.map((cut) => Math.min(cut, text.length)).sort((a, b) => a - b), text.length];
  let start = 0;
  return points.map((point) => {
    const chunk = text.slice(start, point);
    start = point;
    return chunk;
  });
}

describe('OPEN_TAG / CLOSE_TAG', () => {
  it('are the Hermes/Qwen tags', () => {
    expect(OPEN_TAG).toBe('<tool_call>');
    expect(CLOSE_TAG).toBe('</tool_call>');
  });
});

describe('parseCallBody', () => {
  it('reads the "name" + "arguments" format', () => {
    expect(parseCallBody(GET_TIME)).toEqual({ name: 'get_time', arguments: { zone: 'UTC' }, raw: GET_TIME });
  });

  it('reads the "tool" + "params" format', () => {
    expect(parseCallBody(WRITE_FILE)).toEqual({
      name: 'write_file',
      arguments: { path: 'a.txt', content: 'x' },
      raw: WRITE_FILE,
    });
  });

  it('gives {} when arguments or params are missing (or null)', () => {
    expect(parseCallBody('{"name": "get_time"}')).toEqual({
      name: 'get_time',
      arguments: {},
      raw: '{"name": "get_time"}',
    });
    expect(parseCallBody('{"tool": "get_time"}')).toEqual({
      name: 'get_time',
      arguments: {},
      raw: '{"tool": "get_time"}',
    });
    const nullArgs = parseCallBody('{"name": "get_time", "arguments": null}');
    expect(nullArgs.arguments).toEqual({});
    expect(nullArgs.error).toBeUndefined();
  });

  it('parses arguments sent as a JSON string', () => {
    const result = parseCallBody('{"name": "f", "arguments": "{\\"a\\":1}"}');
    expect(result.name).toBe('f');
    expect(result.arguments).toEqual({ a: 1 });
    expect(result.error).toBeUndefined();
    expect(parseCallBody('{"tool": "f", "params": "{\\"b\\":[2]}"}').arguments).toEqual({ b: [2] });
  });

  it('accepts a ```json fence (or a bare ``` fence) around the body', () => {
    const fenced = '```json\n' + GET_TIME + '\n```';
    expect(parseCallBody(fenced)).toEqual({ name: 'get_time', arguments: { zone: 'UTC' }, raw: fenced });
    expect(parseCallBody('```\n' + WRITE_FILE + '\n```').name).toBe('write_file');
    expect(parseCallBody('\n```JSON ' + GET_TIME + '```\n').arguments).toEqual({ zone: 'UTC' });
  });

  it('ignores whitespace and newlines around the body, keeping the raw text as written', () => {
    const raw = '\n  \t' + GET_TIME + '\n\n  ';
    expect(parseCallBody(raw)).toEqual({ name: 'get_time', arguments: { zone: 'UTC' }, raw });
  });

  it('trims the name', () => {
    expect(parseCallBody('{"name": "  get_time\\n"}').name).toBe('get_time');
  });

  it('leaves unknown tools to the caller', () => {
    expect(parseCallBody('{"name":"no_such_tool"}')).toEqual({
      name: 'no_such_tool',
      arguments: {},
      raw: '{"name":"no_such_tool"}',
    });
  });

  describe('malformed bodies become errors, never exceptions', () => {
    it('invalid JSON: mentions JSON and keeps the raw body', () => {
      const raw = '{"name": "get_time", "arguments": {';
      const result = parseCallBody(raw);
      expect(result.name).toBe('');
      expect(result.arguments).toEqual({});
      expect(result.raw).toBe(raw);
      expect(result.error).toMatch(/JSON/);
    });

    it('empty body is invalid JSON', () => {
      expect(parseCallBody('').error).toMatch(/JSON/);
      expect(parseCallBody('  \n ').error).toMatch(/JSON/);
    });

    it.each(['[1, 2]', '42', '"get_time"', 'null', 'true'])('%s is not a JSON object', (raw) => {
      expect(parseCallBody(raw)).toEqual({
        name: '',
        arguments: {},
        raw,
        error: 'The tool call must be a JSON object.',
      });
    });

    it.each(['{}', '{"arguments": {}}', '{"name": 3, "tool": null}', '{"name": "   "}', '{"tool": ""}'])(
      '%s has no usable name: the error names both formats',
      (raw) => {
        const result = parseCallBody(raw);
        expect(result.name).toBe('');
        expect(result.error).toContain('"name"');
        expect(result.error).toContain('"arguments"');
        expect(result.error).toContain('"tool"');
        expect(result.error).toContain('"params"');
      },
    );

    it.each([
      '{"name": "f", "arguments": [1, 2]}',
      '{"name": "f", "arguments": 5}',
      '{"name": "f", "arguments": true}',
      '{"tool": "f", "params": ["a"]}',
      '{"name": "f", "arguments": "[1]"}',
    ])('%s: arguments that are not an object are an error', (raw) => {
      const result = parseCallBody(raw);
      expect(result.name).toBe('f');
      expect(result.arguments).toEqual({});
      expect(result.error).toBe('The arguments must be a JSON object.');
    });

    it('arguments given as a string that is not JSON are an error', () => {
      const result = parseCallBody('{"name": "f", "arguments": "zone=UTC"}');
      expect(result.name).toBe('f');
      expect(result.arguments).toEqual({});
      expect(result.error).toMatch(/string that is not JSON/);
    });
  });
});

describe('parseToolCalls', () => {
  it('takes the call out of the text, keeping the whitespace around it as is', () => {
    const reply = `I'll create that for you! ${call(WRITE_FILE)} Done.`;
    const { text, calls } = parseToolCalls(reply);
    expect(text).toBe("I'll create that for you!  Done.");
    expect(calls).toEqual([{ name: 'write_file', arguments: { path: 'a.txt', content: 'x' }, raw: WRITE_FILE }]);
  });

  it('finds several calls, in order', () => {
    const reply = `First ${call(GET_TIME)}, then\n${call('\n' + WRITE_FILE + '\n')}\nand ${call('{"name":"c"}')}end`;
    const { text, calls } = parseToolCalls(reply);
    expect(text).toBe('First , then\n\nand end');
    expect(calls.map((c) => c.name)).toEqual(['get_time', 'write_file', 'c']);
    expect(calls.every((c) => c.error === undefined)).toBe(true);
  });

  it('handles back-to-back calls and a reply that is only a call', () => {
    expect(parseToolCalls(call(GET_TIME) + call(WRITE_FILE))).toEqual({
      text: '',
      calls: [parseCallBody(GET_TIME), parseCallBody(WRITE_FILE)],
    });
  });

  it('returns a reply without calls unchanged', () => {
    const reply = 'Hello!\nThe time is 12:00 {"name": "get_time"} — nothing to run.';
    expect(parseToolCalls(reply)).toEqual({ text: reply, calls: [] });
    expect(parseToolCalls('')).toEqual({ text: '', calls: [] });
  });

  it.each([
    'a < b',
    'x <tool_callx',
    'a <tool_call >b',
    'ends with <tool_ca',
    'ends with <',
    '<<tool_call',
    '<tool_call',
  ])('shows %j: a "<" that never becomes a tag', (reply) => {
    expect(parseToolCalls(reply)).toEqual({ text: reply, calls: [] });
  });

  it('turns a broken call into an error and keeps the text around it', () => {
    const { text, calls } = parseToolCalls(`Before ${call('{"name": ')} after`);
    expect(text).toBe('Before  after');
    expect(calls).toHaveLength(1);
    expect(calls[0].error).toMatch(/JSON/);
    expect(calls[0].raw).toBe('{"name": ');
  });

  it('reports an unclosed call as "not closed" and shows nothing of it', () => {
    const { text, calls } = parseToolCalls('Let me check. <tool_call>{"name":"x"');
    expect(text).toBe('Let me check. ');
    expect(calls).toHaveLength(1);
    expect(calls[0].raw).toBe('{"name":"x"');
    expect(calls[0].error).toMatch(/not closed/);
  });

  it('reports an unclosed call as "not closed" even when its JSON is complete', () => {
    const { text, calls } = parseToolCalls(`Now: ${OPEN_TAG}${GET_TIME}`);
    expect(text).toBe('Now: ');
    expect(calls).toEqual([
      { name: 'get_time', arguments: { zone: 'UTC' }, raw: GET_TIME, error: expect.stringMatching(/not closed/) },
    ]);
  });

  it('keeps a half-written closing tag in the raw body of an unclosed call', () => {
    const { text, calls } = parseToolCalls(`${OPEN_TAG}${GET_TIME}</tool_`);
    expect(text).toBe('');
    expect(calls).toHaveLength(1);
    expect(calls[0].raw).toBe(GET_TIME + '</tool_');
    expect(calls[0].error).toMatch(/not closed/);
  });

  it('parses a nested open tag inside a call as part of the body (an error)', () => {
    const { text, calls } = parseToolCalls(`a${OPEN_TAG}${OPEN_TAG}{}${CLOSE_TAG}b`);
    expect(text).toBe('ab');
    expect(calls).toHaveLength(1);
    expect(calls[0].raw).toBe(`${OPEN_TAG}{}`);
    expect(calls[0].error).toMatch(/JSON/);
  });

  it('leaves unknown tools to the caller', () => {
    expect(parseToolCalls(call('{"name":"no_such_tool"}')).calls).toEqual([
      { name: 'no_such_tool', arguments: {}, raw: '{"name":"no_such_tool"}' },
    ]);
  });

  it('never throws on malformed calls', () => {
    const bodies = [
      '',
      '{',
      '[]',
      '1',
      '{}',
      '{"name": 1}',
      '{"name":"f","arguments":[]}',
      '{"name":"f","arguments":"x"}',
    ];
    for (const body of bodies) {
      expect(() => parseToolCalls(`t ${call(body)} t`)).not.toThrow();
      expect(() => parseToolCalls(`t ${OPEN_TAG}${body}`)).not.toThrow();
      for (const c of parseToolCalls(`t ${call(body)} t`).calls) expect(c.error).toEqual(expect.any(String));
    }
  });

  // A closing tag without its call is taken out too.
  it('never shows a stray closing tag', () => {
    expect(parseToolCalls('a </tool_call> b').text).not.toContain(CLOSE_TAG);
  });

  // Text on both sides of a call must not join into a raw tag on screen (`<tool_` + `call>`).
  it('never shows an opening tag assembled from the text around a call', () => {
    expect(parseToolCalls(`<tool_${call('{"name":"x"}')}call>`).text).not.toContain(OPEN_TAG);
  });
});

describe('ToolCallStream', () => {
  const reply = `I'll create that for you! ${call(WRITE_FILE)} Done. Time: ${call('```json\n' + GET_TIME + '\n```')} < ok <tool_`;
  const expected = parseToolCalls(reply);

  it('holds back a possible tag and shows the text before it', () => {
    const toolStream = new ToolCallStream();
    expect(toolStream.push('Hello <tool_')).toBe('Hello ');
    expect(toolStream.push('call>{"name":')).toBe('');
    expect(toolStream.push('"get_time"}</tool_')).toBe('');
    expect(toolStream.calls).toEqual([]);
    expect(toolStream.push('call> there')).toBe(' there');
    expect(toolStream.calls).toEqual([{ name: 'get_time', arguments: {}, raw: '{"name":"get_time"}' }]);
    expect(toolStream.flush()).toBe('');
  });

  it('releases held text once it cannot be a tag', () => {
    const toolStream = new ToolCallStream();
    expect(toolStream.push('a <')).toBe('a ');
    expect(toolStream.push(' b')).toBe('< b');
    expect(toolStream.push(' <tool_call')).toBe(' ');
    expect(toolStream.push('x')).toBe('<tool_callx');
    expect(toolStream.push(' <tool_ca')).toBe(' ');
    expect(toolStream.flush()).toBe('<tool_ca');
    expect(toolStream.calls).toEqual([]);
  });

  it('closes an unfinished call at flush as an error and shows nothing of it', () => {
    const toolStream = new ToolCallStream();
    expect(toolStream.push('Checking <tool_call>{"name"')).toBe('Checking ');
    expect(toolStream.push(':"x"')).toBe('');
    expect(toolStream.flush()).toBe('');
    expect(toolStream.calls).toHaveLength(1);
    expect(toolStream.calls[0].error).toMatch(/not closed/);
  });

  it('gives the same text and calls for every split into two chunks, without leaking tags or bodies', () => {
    expect(expected.text).toBe("I'll create that for you!  Done. Time:  < ok <tool_");
    expect(expected.calls.map((c) => c.name)).toEqual(['write_file', 'get_time']);
    for (let at = 0; at <= reply.length; at++) {
      const { pieces, text, calls } = stream([reply.slice(0, at), reply.slice(at)]);
      expect(text, `split at ${at}`).toBe(expected.text);
      expect(calls, `split at ${at}`).toEqual(expected.calls);
      for (const piece of pieces) {
        expect(piece).not.toContain(OPEN_TAG);
        expect(piece).not.toContain(CLOSE_TAG);
        expect(piece).not.toMatch(/<tool_c|<\/|[{}"`]|get_time|write_file/);
      }
    }
  });

  it('gives the same text and calls for every split into three chunks', () => {
    const short = `ab ${call(GET_TIME)} c <`;
    const { text: want, calls: wantCalls } = parseToolCalls(short);
    for (let i = 0; i <= short.length; i++) {
      for (let j = i; j <= short.length; j++) {
        const got = stream([short.slice(0, i), short.slice(i, j), short.slice(j)]);
        expect(got.text).toBe(want);
        expect(got.calls).toEqual(wantCalls);
      }
    }
  });

  it('gives the same text and calls one character at a time', () => {
    const { pieces, text, calls } = stream([...reply]);
    expect(text).toBe(expected.text);
    expect(calls).toEqual(expected.calls);
    expect(pieces.join('|')).not.toMatch(/<tool_c|[{}"]/);
  });

  it('keeps a call split across many chunks, including inside its tags', () => {
    const chunks = ['x<', 'tool', '_call', '>', '{"na', 'me":"get_', 'time"}<', '/tool_call', '>y'];
    const { text, calls } = stream(chunks);
    expect(text).toBe('xy');
    expect(calls).toEqual([{ name: 'get_time', arguments: {}, raw: '{"name":"get_time"}' }]);
  });

  it('accepts empty chunks', () => {
    const { text, calls } = stream(['', 'a', '', call('{"name":"f"}'), '', 'b', '']);
    expect(text).toBe('ab');
    expect(calls.map((c) => c.name)).toEqual(['f']);
  });
});

describe('fuzz', () => {
  const fragment = fc.oneof(
    { arbitrary: fc.string({ maxLength: 6 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        OPEN_TAG,
        CLOSE_TAG,
        '<tool_',
        '</tool_',
        '<',
        '>',
        'call>',
        '{"name":"get_time","arguments":{}}',
        '{"tool":"write_file","params":{"path":"a"}}',
        '```json',
        '{',
        '}',
        '"',
        '\n',
        ' ',
      ),
      weight: 6,
    },
  );
  const input = fc.record({
    reply: fc.array(fragment, { maxLength: 14 }).map((parts) => parts.join('')),
    cuts: fc.array(fc.nat({ max: 200 }), { maxLength: 8 }),
  });

  it('streams like one-shot parsing, never throws, and every call has a name or an error', () => {
    fc.assert(
      fc.property(input, ({ reply, cuts }) => {
        const oneShot = parseToolCalls(reply);
        const { pieces, text, calls } = stream(splitAt(reply, cuts));
        expect(text).toBe(oneShot.text);
        expect(calls).toEqual(oneShot.calls);
        // No piece of text handed out ever holds a whole opening tag.
        for (const piece of pieces) expect(piece).not.toContain(OPEN_TAG);
        for (const c of calls) {
          expect(c.name !== '' || (typeof c.error === 'string' && c.error !== '')).toBe(true);
          expect(c.arguments).toBeTypeOf('object');
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('never shows a raw tag in the visible text', () => {
    fc.assert(
      fc.property(input, ({ reply, cuts }) => {
        const { text } = stream(splitAt(reply, cuts));
        expect(text).not.toContain(OPEN_TAG);
        expect(text).not.toContain(CLOSE_TAG);
      }),
      { numRuns: 10_000 },
    );
  });

  it('never shows a raw tag when the reply has no stray closing tag or split-open tag', () => {
    // The same property on replies built only from well-formed calls and plain text (no '<' or '>').
    const plain = fc.string({ maxLength: 8 }).map((s) => s.replace(/[<>]/g, ''));
    const body = fc.oneof(fc.constantFrom('{"name":"get_time","arguments":{}}', '{', '[]', '{"tool":"t"}'), plain);
    const wellFormed = fc.record({
      parts: fc.array(fc.oneof(plain, body.map(call)), { maxLength: 8 }),
      unclosed: fc.option(body),
      cuts: fc.array(fc.nat({ max: 200 }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(wellFormed, ({ parts, unclosed, cuts }) => {
        const reply = parts.join('') + (unclosed === null ? '' : OPEN_TAG + unclosed);
        const { pieces, text, calls } = stream(splitAt(reply, cuts));
        expect(text).not.toContain(OPEN_TAG);
        expect(text).not.toContain(CLOSE_TAG);
        for (const piece of pieces) expect(piece).not.toMatch(/[<>]/);
        expect(calls).toHaveLength(
          parts.filter((part) => part.startsWith(OPEN_TAG)).length + (unclosed === null ? 0 : 1),
        );
      }),
      { numRuns: 10_000 },
    );
  });
});
