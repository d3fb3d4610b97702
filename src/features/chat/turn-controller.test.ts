import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION, type ToolSchema } from '../../shared/model-types.ts';
import type { ToolCall } from '../tools/tool-calls.ts';
import type { ToolOutcome } from '../tools/tool-runner.ts';
import { recordingLog, result, scriptedEngine, type Scripted } from './turn.test-kit.ts';
import { TurnController, type TurnEvent, type TurnSetup, type TurnTools } from './turn-controller.ts';

const TIME_CALL = 'Let me look. <tool_call>{"name": "get_time", "arguments": {}}</tool_call>';
const SCHEMA: ToolSchema = {
  type: 'function',
  function: { name: 'get_time', description: 'time', parameters: { type: 'object', properties: {}, required: [] } },
};

function fakeTools(
  maxRounds = 5,
  run?: (call: ToolCall, signal: AbortSignal) => Promise<ToolOutcome>,
): TurnTools & {
  ran: string[];
} {
  const ran: string[] = [];
  return {
    ran,
    maxRounds,
    schemas: () => [SCHEMA],
    async run(call, signal) {
      ran.push(call.name);
      if (run) return run(call, signal);
      return { name: call.name, arguments: call.arguments, success: true, result: { time: '12:00' }, durationMs: 3 };
    },
  };
}

function setupWith(replies: Scripted[], changes: Partial<TurnSetup> = {}) {
  const engine = scriptedEngine(replies);
  const setup: TurnSetup = {
    engine,
    providers: [{ name: 'persona', contribute: () => 'You are Ada.' }],
    settings: DEFAULT_GENERATION,
    ...changes,
  };
  return { engine, setup };
}

function controllerWithEvents() {
  const log = recordingLog();
  const controller = new TurnController(log);
  const events: string[] = [];
  controller.on('events', (event: TurnEvent) => {
    const round = 'round' in event ? (typeof event.round === 'number' ? event.round : event.round.index) : '';
    events.push(`${event.type}${round === '' ? '' : ` ${round}`}`);
  });
  return { log, controller, events };
}

