import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_GENERATION,
  type ChatTurn,
  type GenerationResult,
  type ToolSchema,
  type ToolSupport,
} from '../../shared/model-types.ts';
import { chatToolRounds, type ChatToolHooks } from './chat-tools.ts';
import { AppDB } from '../../db/app-db.ts';
import type { StoredMessage } from '../../db/messages.ts';
import { toolUsesOf } from '../../db/tool-uses.ts';
import { getTimeTool } from '../tools/builtins/get-time.ts';
import { ToolRegistry, toolSchema, type Tool } from '../tools/registry.ts';
import { Toolbox } from '../tools/toolbox.svelte.ts';
import { ToolPreferences } from '../tools/tool-preferences.svelte.ts';
import { runTurn, type ModelPort, type ToolRounds, type TurnDeps, type TurnLog } from './turn.ts';

const MODEL = 'fake/model';
const GET_TIME_CALL = '<tool_call>{"name": "get_time", "arguments": {}}</tool_call>';

type Reply = Partial<GenerationResult> & { text: string };

interface GenerateCall {
  turns: ChatTurn[];
  onText: (text: string) => void;
  tools: ToolSchema[] | undefined;
}

/** A model that gives the scripted replies in order (the last one again once they run out). */
function scriptedModel(replies: Reply[]): ModelPort & { calls: GenerateCall[] } {
  const calls: GenerateCall[] = [];
  const count = (turn: ChatTurn) => turn.content.split(' ').length + 2;
  return {
    modelId: MODEL,
    contextLength: 4096,
    calls,
    async promptTokens(turns) {
      return turns.reduce((n, t) => n + count(t), 0);
    },
    async turnTokens(turn) {
      return count(turn);
    },
    async generate(turns, _settings, onText, tools): Promise<GenerationResult> {
      calls.push({ turns: turns.map((t) => ({ ...t })), onText, tools });
      const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
      onText(reply.text);
      return {
        prompt: turns.map((t) => `${t.role}: ${t.content}`).join('\n'),
        promptTokens: await this.promptTokens(turns),
        tokens: reply.text.split(' ').length,
        finishReason: 'eos',
        timeToFirstTokenMs: 5,
        totalMs: 20,
        tokensPerSecond: 100,
        ...reply,
      };
    },
  };
}

function fakeLog(): TurnLog & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, debug: at('DEBUG'), info: at('INFO'), ok: at('OK'), warn: at('WARN'), error: at('ERROR') };
}

const SCHEMAS: ToolSchema[] = [
  {
    type: 'function',
    function: {
      name: 'get_time',
      description: 'Gets the time.',
      parameters: { type: 'object', properties: {}, required: [] },
    },
  },
];

/** ToolRounds that answer each round with the scripted tool turns ([] once they run out). */
function fakeRounds(rounds: ChatTurn[][], options: { stopAfterRun?: boolean } = {}) {
  const runs: { reply: GenerationResult; round: number }[] = [];
  const nextReplies: { previous: GenerationResult; streamed: string[] }[] = [];
  let stopped = false;
  const tools: ToolRounds = {
    maxRounds: 3,
    schemas: () => SCHEMAS,
    async run(reply, round) {
      runs.push({ reply, round });
      if (options.stopAfterRun) stopped = true;
      return rounds[round - 1] ?? [];
    },
    stopped: () => stopped,
    async nextReply(previous) {
      const streamed: string[] = [];
      nextReplies.push({ previous, streamed });
      return (text) => void streamed.push(text);
    },
  };
  return { tools, runs, nextReplies };
}

function deps(model: ModelPort, log: TurnLog, changes: Partial<TurnDeps> = {}): TurnDeps {
  return {
    model,
    log,
    personality: () => 'You are Ada.',
    providers: [],
    processors: [],
    settings: DEFAULT_GENERATION,
    ...changes,
  };
}

const input = { userMessage: 'What time is it?', modelId: MODEL };
const PROMPT: ChatTurn[] = [
  { role: 'system', content: 'You are Ada.' },
  { role: 'user', content: 'What time is it?' },
];
const RESULT = '{"tool":"get_time","success":true,"result":"noon"}';

