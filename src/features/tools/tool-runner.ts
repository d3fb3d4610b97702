// Runs one parsed tool call: unknown tools, bad arguments, a "no" from the user and failures all
// become an error result for the model; nothing here throws. Every step is logged.
import type { TurnLog } from '../chat/turn-controller.ts';
import { checkArguments, type Tool, type ToolContext, type ToolDisplay, type ToolRegistry } from './registry.ts';
import type { ToolCall } from './tool-calls.ts';

export interface ToolOutcome {
  name: string;
  arguments: Record<string, unknown>;
  success: boolean;
  result?: unknown;
  error?: string;
  durationMs: number;
  display?: ToolDisplay;
}

export type PermissionAnswer = 'once' | 'always' | 'deny';

export interface ToolPermissions {
  /** True when the user chose "Always allow" for this tool. */
  alwaysAllowed(tool: string): boolean;
  /** Asks the user (Allow once / Always allow / Deny). */
  ask(tool: Tool, args: Record<string, unknown>): Promise<PermissionAnswer>;
}

export interface ToolRunnerDeps {
  registry: ToolRegistry;
  permissions: ToolPermissions;
  log: TurnLog;
  /** Usage statistics (calls, successes, time), per model. */
  record?(outcome: ToolOutcome): Promise<void>;
}

/** What the model reads back is capped, so one tool cannot fill the context. */
export const RESULT_CHAR_BUDGET = 2000;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function execute(
  call: ToolCall,
  deps: ToolRunnerDeps,
  context: ToolContext,
): Promise<Omit<ToolOutcome, 'durationMs'>> {
  const base = { name: call.name || '(unreadable)', arguments: call.arguments };
  if (call.error) return { ...base, success: false, error: call.error };
  const tool = deps.registry.get(call.name);
  if (!tool)
    return {
      ...base,
      success: false,
      error: `Unknown tool "${call.name}". Available: ${deps.registry.names.join(', ')}.`,
    };
  const invalid = checkArguments(tool, call.arguments);
  if (invalid) return { ...base, success: false, error: invalid };
  if (tool.risk && !deps.permissions.alwaysAllowed(tool.name)) {
    deps.log.info(`Asking permission: ${tool.name} ${tool.risk}`);
    const answer = await deps.permissions.ask(tool, call.arguments);
    if (answer === 'deny') return { ...base, success: false, error: 'Denied by the user.' };
  }
  context.signal.throwIfAborted();
  const output = await tool.run(call.arguments, context);
  return { ...base, success: true, result: output.result, display: output.display };
}

export async function runToolCall(call: ToolCall, deps: ToolRunnerDeps, context: ToolContext): Promise<ToolOutcome> {
  deps.log.info(`Executing tool: ${call.name || '(unreadable call)'}`);
  const started = performance.now();
  let outcome: ToolOutcome;
  try {
    outcome = { ...(await execute(call, deps, context)), durationMs: 0 };
  } catch (error) {
    const stopped = context.signal.aborted;
    outcome = {
      name: call.name,
      arguments: call.arguments,
      success: false,
      error: stopped ? 'Stopped by the user.' : errorText(error),
      durationMs: 0,
    };
  }
  outcome.durationMs = Math.round(performance.now() - started);
  if (outcome.success)
    deps.log.ok(`Tool ${outcome.name} succeeded in ${outcome.durationMs} ms: ${resultPreview(outcome)}`);
  else deps.log.error(`Tool ${outcome.name} failed in ${outcome.durationMs} ms: ${outcome.error}`);
  // Statistics are a nice-to-have: failing to save them never fails the call.
  if (call.name && deps.registry.get(call.name))
    await Promise.resolve()
      .then(() => deps.record?.(outcome))
      .catch(() => undefined);
  return outcome;
}

function resultPreview(outcome: ToolOutcome): string {
  const text = JSON.stringify(outcome.result) ?? '';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** The result as the model reads it: {"tool","success","result"} or {"tool","success","error"}, within the budget. */
export function toolResultJson(outcome: ToolOutcome): string {
  const body = outcome.success
    ? { tool: outcome.name, success: true, result: outcome.result ?? null }
    : { tool: outcome.name, success: false, error: outcome.error ?? 'failed' };
  const text = JSON.stringify(body);
  if (text.length <= RESULT_CHAR_BUDGET) return text;
  // Too long: the result (or error) becomes a cut-down string, shortened until the whole JSON fits.
  const key = outcome.success ? 'result' : 'error';
  const full = outcome.success ? JSON.stringify(outcome.result) : String(outcome.error);
  let keep = RESULT_CHAR_BUDGET;
  for (;;) {
    const cut = JSON.stringify({ ...body, [key]: `${full.slice(0, keep)}… (cut)` });
    if (cut.length <= RESULT_CHAR_BUDGET || keep === 0) return cut;
    keep = Math.max(0, keep - (cut.length - RESULT_CHAR_BUDGET) - 8);
  }
}
