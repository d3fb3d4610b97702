import { describe, expect, it } from 'vitest';
import { getTimeTool } from './builtins/get-time.ts';
import { toolsPromptSection } from './prompt-section.ts';
import type { Tool } from './registry.ts';
import { parseToolCalls } from './tool-calls.ts';

const writeFile: Tool = {
  name: 'write_file',
  description: 'Writes a text file.',
  parameters: {
    path: { type: 'string', description: 'Where' },
    content: { type: 'string', description: 'What' },
  },
  required: ['path', 'content'],
  risk: 'writes files',
  example: { path: 'notes.txt', content: 'Hello' },
  run: async () => ({ result: null }),
};

const search: Tool = {
  name: 'search',
  description: 'Searches the notes.',
  parameters: {
    query: { type: 'string', description: 'Words to find' },
    limit: { type: 'integer', description: 'How many' },
    order: { type: 'string', description: 'Sort order', enum: ['newest', 'oldest'] },
  },
  required: ['query'],
  example: { query: 'holiday', limit: 3 },
  run: async () => ({ result: [] }),
};

const getTime = getTimeTool();

const lines = (section: string) => section.split('\n');
const toolLines = (section: string) => lines(section).filter((line) => line.startsWith('- '));

describe('toolsPromptSection', () => {
  it('is empty without tools', () => {
    expect(toolsPromptSection([])).toBe('');
  });

  it('starts with a heading and the call format', () => {
    const section = toolsPromptSection([getTime]);
    expect(lines(section)[0]).toBe('## Tools');
    expect(section).toContain('<tool_call>{"name": "<tool>", "arguments": {…}}</tool_call>');
  });

  it('lists the tools in the given order', () => {
    expect(toolLines(toolsPromptSection([search, getTime, writeFile])).map((l) => l.split('(')[0])).toEqual([
      '- search',
      '- get_time',
      '- write_file',
    ]);
    expect(toolLines(toolsPromptSection([writeFile, search])).map((l) => l.split('(')[0])).toEqual([
      '- write_file',
      '- search',
    ]);
  });

  it('shows each tool with its signature and description', () => {
    const section = toolsPromptSection([writeFile, getTime]);
    expect(toolLines(section)[0]).toMatch(/^- write_file\(path: string, content: string\): Writes a text file\./);
    expect(toolLines(section)[1]).toBe('- get_time(): Gets the current date, time and time zone of the user.');
  });

  it('marks optional parameters with ? and shows enums as a union of strings', () => {
    expect(toolLines(toolsPromptSection([search]))[0]).toBe(
      '- search(query: string, limit?: integer, order?: "newest" | "oldest"): Searches the notes.',
    );
  });

  it('says which tools are risky and that the user is asked first', () => {
    const [risky, safe] = toolLines(toolsPromptSection([writeFile, search]));
    expect(risky).toMatch(/writes files/);
    expect(risky).toMatch(/the user is asked/);
    expect(safe).not.toMatch(/asked/);
  });

  it('gives one example call, of the first tool, that parses back to that tool', () => {
    const section = toolsPromptSection([writeFile, search]);
    const examples = lines(section).filter((line) => line.startsWith('Example:'));
    expect(examples).toHaveLength(1);
    const { calls } = parseToolCalls(examples[0]);
    expect(calls).toEqual([
      {
        name: 'write_file',
        arguments: { path: 'notes.txt', content: 'Hello' },
        raw: '{"name":"write_file","arguments":{"path":"notes.txt","content":"Hello"}}',
      },
    ]);
  });

  it('explains that results come back as JSON', () => {
    expect(toolsPromptSection([getTime])).toMatch(/result.*JSON/i);
  });

  it('never spells out the result tag, so its first appearance in a prompt is a real result', () => {
    for (const tools of [[getTime], [writeFile, search, getTime]]) {
      const section = toolsPromptSection(tools);
      expect(section).not.toContain('<tool_result>');
      expect(section).not.toContain('</tool_result>');
    }
  });
});