describe('runTurn with tools', () => {
  it('gives the tool results back to the model after its reply', async () => {
    const model = scriptedModel([{ text: `Let me check. ${GET_TIME_CALL}` }, { text: 'It is noon.' }]);
    const { tools } = fakeRounds([[{ role: 'tool', content: RESULT }]]);
    const turn = await runTurn(deps(model, fakeLog(), { tools }), input, [], () => undefined);
    expect(model.calls).toHaveLength(2);
    expect(model.calls[0].turns).toEqual(PROMPT);
    expect(model.calls[1].turns).toEqual([
      ...PROMPT,
      { role: 'assistant', content: `Let me check. ${GET_TIME_CALL}` },
      { role: 'tool', content: RESULT },
    ]);
    expect(turn.result.text).toBe('It is noon.');
  });

  it('passes every tool turn of a round, in order', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }, { text: 'Done.' }]);
    const results: ChatTurn[] = [
      { role: 'tool', content: 'first' },
      { role: 'tool', content: 'second' },
    ];
    const log = fakeLog();
    await runTurn(deps(model, log, { tools: fakeRounds([results]).tools }), input, [], () => undefined);
    expect(model.calls[1].turns.slice(-2)).toEqual(results);
    expect(log.lines).toContain('INFO Giving 2 tool result(s) back to the model (round 1 of at most 3)');
  });

  it('streams the first reply to onText and the next one where nextReply says', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }, { text: 'It is noon.' }]);
    const { tools, nextReplies } = fakeRounds([[{ role: 'tool', content: RESULT }]]);
    const first: string[] = [];
    await runTurn(deps(model, fakeLog(), { tools }), input, [], (text) => void first.push(text));
    expect(first).toEqual([GET_TIME_CALL]);
    expect(nextReplies).toHaveLength(1);
    expect(nextReplies[0].previous.text).toBe(GET_TIME_CALL);
    expect(nextReplies[0].streamed).toEqual(['It is noon.']);
  });

  it('runs the tools of each reply with the round number, until a reply has none', async () => {
    const model = scriptedModel([{ text: 'call 1' }, { text: 'call 2' }, { text: 'Final answer.' }]);
    const { tools, runs } = fakeRounds([[{ role: 'tool', content: 'r1' }], [{ role: 'tool', content: 'r2' }]]);
    const turn = await runTurn(deps(model, fakeLog(), { tools }), input, [], () => undefined);
    expect(runs.map(({ reply, round }) => [reply.text, round])).toEqual([
      ['call 1', 1],
      ['call 2', 2],
      ['Final answer.', 3],
    ]);
    expect(model.calls).toHaveLength(3);
    expect(model.calls[2].turns).toEqual([
      ...PROMPT,
      { role: 'assistant', content: 'call 1' },
      { role: 'tool', content: 'r1' },
      { role: 'assistant', content: 'call 2' },
      { role: 'tool', content: 'r2' },
    ]);
    expect(turn.result.text).toBe('Final answer.');
  });

  it('generates once when the reply calls no tools', async () => {
    const model = scriptedModel([{ text: 'Hello!' }]);
    const { tools, runs, nextReplies } = fakeRounds([]);
    const log = fakeLog();
    const turn = await runTurn(deps(model, log, { tools }), input, [], () => undefined);
    expect(model.calls).toHaveLength(1);
    expect(runs).toHaveLength(1);
    expect(nextReplies).toEqual([]);
    expect(turn.result.text).toBe('Hello!');
    expect(log.lines.some((line) => line.includes('tool result(s)'))).toBe(false);
  });

  it('stops after the tools when Stop was pressed while they ran', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }, { text: 'never' }]);
    const { tools, runs, nextReplies } = fakeRounds([[{ role: 'tool', content: RESULT }]], { stopAfterRun: true });
    const turn = await runTurn(deps(model, fakeLog(), { tools }), input, [], () => undefined);
    expect(runs).toHaveLength(1);
    expect(model.calls).toHaveLength(1);
    expect(nextReplies).toEqual([]);
    expect(turn.result.text).toBe(GET_TIME_CALL);
  });

  it('runs no tools from a reply the user stopped', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL, finishReason: 'stopped' }]);
    const { tools, runs } = fakeRounds([[{ role: 'tool', content: RESULT }]]);
    const log = fakeLog();
    const turn = await runTurn(deps(model, log, { tools }), input, [], () => undefined);
    expect(runs).toEqual([]);
    expect(model.calls).toHaveLength(1);
    expect(turn.result.finishReason).toBe('stopped');
    expect(log.lines).toContain('WARN Stopped by the user; the reply so far is kept');
  });

  it('stops the loop when a later reply is stopped', async () => {
    const model = scriptedModel([{ text: 'call 1' }, { text: 'call 2', finishReason: 'stopped' }]);
    const { tools, runs } = fakeRounds([[{ role: 'tool', content: 'r1' }], [{ role: 'tool', content: 'r2' }]]);
    const turn = await runTurn(deps(model, fakeLog(), { tools }), input, [], () => undefined);
    expect(runs.map((r) => r.round)).toEqual([1]);
    expect(model.calls).toHaveLength(2);
    expect(turn.result.text).toBe('call 2');
  });

  it('hands the final reply to the processors, once', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }, { text: 'It is noon.' }]);
    const { tools } = fakeRounds([[{ role: 'tool', content: RESULT }]]);
    const processed: string[] = [];
    await runTurn(
      deps(model, fakeLog(), {
        tools,
        processors: [{ name: 'save', process: ({ result }) => void processed.push(result.text) }],
      }),
      input,
      [],
      () => undefined,
    );
    expect(processed).toEqual(['It is noon.']);
  });

  it('gives the tool schemas to every generation', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }, { text: 'It is noon.' }]);
    const { tools } = fakeRounds([[{ role: 'tool', content: RESULT }]]);
    await runTurn(deps(model, fakeLog(), { tools }), input, [], () => undefined);
    expect(model.calls.map((c) => c.tools)).toEqual([SCHEMAS, SCHEMAS]);
  });

  it('gives no schemas and runs no tools without tool rounds', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }, { text: 'never' }]);
    const turn = await runTurn(deps(model, fakeLog()), input, [], () => undefined);
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0].tools).toBeUndefined();
    expect(turn.result.text).toBe(GET_TIME_CALL);
  });

  it('logs each round it gives results back, with the limit', async () => {
    const model = scriptedModel([{ text: 'call 1' }, { text: 'call 2' }, { text: 'Done.' }]);
    const { tools } = fakeRounds([[{ role: 'tool', content: 'r1' }], [{ role: 'tool', content: 'r2' }]]);
    const log = fakeLog();
    await runTurn(deps(model, log, { tools }), input, [], () => undefined);
    expect(log.lines.filter((line) => line.includes('back to the model'))).toEqual([
      'INFO Giving 1 tool result(s) back to the model (round 1 of at most 3)',
      'INFO Giving 1 tool result(s) back to the model (round 2 of at most 3)',
    ]);
    expect(log.lines.filter((line) => line.startsWith('INFO Running inference'))).toHaveLength(3);
  });
});

