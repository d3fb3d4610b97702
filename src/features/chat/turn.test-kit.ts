// Fakes for turn tests: an engine that replies from a script (and shows what it was asked), replies and
// turns built like the real ones, and a log that keeps its lines.
import type { GenerationResult, ReplyEvent, ReplyRequest } from '../../shared/model-types.ts';
import { parseReply } from './reply-parser.ts';
import type { Engine, Round, Turn, TurnLog } from './turn-controller.ts';

export function result(text: string, changes: Partial<GenerationResult> = {}): GenerationResult {
  return {
    prompt: { text: `<prompt>${text.length}`, tokens: 10, historyUsed: 0, historyLeftOut: 0, maxNewTokens: 200 },
    text,
    tokens: text.split(' ').length,
    finishReason: 'eos',
    timeToFirstTokenMs: 5,
    totalMs: 20,
    tokensPerSecond: 50,
    ...changes,
  };
}

export function round(text: string, index = 1): Round {
  return { index, result: result(text), reply: parseReply(text), tools: [] };
}

export function turnOf(message: string, ...replies: string[]): Turn {
  return {
    message,
    modelId: 'me/model',
    rounds: replies.map((text, i) => round(text, i + 1)),
    topics: [],
    status: 'done',
  };
}

export type Scripted = string | ((request: ReplyRequest, signal: AbortSignal) => Promise<GenerationResult>);

/** Replies in order (the last one repeats); each streamed in two pieces. Records every request. */
export function scriptedEngine(replies: Scripted[]): Engine & { requests: ReplyRequest[] } {
  const requests: ReplyRequest[] = [];
  return {
    modelId: 'me/model',
    contextLength: 2048,
    requests,
    async generate(request: ReplyRequest, onEvent: (event: ReplyEvent) => void, signal: AbortSignal) {
      requests.push(structuredClone(request));
      const next = replies[Math.min(requests.length - 1, replies.length - 1)];
      if (typeof next !== 'string') return next(request, signal);
      const built = result(next).prompt;
      onEvent({ type: 'prompt', prompt: built });
      const half = Math.ceil(next.length / 2);
      onEvent({ type: 'text', text: next.slice(0, half) });
      onEvent({ type: 'text', text: next.slice(half) });
      return result(next);
    },
  };
}

export function recordingLog(): TurnLog & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`[${level}] ${message}`);
  return {
    lines,
    debug: at('DEBUG'),
    info: at('INFO'),
    ok: at('OK'),
    warn: at('WARN'),
    error: at('ERROR'),
    token: () => undefined,
  };
}
