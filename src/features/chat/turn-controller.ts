// One chat turn, top to bottom, as the seed describes it: log the request, gather the system prompt,
// ask the engine for a reply (it builds the prompt and streams), parse the reply once, run its tool calls
// and ask again with their results (up to the round limit), then finish. Everything that reacts to a turn
// (saving, the mind, the avatar, the voice) subscribes to its events; nothing here knows about them.
import type {
  BuiltPrompt,
  ChatTurn,
  GenerationResult,
  GenerationSettings,
  ReplyEvent,
  ReplyRequest,
  ToolSchema,
} from '../../shared/model-types.ts';
import type { ToolCall } from '../tools/tool-calls.ts';
import { toolResultJson, type ToolOutcome } from '../tools/tool-runner.ts';
import { parseReply, ReplyParser, type ParsedReply } from './reply-parser.ts';

/** Where replies come from: the model worker, or (later) a remote server. */
export interface Engine {
  readonly modelId: string;
  readonly contextLength: number;
  generate(request: ReplyRequest, onEvent: (event: ReplyEvent) => void, signal: AbortSignal): Promise<GenerationResult>;
}

/** Adds a part to the system prompt (persona, mind, tools section, memories…); undefined adds nothing. */
export interface ContextProvider {
  name: string;
  contribute(message: string): Promise<string | undefined> | string | undefined;
}

/** Tool calling for a turn. `run` never throws: failures become an error outcome for the model. */
export interface TurnTools {
  maxRounds: number;
  schemas(): ToolSchema[];
  run(call: ToolCall, signal: AbortSignal): Promise<ToolOutcome>;
}

export interface TurnLog {
  debug(message: string): void;
  info(message: string): void;
  ok(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Streamed text, as it arrives (the terminal's TOKEN lines). */
  token(text: string): void;
}

/** What one turn runs with (the loaded model and the settings can change between turns). */
export interface TurnSetup {
  engine: Engine;
  /** Persona first, then the others, in the order their parts should appear. */
  providers: ContextProvider[];
  settings: GenerationSettings;
  tools?: TurnTools;
}

export interface ToolStep {
  call: ToolCall;
  outcome: ToolOutcome;
  /** What the model reads back. */
  resultText: string;
}

export interface Round {
  /** 1 for the first reply, then one more after each set of tool results. */
  index: number;
  result: GenerationResult;
  reply: ParsedReply;
  tools: ToolStep[];
  /** Where the reply was saved (set by the chat's writer), so later listeners can point at it. */
  messageId?: number;
}

export interface Turn {
  message: string;
  modelId: string;
  rounds: Round[];
  /** What the turn was about; learners add to it (saved with the reply, for feedback). */
  topics: string[];
  status: 'running' | 'done' | 'failed' | 'stopped';
  error?: string;
}

export type TurnEvent =
  | { type: 'thinking'; turn: Turn; round: number }
  | { type: 'streaming'; turn: Turn; round: number; text: string }
  | { type: 'replied'; turn: Turn; round: Round }
  | { type: 'tool-started'; turn: Turn; round: number; call: ToolCall }
  | { type: 'tool-finished'; turn: Turn; round: number; step: ToolStep }
  | { type: 'done' | 'stopped'; turn: Turn }
  | { type: 'failed'; turn: Turn; error: string };

export type TurnListener = (event: TurnEvent) => void | Promise<void>;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const preview = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

export class TurnController {
  readonly #listeners: { name: string; listener: TurnListener }[] = [];
  #abort: AbortController | undefined;

  constructor(private readonly log: TurnLog) {}

  /** Subscribes to every turn's events, in subscription order; returns the unsubscribe function. */
  on(name: string, listener: TurnListener): () => void {
    const entry = { name, listener };
    this.#listeners.push(entry);
    return () => this.#listeners.splice(this.#listeners.indexOf(entry), 1);
  }

  get running(): boolean {
    return this.#abort !== undefined;
  }

  /** Stops the turn: the reply keeps what it has, a running tool is cancelled, no new round starts. */
  stop(): void {
    this.#abort?.abort();
  }

  /** Runs one turn; `history` is the earlier conversation, oldest first (the engine keeps what fits). */
  async run(setup: TurnSetup, message: string, history: ChatTurn[]): Promise<Turn> {
    const abort = new AbortController();
    this.#abort = abort;
    const turn: Turn = { message, modelId: setup.engine.modelId, rounds: [], topics: [], status: 'running' };
    this.log.info(`NEW REQUEST: "${preview(message)}"`);
    try {
      const system = await this.#systemParts(setup.providers, message);
      const current: ChatTurn[] = [{ role: 'user', content: message }];
      for (let index = 1; ; index++) {
        const round = await this.#reply(setup, turn, index, { system, history, turn: current }, abort.signal);
        if (round.result.finishReason === 'stopped' || !setup.tools || !round.reply.toolCalls.length) break;
        const results = await this.#runTools(setup.tools, turn, round, abort.signal);
        if (!results.length || abort.signal.aborted) break;
        current.push({ role: 'assistant', content: round.result.text }, ...results);
        this.log.info(
          `Giving ${results.length} tool result(s) back to the model (round ${index} of at most ${setup.tools.maxRounds})`,
        );
      }
      turn.status = abort.signal.aborted ? 'stopped' : 'done';
      await this.#emit({ type: turn.status, turn });
    } catch (error) {
      turn.status = 'failed';
      turn.error = errorText(error);
      this.log.error(`The reply failed: ${turn.error}`);
      await this.#emit({ type: 'failed', turn, error: turn.error });
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
    return turn;
  }

  async #systemParts(providers: ContextProvider[], message: string): Promise<string[]> {
    this.log.info('Building conversation history...');
    const parts: string[] = [];
    for (const provider of providers) {
      try {
        const part = await provider.contribute(message);
        if (!part) continue;
        parts.push(part);
        this.log.debug(`Context from ${provider.name}: ${part.length} characters`);
      } catch (error) {
        this.log.warn(`Context provider ${provider.name} failed and was skipped: ${errorText(error)}`);
      }
    }
    return parts;
  }

  /** One reply: streamed (visible text as it comes), then parsed once, whole. */
  async #reply(
    setup: TurnSetup,
    turn: Turn,
    index: number,
    prompt: Pick<ReplyRequest, 'system' | 'history' | 'turn'>,
    signal: AbortSignal,
  ): Promise<Round> {
    await this.#emit({ type: 'thinking', turn, round: index });
    const parser = new ReplyParser();
    const request: ReplyRequest = {
      ...prompt,
      turn: [...prompt.turn],
      tools: setup.tools?.schemas() ?? [],
      settings: setup.settings,
    };
    const result = await setup.engine.generate(
      request,
      (event) => {
        if (event.type === 'prompt') return this.#logPrompt(event.prompt, index, setup);
        this.log.token(event.text);
        // Pieces after the result are late copies of what the result holds: the round is parsed from it.
        if (turn.rounds.length >= index || !parser.push(event.text)) return;
        void this.#emit({ type: 'streaming', turn, round: index, text: parser.text });
      },
      signal,
    );
    this.#logResult(result, setup.settings);
    const round: Round = { index, result, reply: parseReply(result.text), tools: [] };
    turn.rounds.push(round);
    await this.#emit({ type: 'replied', turn, round });
    return round;
  }

  #logPrompt(prompt: BuiltPrompt, index: number, { engine, settings }: TurnSetup): void {
    if (index === 1)
      this.log.info(
        `History: ${prompt.historyUsed} earlier message(s)${prompt.historyLeftOut ? ' (older ones left out to fit)' : ''}; ` +
          `prompt ${prompt.tokens} of ${engine.contextLength} tokens`,
      );
    else this.log.info(`Prompt for round ${index}: ${prompt.tokens} of ${engine.contextLength} tokens`);
    // The reply shares the context with the prompt: a setting this model cannot hold is shortened.
    if (prompt.maxNewTokens < settings.maxNewTokens)
      this.log.info(
        `The reply gets at most ${prompt.maxNewTokens} tokens (Settings → Longest reply is ${settings.maxNewTokens}; this model reads ${engine.contextLength})`,
      );
    this.log.info(`Running inference on model ${engine.modelId}...`);
  }