describe('runTurn with chatToolRounds', () => {
  let db: AppDB;

  beforeEach(() => {
    db = new AppDB(`test-${crypto.randomUUID()}`);
  });

  afterEach(async () => {
    await db.delete();
  });

  /** A real Toolbox over a fake-indexeddb database, and chat hooks that keep the tool messages. */
  async function chat(options: {
    tools: Tool[];
    maxRounds: number;
    support?: ToolSupport;
    controller?: AbortController;
  }) {
    const preferences = new ToolPreferences(db);
    await preferences.restore();
    await preferences.setMaxRounds(options.maxRounds);
    const support: ToolSupport = options.support ?? { definitions: 'system-prompt', results: 'tag' };
    const toolbox = new Toolbox(db, new ToolRegistry(options.tools), preferences, () => ({
      tools: support,
      contextLength: 4096,
    }));
    await toolbox.use(MODEL);
    const messages: StoredMessage[] = [];
    const saved: { id: number; changes: Partial<StoredMessage> }[] = [];
    const streamed: string[][] = [];
    const hooks: ChatToolHooks = {
      async addToolMessage(tool) {
        const message: StoredMessage = {
          id: messages.length + 1,
          conversationId: 1,
          role: 'tool',
          text: '',
          createdAt: 0,
          modelId: MODEL,
          status: 'streaming',
          tool,
        };
        messages.push(message);
        return message;
      },
      async saveMessage(id, changes) {
        saved.push({ id, changes });
      },
      async nextReply() {
        const pieces: string[] = [];
        streamed.push(pieces);
        return (text) => void pieces.push(text);
      },
    };
    const log = fakeLog();
    const controller = options.controller ?? new AbortController();
    const rounds = chatToolRounds(toolbox, MODEL, log, controller.signal, hooks);
    return { rounds, log, messages, saved, streamed };
  }

  const clock = getTimeTool(() => new Date('2026-01-02T03:04:05Z'));

  it('runs exactly maxRounds rounds of tools and leaves the calls of the reply after them', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }]);
    const { rounds, log, messages, streamed } = await chat({ tools: [clock], maxRounds: 2 });
    const turn = await runTurn(deps(model, log, { tools: rounds }), input, [], () => undefined);
    expect(rounds.maxRounds).toBe(2);
    expect(model.calls).toHaveLength(3);
    expect(messages).toHaveLength(2);
    expect(streamed).toHaveLength(2);
    expect(model.calls[2].turns.filter((t) => t.role === 'tool')).toHaveLength(2);
    expect(log.lines.filter((line) => line === 'INFO Detected 1 tool call(s)')).toHaveLength(3);
    expect(log.lines).toContain('WARN Tool round limit reached (2): the calls are not run (Settings → Tools)');
    expect(log.lines).toContain('INFO Giving 1 tool result(s) back to the model (round 2 of at most 2)');
    expect(turn.result.text).toBe(GET_TIME_CALL);
  });

  it('gives the model the tool result as JSON and shows it in a saved tool message', async () => {
    const model = scriptedModel([{ text: `One moment. ${GET_TIME_CALL}` }, { text: 'It is 3 am.' }]);
    const { rounds, log, messages, saved } = await chat({ tools: [clock], maxRounds: 5 });
    await runTurn(deps(model, log, { tools: rounds }), input, [], () => undefined);
    const toolTurn = model.calls[1].turns.at(-1);
    expect(toolTurn?.role).toBe('tool');
    expect(JSON.parse(toolTurn?.content ?? '')).toMatchObject({
      tool: 'get_time',
      success: true,
      result: { iso: '2026-01-02T03:04:05.000Z' },
    });
    expect(messages).toEqual([
      expect.objectContaining({
        text: toolTurn?.content,
        status: 'done',
        tool: expect.objectContaining({ name: 'get_time', arguments: {}, success: true }),
      }),
    ]);
    expect(saved).toEqual([{ id: 1, changes: expect.objectContaining({ text: toolTurn?.content, status: 'done' }) }]);
  });

  it('records each call in the usage statistics of the model', async () => {
    const model = scriptedModel([{ text: GET_TIME_CALL }]);
    const { rounds, log } = await chat({ tools: [clock], maxRounds: 2 });
    await runTurn(deps(model, log, { tools: rounds }), input, [], () => undefined);
    expect(await toolUsesOf(db, MODEL)).toEqual([
      expect.objectContaining({ tool: 'get_time', calls: 2, successes: 2, failures: 0 }),
    ]);
  });

  it('passes the schemas of the toolbox when the template takes tools', async () => {
    const model = scriptedModel([{ text: 'Hello!' }]);
    const { rounds, log } = await chat({
      tools: [clock],
      maxRounds: 5,
      support: { definitions: 'template', results: 'tool-role' },
    });
    await runTurn(deps(model, log, { tools: rounds }), input, [], () => undefined);
    expect(model.calls[0].tools).toEqual([toolSchema(clock)]);
  });

  it('ends the turn when Stop is pressed while a tool runs', async () => {
    const controller = new AbortController();
    const stopper: Tool = {
      name: 'stopper',
      description: 'Presses Stop.',
      parameters: {},
      example: {},
      async run() {
        controller.abort();
        return { result: 'pressed' };
      },
    };
    const model = scriptedModel([{ text: '<tool_call>{"name": "stopper", "arguments": {}}</tool_call>' }]);
    const { rounds, log, streamed } = await chat({ tools: [stopper], maxRounds: 5, controller });
    await runTurn(deps(model, log, { tools: rounds }), input, [], () => undefined);
    expect(model.calls).toHaveLength(1);
    expect(streamed).toEqual([]);
  });
});
