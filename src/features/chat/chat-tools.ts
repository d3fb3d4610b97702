// Tool rounds inside one chat turn: each call becomes a tool message on screen (running, then its
// result), and its result goes back to the model as a `tool` turn.
import type { StoredMessage, ToolRecord } from '../../db/messages.ts';
import type { ToolRounds, TurnLog } from './turn.ts';
import { parseToolCalls } from '../tools/tool-calls.ts';
import type { Toolbox } from '../tools/toolbox.svelte.ts';
import { runToolCall, toolResultJson } from '../tools/tool-runner.ts';
import type { ChatTurn, GenerationResult } from '../../shared/model-types.ts';

export interface ChatToolHooks {
  /** Shows a tool message (status 'streaming' while it runs) and returns the reactive object. */
  addToolMessage(tool: ToolRecord): Promise<StoredMessage>;
  saveMessage(id: number, changes: Partial<StoredMessage>): Promise<void>;
  /** Completes the previous reply and starts a new one; returns where its text streams. */
  nextReply(previous: GenerationResult): Promise<(text: string) => void>;
}

export function chatToolRounds(
  toolbox: Toolbox,
  modelId: string,
  log: TurnLog,
  signal: AbortSignal,
  hooks: ChatToolHooks,
): ToolRounds {
  const maxRounds = toolbox.preferences.maxRounds;
  const deps = {
    registry: toolbox.registry,
    permissions: toolbox.preferences,
    log,
    record: (outcome: Parameters<Toolbox['record']>[0]) => toolbox.record(outcome),
  };
  return {
    maxRounds,
    schemas: () => toolbox.schemas(),
    stopped: () => signal.aborted,
    nextReply: (previous) => hooks.nextReply(previous),
    async run(reply: GenerationResult, round: number): Promise<ChatTurn[]> {
      const { calls } = parseToolCalls(reply.text);
      if (!calls.length) return [];
      log.info(`Detected ${calls.length} tool call(s)`);
      if (round > maxRounds) {
        log.warn(`Tool round limit reached (${maxRounds}): the calls are not run (Settings → Tools)`);
        return [];
      }
      const turns: ChatTurn[] = [];
      for (const call of calls) {
        if (signal.aborted) break;
        const message = await hooks.addToolMessage({ name: call.name || '(unreadable)', arguments: call.arguments });
        const outcome = await runToolCall(call, deps, { signal, modelId });
        const record: ToolRecord = {
          name: outcome.name || '(unreadable)',
          arguments: outcome.arguments,
          success: outcome.success,
          error: outcome.error,
          durationMs: outcome.durationMs,
          display: outcome.display,
        };
        const text = toolResultJson(outcome);
        Object.assign(message, { text, tool: record, status: 'done' });
        await hooks.saveMessage(message.id, { text, tool: record, status: 'done' });
        turns.push({ role: 'tool', content: text });
      }
      return signal.aborted ? [] : turns;
    },
  };
}
