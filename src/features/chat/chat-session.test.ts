// The chat as a whole, without a browser: a real TurnController and ChatSession on fake-indexeddb, with a
// scripted engine. What is asserted is what a person would find saved and shown.
import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../db/app-db.ts';
import { messagesOf } from '../../db/messages.ts';
import { DEFAULT_GENERATION } from '../../shared/model-types.ts';
import { ChatSession } from './chat-session.svelte.ts';
import { recordingLog, result, scriptedEngine, type Scripted } from './turn.test-kit.ts';
import { TurnController, type TurnSetup, type TurnTools } from './turn-controller.ts';

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

const TIME_CALL = 'On it. <tool_call>{"name": "get_time", "arguments": {}}</tool_call>';

function chatWith(replies: Scripted[], tools?: TurnTools) {
  const engine = scriptedEngine(replies);
  const controller = new TurnController(recordingLog());
  const setup = (): TurnSetup => ({ engine, providers: [], settings: DEFAULT_GENERATION, tools });
  const chat = new ChatSession(db, controller, { setup, personaId: () => 'builtin-assistant' });
  // A learner, as the mind is: what the turn was about ends up on the reply.
  controller.on('topics', (event) => void (event.type === 'done' && event.turn.topics.push('time', 'time')));
  return { chat, engine, controller };
}

const saved = async (chat: ChatSession) => messagesOf(db, chat.conversation?.id ?? -1);

describe('ChatSession with a TurnController', () => {
  it('saves the message and the finished reply, with its speed, prompt and topics, and shows the same', async () => {
    const { chat } = chatWith(['Hello! [emotion:happy]']);
    await chat.send('  Hi there  ');
    const rows = await saved(chat);
    expect(rows.map((m) => [m.role, m.text, m.status])).toEqual([
      ['user', 'Hi there', 'done'],
      ['assistant', 'Hello!', 'done'],
    ]);
    expect(rows[1]).toMatchObject({
      stats: { tokens: 2, tokensPerSecond: 50 },
      prompt: { tokens: 10 },
      topics: ['time'],
    });
    expect(chat.messages.map((m) => m.text)).toEqual(['Hi there', 'Hello!']);
    expect(chat.conversation?.title).toBe('Hi there');
    expect(chat.busy).toBe(false);
  });

  it('sends the earlier conversation as history, oldest first', async () => {
    const { chat, engine } = chatWith(['One.', 'Two.']);
    await chat.send('first');
    await chat.send('second');
    expect(engine.requests[1].history).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'One.' },
    ]);
  });

  it('saves each round of a tool turn: the reply, the tool message with its result, the next reply', async () => {
    const tools: TurnTools = {
      maxRounds: 5,
      schemas: () => [],
      run: async (call) => ({
        name: call.name,
        arguments: {},
        success: true,
        result: { time: '12:00' },
        durationMs: 4,
      }),
    };
    const { chat } = chatWith([TIME_CALL, 'It is noon.'], tools);
    await chat.send('time?');
    const rows = await saved(chat);
    expect(rows.map((m) => [m.role, m.status])).toEqual([
      ['user', 'done'],
      ['assistant', 'done'],
      ['tool', 'done'],
      ['assistant', 'done'],
    ]);
    expect(rows[1].text).toBe('On it.');
    expect(rows[2]).toMatchObject({
      text: '{"tool":"get_time","success":true,"result":{"time":"12:00"}}',
      tool: { name: 'get_time', success: true, durationMs: 4 },
    });
    expect(rows[3].text).toBe('It is noon.');
  });

  it('a failed reply is saved as an error with the reason, and the chat says what failed', async () => {
    const { chat } = chatWith([() => Promise.reject(new Error('The model stopped working'))]);
    await chat.send('hello');
    const rows = await saved(chat);
    expect(rows[1]).toMatchObject({ role: 'assistant', status: 'error', error: 'The model stopped working' });
    expect(chat.error).toBe('The reply failed: The model stopped working');
  });

  it('Stop keeps the partial reply, saved as stopped', async () => {
    let generating = () => {};
    const started = new Promise<void>((resolve) => (generating = resolve));
    const { chat } = chatWith([
      (_request, signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => resolve(result('Once upon', { finishReason: 'stopped' })));
          generating();
        }),
    ]);
    const sending = chat.send('a story');
    await started;
    expect(chat.busy).toBe(true);
    chat.stop();
    await sending;
    const rows = await saved(chat);
    expect(rows[1]).toMatchObject({ text: 'Once upon', status: 'stopped' });
  });
});
