// Tool usage patterns, per model: how often each tool was called, how it went, how long it took.
// They order the tool list in the prompt (most useful first) and show in the Mind panel.
import type { AppDB } from './app-db.ts';
import { toolUseSchema } from './record-schemas.ts';
import { keepValid } from './schema-kit.ts';

export interface ToolUse {
  modelId: string;
  tool: string;
  calls: number;
  successes: number;
  failures: number;
  totalMs: number;
  lastUsedAt: number;
}

export async function recordToolUse(db: AppDB, modelId: string, tool: string, success: boolean, ms: number) {
  await db.transaction('rw', db.toolUses, async () => {
    const row = (await db.toolUses.get([modelId, tool])) ?? {
      modelId,
      tool,
      calls: 0,
      successes: 0,
      failures: 0,
      totalMs: 0,
      lastUsedAt: 0,
    };
    await db.toolUses.put({
      ...row,
      calls: row.calls + 1,
      successes: row.successes + (success ? 1 : 0),
      failures: row.failures + (success ? 0 : 1),
      totalMs: row.totalMs + ms,
      lastUsedAt: Date.now(),
    });
  });
}

export async function toolUsesOf(db: AppDB, modelId: string): Promise<ToolUse[]> {
  return keepValid(toolUseSchema, await db.toolUses.where('modelId').equals(modelId).toArray(), 'tool use');
}

/** Higher for tools that worked often; failures count against. Unused tools score 0. */
export function usefulness(use: ToolUse | undefined): number {
  return use ? use.successes - use.failures / 2 : 0;
}