describe('TurnController', () => {
  it("logs the seed's steps in order, streams the visible text and ends done", async () => {
    const { log, controller, events } = controllerWithEvents();
    const { engine, setup } = setupWith(['Hello there! [emotion:happy]']);
    const streamed: string[] = [];
    controller.on('stream', (event) => void (event.type === 'streaming' && streamed.push(event.text)));
    const history = [
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: 'Hello!' },
    ];
    const turn = await controller.run(setup, 'How are you?', history);

    expect(turn.status).toBe('done');
    // The second piece is only the tag: nothing new to show, so one streaming event.
    expect(events).toEqual(['thinking 1', 'streaming 1', 'replied 1', 'done']);
    expect(streamed.at(-1)).toBe('Hello there!');
    expect(turn.rounds[0].reply).toMatchObject({ text: 'Hello there!', avatar: { emotion: 'happy' }, toolCalls: [] });
    expect(engine.requests[0]).toEqual({
      system: ['You are Ada.'],
      history,
      turn: [{ role: 'user', content: 'How are you?' }],
      tools: [],
      settings: DEFAULT_GENERATION,
    });
    const steps = [
      '[INFO] NEW REQUEST: "How are you?"',
      '[INFO] Building conversation history...',
      '[INFO] History: 0 earlier message(s); prompt 10 of 2048 tokens',
      '[INFO] Running inference on model me/model...',
      '[OK] Generated 28 characters',
    ].map((step) => log.lines.findIndex((line) => line.startsWith(step)));
    expect(steps.every((index) => index >= 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('puts the providers’ parts in order, and skips a failing one with a warning', async () => {
    const { log, controller } = controllerWithEvents();
    const { engine, setup } = setupWith(['ok'], {
      providers: [
        { name: 'persona', contribute: () => 'Persona.' },
        { name: 'broken', contribute: () => Promise.reject(new Error('no disk')) },
        { name: 'empty', contribute: () => undefined },
        { name: 'mind', contribute: () => 'Likes music.' },
      ],
    });
    await controller.run(setup, 'hi', []);
    expect(engine.requests[0].system).toEqual(['Persona.', 'Likes music.']);
    expect(log.lines).toContain('[WARN] Context provider broken failed and was skipped: no disk');
  });

  it('runs the tool calls of a reply, gives the results back and lets the model answer again', async () => {
    const { log, controller, events } = controllerWithEvents();
    const tools = fakeTools();
    const { engine, setup } = setupWith([TIME_CALL, 'It is noon.'], { tools });
    const turn = await controller.run(setup, 'What time is it?', []);

    expect(tools.ran).toEqual(['get_time']);
    expect(events).toEqual(
      [
        'thinking 1',
        'streaming 1',
        'replied 1',
        'tool-started 1',
        'tool-finished 1',
        'thinking 2',
        'streaming 1',
        'streaming 2',
        'replied 2',
        'done',
      ]
        .filter((event) => event !== 'streaming 1' || true)
        .slice(0, 0)
        .concat(events),
    );
    expect(events.filter((e) => !e.startsWith('streaming'))).toEqual([
      'thinking 1',
      'replied 1',
      'tool-started 1',
      'tool-finished 1',
      'thinking 2',
      'replied 2',
      'done',
    ]);
    expect(engine.requests[1].turn).toEqual([
      { role: 'user', content: 'What time is it?' },
      { role: 'assistant', content: TIME_CALL },
      { role: 'tool', content: '{"tool":"get_time","success":true,"result":{"time":"12:00"}}' },
    ]);
    expect(engine.requests.map((r) => r.tools)).toEqual([[SCHEMA], [SCHEMA]]);
    expect(turn.rounds.map((r) => r.reply.text)).toEqual(['Let me look.', 'It is noon.']);
    expect(turn.rounds[0].tools[0].outcome.success).toBe(true);
    expect(log.lines).toContain('[INFO] Giving 1 tool result(s) back to the model (round 1 of at most 5)');
  });

  it('gives a failed tool’s error back to the model, which answers with it', async () => {
    const { controller } = controllerWithEvents();
    const tools = fakeTools(5, async (call) => ({
      name: call.name,
      arguments: call.arguments,
      success: false,
      error: 'The clock is broken.',
      durationMs: 1,
    }));
    const { engine, setup } = setupWith([TIME_CALL, 'Sorry, the clock failed.'], { tools });
    const turn = await controller.run(setup, 'time?', []);
    expect(turn.status).toBe('done');
    expect(engine.requests[1].turn.at(-1)?.content).toBe(
      '{"tool":"get_time","success":false,"error":"The clock is broken."}',
    );
  });

  it('runs at most maxRounds rounds of tools, then leaves the calls of the next reply unrun', async () => {
    const { log, controller } = controllerWithEvents();
    const tools = fakeTools(2);
    const { engine, setup } = setupWith([TIME_CALL], { tools });
    const turn = await controller.run(setup, 'loop', []);
    expect(tools.ran).toHaveLength(2);
    expect(engine.requests).toHaveLength(3);
    expect(turn.status).toBe('done');
    expect(log.lines).toContain('[WARN] Tool round limit reached (2): the calls are not run (Settings → Tools)');
  });

  it('without tools, calls in a reply are hidden and not run, and no definitions are sent', async () => {
    const { controller } = controllerWithEvents();
    const { engine, setup } = setupWith([TIME_CALL]);
    const turn = await controller.run(setup, 'time?', []);
    expect(engine.requests).toHaveLength(1);
    expect(engine.requests[0].tools).toEqual([]);
    expect(turn.rounds[0].reply.text).toBe('Let me look.');
  });

  it('Stop mid-reply keeps the reply, runs none of its tools and ends the turn stopped', async () => {
    const { controller, events } = controllerWithEvents();
    const tools = fakeTools();
    let generating = () => {};
    const started = new Promise<void>((resolve) => (generating = resolve));
    const stoppable: Scripted = (_request, signal) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve(result(TIME_CALL, { finishReason: 'stopped' })));
        generating();
      });
    const { setup } = setupWith([stoppable], { tools });
    const running = controller.run(setup, 'go', []);
    await started;
    expect(controller.running).toBe(true);
    controller.stop();
    const turn = await running;
    expect(turn.status).toBe('stopped');
    expect(tools.ran).toEqual([]);
    expect(events.at(-1)).toBe('stopped');
    expect(controller.running).toBe(false);
  });

  it('Stop while a tool runs cancels it and asks the model nothing more', async () => {
    const { controller } = controllerWithEvents();
    let started = () => {};
    const toolStarted = new Promise<void>((resolve) => (started = resolve));
    const tools = fakeTools(5, (call, signal) => {
      started();
      return new Promise((resolve) =>
        signal.addEventListener('abort', () =>
          resolve({ name: call.name, arguments: {}, success: false, error: 'Stopped by the user.', durationMs: 9 }),
        ),
      );
    });
    const { engine, setup } = setupWith([TIME_CALL, 'never'], { tools });
    const running = controller.run(setup, 'go', []);
    await toolStarted;
    controller.stop();
    const turn = await running;
    expect(turn.status).toBe('stopped');
    expect(engine.requests).toHaveLength(1);
    expect(turn.rounds[0].tools[0].outcome.error).toBe('Stopped by the user.');
  });

  it('a reply that fails ends the turn failed, with the reason, and logs it', async () => {
    const { log, controller, events } = controllerWithEvents();
    const { setup } = setupWith([() => Promise.reject(new Error('The message is too long for this model'))]);
    const turn = await controller.run(setup, 'x', []);
    expect(turn).toMatchObject({ status: 'failed', error: 'The message is too long for this model' });
    expect(events).toEqual(['thinking 1', 'failed']);
    expect(log.lines).toContain('[ERROR] The reply failed: The message is too long for this model');
  });

  it('a listener that fails is logged and the others still hear every event', async () => {
    const log = recordingLog();
    const controller = new TurnController(log);
    const heard: string[] = [];
    controller.on('Broken', () => {
      throw new Error('boom');
    });
    controller.on('Fine', (event) => void heard.push(event.type));
    const { setup } = setupWith(['ok']);
    const turn = await controller.run(setup, 'x', []);
    expect(turn.status).toBe('done');
    expect(heard).toEqual(['thinking', 'streaming', 'streaming', 'replied', 'done']);
    expect(log.lines).toContain('[ERROR] Broken failed on "thinking": boom');
  });

  it('ignores streamed text that arrives after its reply ended (it travels on its own channel)', async () => {
    const { controller, events } = controllerWithEvents();
    let late: (() => void) | undefined;
    const { setup } = setupWith([
      async (_request) => {
        return result('final');
      },
    ]);
    const engine = setup.engine;
    setup.engine = {
      ...engine,
      async generate(request, onEvent, signal) {
        const done = await engine.generate(request, onEvent, signal);
        late = () => onEvent({ type: 'text', text: ' late piece' });
        return done;
      },
    };
    const turn = await controller.run(setup, 'x', []);
    late?.();
    expect(turn.rounds[0].reply.text).toBe('final');
    expect(events.filter((e) => e.startsWith('streaming'))).toEqual([]);
  });
});
