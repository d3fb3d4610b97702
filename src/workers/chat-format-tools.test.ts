import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../shared/model-types.ts';
import { detectToolSupport, shapeToolTurns, TOOL_RESULT_CLOSE, TOOL_RESULT_OPEN } from './chat-format.ts';

/** The parts of Qwen2.5-Instruct's chat template that deal with tools. */
const QWEN25_TEMPLATE = `{%- if tools %}
    {{- '<|im_start|>system\\n' }}
    {{- "\\n\\n# Tools\\n\\nYou may call one or more functions to assist with the user query.\\n\\n<tools>" }}
    {%- for tool in tools %}
        {{- "\\n" }}
        {{- tool | tojson }}
    {%- endfor %}
    {{- "\\n</tools>" }}
{%- endif %}
{%- for message in messages %}
    {%- if (message.role == "user") or (message.role == "system" and not loop.first) %}
        {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}
    {%- elif message.role == "tool" %}
        {%- if (loop.index0 == 0) or (messages[loop.index0 - 1].role != "tool") %}
            {{- '<|im_start|>user' }}
        {%- endif %}
        {{- '\\n<tool_response>\\n' }}
        {{- message.content }}
        {{- '\\n</tool_response>' }}
    {%- endif %}
{%- endfor %}`;

/** A plain ChatML template (SmolLM2, TinyLlama chat…): no tools, no tool role. */
const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

describe('detectToolSupport', () => {
  it('gives tools to a Qwen2.5-like template and returns results in the tool role', () => {
    expect(detectToolSupport(QWEN25_TEMPLATE)).toEqual({ definitions: 'template', results: 'tool-role' });
  });

  it('describes tools in the system prompt and tags results for a plain ChatML template', () => {
    expect(detectToolSupport(CHATML_TEMPLATE)).toEqual({ definitions: 'system-prompt', results: 'tag' });
  });

  it('falls back to the system prompt and tags without a template', () => {
    expect(detectToolSupport(undefined)).toEqual({ definitions: 'system-prompt', results: 'tag' });
    expect(detectToolSupport('')).toEqual({ definitions: 'system-prompt', results: 'tag' });
  });

  it('tells definitions and the tool role apart', () => {
    expect(detectToolSupport('{% if tools %}{{ tools | tojson }}{% endif %}')).toEqual({
      definitions: 'template',
      results: 'tag',
    });
    expect(detectToolSupport("{% if message.role == 'tool' %}{{ message.content }}{% endif %}")).toEqual({
      definitions: 'system-prompt',
      results: 'tool-role',
    });
  });

  it('does not take words that merely contain "tools" for tool definitions', () => {
    expect(detectToolSupport('{{ toolset }} {{ my_tools_list }}').definitions).toBe('system-prompt');
  });

  // Limitation: only `role == "tool"` is recognised, so a template written with subscripts
  // (`message['role'] == 'tool'`, as CHATML_TEMPLATE writes its roles) falls back to <tool_result> tags.
  it('recognises the tool role written with a subscript', () => {
    expect(detectToolSupport("{% if message['role'] == 'tool' %}{{ message['content'] }}{% endif %}").results).toBe(
      'tool-role',
    );
  });
});

const block = (content: string) => `${TOOL_RESULT_OPEN}${content}${TOOL_RESULT_CLOSE}`;
const clone = (turns: ChatTurn[]): ChatTurn[] => turns.map((turn) => ({ ...turn }));

describe('shapeToolTurns', () => {
  const conversation: ChatTurn[] = [
    { role: 'system', content: 'You are Ada.' },
    { role: 'user', content: 'What time is it?' },
    { role: 'assistant', content: '<tool_call>{"name": "get_time", "arguments": {}}</tool_call>' },
    { role: 'tool', content: '{"tool":"get_time","success":true,"result":"noon"}' },
  ];

  it('keeps tool turns for templates with a tool role', () => {
    expect(shapeToolTurns(conversation, 'tool-role')).toEqual(conversation);
  });

  it('turns a tool turn into a user turn of <tool_result> text', () => {
    expect(shapeToolTurns(conversation, 'tag')).toEqual([
      ...conversation.slice(0, 3),
      { role: 'user', content: '<tool_result>{"tool":"get_time","success":true,"result":"noon"}</tool_result>' },
    ]);
  });

  it("merges one round's tool turns into one user turn, a result a line", () => {
    const shaped = shapeToolTurns(
      [
        { role: 'assistant', content: 'calls' },
        { role: 'tool', content: 'a' },
        { role: 'tool', content: 'b' },
        { role: 'tool', content: 'c' },
      ],
      'tag',
    );
    expect(shaped).toEqual([
      { role: 'assistant', content: 'calls' },
      { role: 'user', content: `${block('a')}\n${block('b')}\n${block('c')}` },
    ]);
  });

  it('keeps the results of different rounds in separate user turns', () => {
    const shaped = shapeToolTurns(
      [
        { role: 'user', content: 'Go' },
        { role: 'assistant', content: 'first call' },
        { role: 'tool', content: 'a' },
        { role: 'assistant', content: 'second call' },
        { role: 'tool', content: 'b' },
      ],
      'tag',
    );
    expect(shaped).toEqual([
      { role: 'user', content: 'Go' },
      { role: 'assistant', content: 'first call' },
      { role: 'user', content: block('a') },
      { role: 'assistant', content: 'second call' },
      { role: 'user', content: block('b') },
    ]);
  });

  it('does not merge a tool result into an ordinary user message before it', () => {
    const shaped = shapeToolTurns(
      [
        { role: 'user', content: 'What time is it?' },
        { role: 'tool', content: 'a' },
      ],
      'tag',
    );
    expect(shaped).toEqual([
      { role: 'user', content: 'What time is it?' },
      { role: 'user', content: block('a') },
    ]);
  });

  it('leaves turns without tool results as they are', () => {
    const turns: ChatTurn[] = conversation.slice(0, 3);
    const shaped = shapeToolTurns(turns, 'tag');
    expect(shaped).toEqual(turns);
    shaped.forEach((turn, i) => expect(turn).toBe(turns[i]));
  });

  it('does not change the turns it is given', () => {
    const turns: ChatTurn[] = [
      ...conversation,
      { role: 'tool', content: 'second result' },
      { role: 'assistant', content: 'It is noon.' },
    ];
    const before = clone(turns);
    const original = [...turns];
    shapeToolTurns(turns, 'tag');
    expect(turns).toEqual(before);
    turns.forEach((turn, i) => expect(turn).toBe(original[i]));
  });

  it('does not change a user turn of the input that starts with <tool_result>', () => {
    const turns: ChatTurn[] = [
      { role: 'user', content: block('typed by the user') },
      { role: 'tool', content: 'b' },
    ];
    const before = clone(turns);
    shapeToolTurns(turns, 'tag');
    expect(turns).toEqual(before);
  });
});