  #logResult(result: GenerationResult, settings: GenerationSettings): void {
    this.log.ok(
      `Generated ${result.text.length} characters (${result.tokens} tokens, ${result.tokensPerSecond.toFixed(1)} tokens/s, first token after ${result.timeToFirstTokenMs} ms)`,
    );
    if (result.finishReason === 'stopped') this.log.warn('Stopped by the user; the reply so far is kept');
    if (result.finishReason === 'max-tokens')
      this.log.warn(
        `Reply cut at the ${result.prompt.maxNewTokens}-token limit (Settings → Longest reply: ${settings.maxNewTokens})`,
      );
  }

  /** Runs a reply's calls in order; their results as `tool` turns ([] past the round limit or when stopped). */
  async #runTools(tools: TurnTools, turn: Turn, round: Round, signal: AbortSignal): Promise<ChatTurn[]> {
    const calls = round.reply.toolCalls;
    this.log.info(`Detected ${calls.length} tool call(s)`);
    if (round.index > tools.maxRounds) {
      this.log.warn(`Tool round limit reached (${tools.maxRounds}): the calls are not run (Settings → Tools)`);
      return [];
    }
    const results: ChatTurn[] = [];
    for (const call of calls) {
      if (signal.aborted) break;
      await this.#emit({ type: 'tool-started', turn, round: round.index, call });
      const outcome = await tools.run(call, signal);
      const step: ToolStep = { call, outcome, resultText: toolResultJson(outcome) };
      round.tools.push(step);
      await this.#emit({ type: 'tool-finished', turn, round: round.index, step });
      results.push({ role: 'tool', content: step.resultText });
    }
    return signal.aborted ? [] : results;
  }

  /** Each listener in turn; one that fails is logged and does not stop the others (or the turn). */
  async #emit(event: TurnEvent): Promise<void> {
    for (const { name, listener } of [...this.#listeners]) {
      try {
        await listener(event);
      } catch (error) {
        this.log.error(`${name} failed on "${event.type}": ${errorText(error)}`);
      }
    }
  }
}
