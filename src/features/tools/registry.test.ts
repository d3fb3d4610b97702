import { describe, expect, it } from 'vitest';
import { checkArguments, toolSchema, ToolRegistry, type Tool } from './registry.ts';

function tool(name: string, changes: Partial<Tool> = {}): Tool {
  return {
    name,
    description: `The ${name} tool.`,
    parameters: {},
    example: {},
    run: async () => ({ result: name }),
    ...changes,
  };
}

const writeFile = tool('write_file', {
  description: 'Writes a file.',
  parameters: {
    path: { type: 'string', description: 'Where' },
    content: { type: 'string', description: 'What' },
    lines: { type: 'integer', description: 'How many lines' },
    scale: { type: 'number', description: 'A factor' },
    overwrite: { type: 'boolean', description: 'Replace an existing file' },
    mode: { type: 'string', description: 'How', enum: ['text', 'binary'] },
  },
  required: ['path', 'content'],
  risk: 'writes files',
});

describe('checkArguments', () => {
  it('accepts arguments that match the parameters', () => {
    expect(checkArguments(writeFile, { path: 'a.txt', content: 'x' })).toBeUndefined();
    expect(
      checkArguments(writeFile, {
        path: 'a.txt',
        content: '',
        lines: 3,
        scale: 1.5,
        overwrite: false,
        mode: 'binary',
      }),
    ).toBeUndefined();
  });

  it('names every missing required argument', () => {
    expect(checkArguments(writeFile, {})).toBe('Missing argument(s): path, content.');
    expect(checkArguments(writeFile, { path: 'a.txt' })).toBe('Missing argument(s): content.');
  });

  it('treats a required argument given as undefined as missing', () => {
    expect(checkArguments(writeFile, { path: 'a.txt', content: undefined })).toBe('Missing argument(s): content.');
  });

  it('rejects an argument of the wrong type', () => {
    expect(checkArguments(writeFile, { path: 7, content: 'x' })).toBe('Argument "path" must be a string.');
    expect(checkArguments(writeFile, { path: 'a', content: 'x', overwrite: 'yes' })).toBe(
      'Argument "overwrite" must be a boolean.',
    );
    expect(checkArguments(writeFile, { path: 'a', content: 'x', scale: '2' })).toMatch(/"scale" must be a number/);
    expect(checkArguments(writeFile, { path: 'a', content: null })).toMatch(/"content" must be a string/);
  });

  it('accepts whole and fractional numbers for number, only whole ones for integer', () => {
    expect(checkArguments(writeFile, { path: 'a', content: 'x', scale: 2 })).toBeUndefined();
    expect(checkArguments(writeFile, { path: 'a', content: 'x', scale: 2.5 })).toBeUndefined();
    expect(checkArguments(writeFile, { path: 'a', content: 'x', lines: 4 })).toBeUndefined();
    expect(checkArguments(writeFile, { path: 'a', content: 'x', lines: 4.5 })).toMatch(/"lines" must be a.* integer/);
  });

  it('rejects numbers that are not finite', () => {
    expect(checkArguments(writeFile, { path: 'a', content: 'x', scale: Number.NaN })).toMatch(/"scale"/);
    expect(checkArguments(writeFile, { path: 'a', content: 'x', scale: Infinity })).toMatch(/"scale"/);
    expect(checkArguments(writeFile, { path: 'a', content: 'x', lines: Infinity })).toMatch(/"lines"/);
  });

  it('rejects a value outside the enum and lists the allowed ones', () => {
    expect(checkArguments(writeFile, { path: 'a', content: 'x', mode: 'text' })).toBeUndefined();
    expect(checkArguments(writeFile, { path: 'a', content: 'x', mode: 'zip' })).toBe(
      'Argument "mode" must be one of: text, binary.',
    );
  });

  it('rejects an unknown argument and lists what the tool takes', () => {
    expect(checkArguments(writeFile, { path: 'a', content: 'x', colour: 'red' })).toBe(
      'Unknown argument "colour". write_file takes: path, content, lines, scale, overwrite, mode.',
    );
  });

  it('says a tool without parameters takes nothing', () => {
    expect(checkArguments(tool('get_time'), { zone: 'UTC' })).toBe('Unknown argument "zone". get_time takes: nothing.');
    expect(checkArguments(tool('get_time'), {})).toBeUndefined();
  });

  it('reports missing arguments before anything else', () => {
    expect(checkArguments(writeFile, { colour: 'red' })).toBe('Missing argument(s): path, content.');
  });

  it('rejects arguments named like Object.prototype members as unknown', () => {
    expect(checkArguments(writeFile, { path: 'a', content: 'x', constructor: 1 })).toMatch(/^Unknown argument/);
    expect(checkArguments(writeFile, { path: 'a', content: 'x', toString: 'x' })).toMatch(/^Unknown argument/);
  });
});

describe('ToolRegistry', () => {
  it('finds tools by name and lists names in registration order', () => {
    const registry = new ToolRegistry([tool('b'), tool('a')]);
    registry.add(tool('c'));
    expect(registry.names).toEqual(['b', 'a', 'c']);
    expect(registry.get('a')?.name).toBe('a');
    expect(registry.get('missing')).toBeUndefined();
  });

  it('rejects a second tool with the same name', () => {
    const registry = new ToolRegistry([tool('get_time')]);
    expect(() => registry.add(tool('get_time'))).toThrow('A tool named get_time already exists');
    expect(() => new ToolRegistry([tool('x'), tool('x')])).toThrow(/x already exists/);
    expect(registry.names).toEqual(['get_time']);
  });

  it('orders tools by usefulness, highest first', () => {
    const registry = new ToolRegistry([tool('a'), tool('b'), tool('c')]);
    const scores: Record<string, number> = { a: 1, b: 5, c: -2 };
    expect(registry.ordered((name) => scores[name]).map((t) => t.name)).toEqual(['b', 'a', 'c']);
  });

  it('keeps registration order between tools of equal usefulness', () => {
    const registry = new ToolRegistry([tool('a'), tool('b'), tool('c'), tool('d')]);
    const scores: Record<string, number> = { a: 0, b: 2, c: 0, d: 2 };
    expect(registry.ordered((name) => scores[name]).map((t) => t.name)).toEqual(['b', 'd', 'a', 'c']);
    expect(registry.ordered().map((t) => t.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('toolSchema', () => {
  it('describes a tool as a function with an object of parameters', () => {
    expect(toolSchema(writeFile)).toEqual({
      type: 'function',
      function: {
        name: 'write_file',
        description: 'Writes a file.',
        parameters: { type: 'object', properties: writeFile.parameters, required: ['path', 'content'] },
      },
    });
  });

  it('lists no required parameters when the tool names none', () => {
    expect(toolSchema(tool('get_time')).function.parameters).toEqual({ type: 'object', properties: {}, required: [] });
  });
});
