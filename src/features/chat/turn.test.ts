import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION, type ChatTurn, type GenerationResult } from '../../shared/model-types.ts';
import { runTurn, type ModelPort, type TurnDeps } from './turn.ts';

/** A model with no worker and no DOM: counts words as tokens and replies with a fixed text. */
function fakeModel(events: string[], reply = 'Hello there!'): ModelPort & { seen: ChatTurn[][] } {
  const seen: ChatTurn[][] = [];
  return {
    modelId: 'fake/model',
    contextLength: 512,
    seen,
    async promptTokens(turns) {
      return turns.reduce((n, t) => n + t.content.split(' ').length + 2, 0);
    },
    async turnTokens(turn) {
      return turn.content.split(' ').length + 2;
    },
    async generate(turns, _settings, onText): Promise<GenerationResult> {
      events.push('generate');
      seen.push(turns);
      onText('Hello ');
      onText('there!');
      const prompt = turns.map((t) => `${t.role}: ${t.content}`).join('\n');
      return {
        prompt,
        promptTokens: await this.promptTokens(turns),
        text: reply,
        tokens: 3,
        finishReason: 'eos',
        timeToFirstTokenMs: 5,
        totalMs: 20,
        tokensPerSecond: 100,
      };
    },
  };
}

function deps(events: string[], changes: Partial<TurnDeps> = {}): TurnDeps {
  const log = (level: string) => (message: string) => events.push(`${level} ${message}`);
  return {
    model: fakeModel(events),
    log: { debug: log('DEBUG'), info: log('INFO'), ok: log('OK'), warn: log('WARN'), error: log('ERROR') },
    personality: () => 'You are Ada.',
    providers: [],
    processors: [],
    settings: DEFAULT_GENERATION,
    ...changes,
  };
}

describe('runTurn', () => {
  it("logs the seed's steps in order and streams the reply", async () => {
    const events: string[] = [];
    const streamed: string[] = [];
    await runTurn(deps(events), { userMessage: 'Hi', modelId: 'fake/model' }, [], (t) => streamed.push(t));
    expect(events.map((e) => e.replace(/:.*|\(.*/, ''))).toEqual([
      'INFO NEW REQUEST',
      'INFO Building conversation history...',
      'INFO History',
      'INFO Running inference on model fake/model...',
      'generate',
      'OK Generated 12 characters ',
    ]);
    expect(streamed.join('')).toBe('Hello there!');
  });

  it('sends personality and provider parts as one system prompt, then history, then the message', async () => {
    const events: string[] = [];
    const model = fakeModel(events);
    const history: ChatTurn[] = [
      { role: 'assistant', content: 'Earlier reply' },
      { role: 'user', content: 'Earlier question' },
    ];
    await runTurn(
      deps(events, {
        model,
        providers: [
          { name: 'wants', contribute: () => 'User is interested in: music (motivation: 0.8)' },
          { name: 'empty', contribute: () => undefined },
        ],
      }),
      { userMessage: 'Now', modelId: 'fake/model' },
      history,
      () => undefined,
    );
    expect(model.seen[0]).toEqual([
      { role: 'system', content: 'You are Ada.\n\nUser is interested in: music (motivation: 0.8)' },
      { role: 'user', content: 'Earlier question' },
      { role: 'assistant', content: 'Earlier reply' },
      { role: 'user', content: 'Now' },
    ]);
  });

  it('runs processors in order after the reply, and a failing one does not stop the rest', async () => {
    const events: string[] = [];
    const turn = await runTurn(
      deps(events, {
        processors: [
          { name: 'save', process: (t) => void events.push(`save ${t.result.text}`) },
          {
            name: 'wants',
            process: () => {
              throw new Error('boom');
            },
          },
          { name: 'speak', process: () => void events.push('speak') },
        ],
      }),
      { userMessage: 'Hi', modelId: 'fake/model' },
      [],
      () => undefined,
    );
    expect(events.slice(-3)).toEqual(['save Hello there!', 'ERROR wants failed: boom', 'speak']);
    expect(turn.context.promptTokens).toBeGreaterThan(0);
  });

  it('skips a failing context provider with a warning instead of failing the turn', async () => {
    const events: string[] = [];
    await runTurn(
      deps(events, {
        providers: [
          {
            name: 'tools',
            contribute: () => {
              throw new Error('no registry');
            },
          },
        ],
      }),
      { userMessage: 'Hi', modelId: 'fake/model' },
      [],
      () => undefined,
    );
    expect(events).toContain('WARN Context provider tools failed and was skipped: no registry');
    expect(events).toContain('generate');
  });

  it('caps a longest-reply setting the model cannot hold, instead of failing every message', async () => {
    const events: string[] = [];
    const model = fakeModel(events); // a 512-token context
    const sent: number[] = [];
    const generate = model.generate.bind(model);
    model.generate = (turns, settings, onText) => {
      sent.push(settings.maxNewTokens);
      return generate(turns, settings, onText);
    };
    const turn = await runTurn(
      deps(events, { model, settings: { ...DEFAULT_GENERATION, maxNewTokens: 4096 } }),
      { userMessage: 'Hi', modelId: 'fake/model' },
      [],
      () => undefined,
    );
    expect(turn.result.text).toBe('Hello there!');
    expect(sent).toEqual([256]);
    expect(events).toContain('INFO Longest reply: 256 tokens for this model (512-token context; the setting is 4096)');
  });
});
