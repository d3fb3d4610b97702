// One chat turn, as the seed describes it: (1) log the request, (2) build the context, (3) let the
// model format and generate, (4) process the reply (each processor: save, learn wants, run tools,
// speak, …), (5) hand it back to show. Steps are small typed modules, so features plug in here.
import type { ChatTurn, GenerationResult, GenerationSettings, ToolSchema } from '../../shared/model-types.ts';
import { buildContext, type BuiltContext, type TokenCounter } from './context.ts';
import { boundReplyLength } from '../settings/reply-limit.ts';

export interface ModelPort extends TokenCounter {
  readonly modelId: string;
  readonly contextLength: number;
  generate(
    turns: ChatTurn[],
    settings: GenerationSettings,
    onText: (text: string) => void,
    tools?: ToolSchema[],
  ): Promise<GenerationResult>;
}

/**
 * Tool calling: after a reply, its calls are run and their results given back to the model, which
 * replies again; at most `maxRounds` times. See src/features/tools/.
 */
export interface ToolRounds {
  maxRounds: number;
  /** Definitions for templates that take them (the rest get a system-prompt section from a provider). */
  schemas(): ToolSchema[];
  /** Runs the reply's tool calls; returns their results as `tool` turns ([] when it has none). */
  run(reply: GenerationResult, round: number): Promise<ChatTurn[]>;
  /** True once the user pressed Stop. */
  stopped(): boolean;
  /** Where the next reply streams (the reply before it is complete at that point). */
  nextReply(previous: GenerationResult): Promise<(text: string) => void>;
}

export interface TurnInput {
  userMessage: string;
  modelId: string;
}

/** Adds a part to the system prompt (wants, tools, memory…); undefined adds nothing. */
export interface ContextProvider {
  name: string;
  contribute(input: TurnInput): Promise<string | undefined> | string | undefined;
}

export interface CompletedTurn {
  input: TurnInput;
  context: BuiltContext;
  result: GenerationResult;
  /** What the turn was about; processors that learn add to it (saved with the reply for feedback). */
  topics: string[];
}

/** Runs after the reply (save, learn, tools, voice, avatar…). A failing processor does not stop the others. */
export interface ReplyProcessor {
  name: string;
  process(turn: CompletedTurn): Promise<void> | void;
}

export interface TurnLog {
  debug(message: string): void;
  info(message: string): void;
  ok(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface TurnDeps {
  model: ModelPort;
  log: TurnLog;
  personality: () => string;
  providers: ContextProvider[];
  processors: ReplyProcessor[];
  settings: GenerationSettings;
  tools?: ToolRounds;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const preview = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

export async function runTurn(
  turnDeps: TurnDeps,
  input: TurnInput,
  history: Iterable<ChatTurn> | AsyncIterable<ChatTurn>,
  onText: (text: string) => void,
): Promise<CompletedTurn> {
  const { model, log } = turnDeps;
  log.info(`NEW REQUEST: "${preview(input.userMessage)}"`);
  // The reply shares the model's context with the prompt: a setting too long for this model is capped.
  const bounded = boundReplyLength(turnDeps.settings, model.contextLength);
  if (bounded !== turnDeps.settings) {
    log.info(
      `Longest reply: ${bounded.maxNewTokens} tokens for this model (${model.contextLength}-token context; the setting is ${turnDeps.settings.maxNewTokens})`,
    );
  }

  log.info('Building conversation history...');
  const parts = [turnDeps.personality()];
  for (const provider of turnDeps.providers) {
    try {
      const part = await provider.contribute(input);
      if (part) {
        parts.push(part);
        log.debug(`Context from ${provider.name}: ${part.length} characters`);
      }
    } catch (error) {
      log.warn(`Context provider ${provider.name} failed and was skipped: ${errorText(error)}`);
    }
  }
  const context = await buildContext(
    {
      systemParts: parts,
      history,
      userMessage: input.userMessage,
      contextLength: model.contextLength,
      replyTokens: bounded.maxNewTokens,
    },
    model,
  );
  if (context.replyTokens < bounded.maxNewTokens) {
    log.info(
      `The reply gets ${context.replyTokens} tokens: the system prompt and message need the rest of the context`,
    );
  }
  const deps = { ...turnDeps, settings: { ...bounded, maxNewTokens: context.replyTokens } };
  log.info(
    `History: ${context.historyUsed} earlier message(s)${context.historyTrimmed ? ' (older ones left out to fit)' : ''}; ` +
      `prompt ${context.promptTokens} of ${model.contextLength} tokens`,
  );

  const result = await generateWithTools(deps, context.turns, onText);

  const turn: CompletedTurn = { input, context, result, topics: [] };
  for (const processor of deps.processors) {
    try {
      await processor.process(turn);
    } catch (error) {
      log.error(`${processor.name} failed: ${errorText(error)}`);
    }
  }
  return turn;
}

async function generateOnce(
  deps: TurnDeps,
  turns: ChatTurn[],
  onText: (text: string) => void,
): Promise<GenerationResult> {
  const { model, log } = deps;
  log.info(`Running inference on model ${model.modelId}...`);
  const result = await model.generate(turns, deps.settings, onText, deps.tools?.schemas());
  log.ok(
    `Generated ${result.text.length} characters (${result.tokens} tokens, ${result.tokensPerSecond.toFixed(1)} tokens/s, first token after ${result.timeToFirstTokenMs} ms)`,
  );
  if (result.finishReason === 'stopped') log.warn('Stopped by the user; the reply so far is kept');
  if (result.finishReason === 'max-tokens') log.warn(`Reply cut at the ${deps.settings.maxNewTokens}-token limit`);
  return result;
}

/** Generates, then as long as the reply calls tools: runs them and lets the model answer with their results. */
async function generateWithTools(
  deps: TurnDeps,
  promptTurns: ChatTurn[],
  onText: (text: string) => void,
): Promise<GenerationResult> {
  const { tools, log } = deps;
  let turns = promptTurns;
  let result = await generateOnce(deps, turns, onText);
  for (let round = 1; tools && result.finishReason !== 'stopped'; round++) {
    const results = await tools.run(result, round);
    if (!results.length || tools.stopped()) break;
    turns = [...turns, { role: 'assistant', content: result.text }, ...results];
    log.info(
      `Giving ${results.length} tool result(s) back to the model (round ${round} of at most ${tools.maxRounds})`,
    );
    result = await generateOnce(deps, turns, await tools.nextReply(result));
  }
  return result;
}
