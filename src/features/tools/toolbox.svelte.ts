// The tools a chat can use, with the user's preferences and each model's usage patterns: the one
// object the app wires into chats (prompt section, schemas, running calls, statistics).
import type { AppDB } from '../../db/app-db.ts';
import { recordToolUse, toolUsesOf, usefulness, type ToolUse } from '../../db/tool-uses.ts';
import type { ContextProvider, TurnTools } from '../chat/turn-controller.ts';
import type { ToolSchema, ToolSupport } from '../../shared/model-types.ts';
import { toolsPromptSection } from './prompt-section.ts';
import { toolSchema, type Tool, type ToolRegistry } from './registry.ts';
import type { ToolPreferences } from './tool-preferences.svelte.ts';
import { runToolCall, type ToolOutcome } from './tool-runner.ts';
import type { TurnLog } from '../chat/turn-controller.ts';

export class Toolbox {
  /** Usage per tool for the current model. */
  uses = $state<ToolUse[]>([]);
  #modelId = '';

  constructor(
    private readonly db: AppDB,
    readonly registry: ToolRegistry,
    readonly preferences: ToolPreferences,
    /** The loaded model's tool support and context length (undefined: no model loaded). */
    private readonly model: () => { tools: ToolSupport; contextLength: number } | null | undefined,
  ) {}

  async use(modelId: string): Promise<void> {
    this.#modelId = modelId;
    const uses = await toolUsesOf(this.db, modelId);
    if (this.#modelId === modelId) this.uses = uses;
  }

  /** Most useful first, for this model. */
  ordered(): Tool[] {
    return this.registry.ordered((name) => usefulness(this.uses.find((u) => u.tool === name)));
  }

  /** For templates that take `tools`; the others get `provider`'s prompt section instead. */
  schemas(): ToolSchema[] {
    return this.model()?.tools.definitions === 'template' ? this.ordered().map(toolSchema) : [];
  }

  /** The tools section of the system prompt: short below 2048 tokens of context, none below 1024 (no room to use tools). */
  readonly provider: ContextProvider = {
    name: 'Tools',
    contribute: () => {
      const model = this.model();
      if (model?.tools.definitions !== 'system-prompt' || model.contextLength < 1024) return undefined;
      return toolsPromptSection(this.ordered(), { compact: model.contextLength < 2048 });
    },
  };

  /** Tool calling for one turn of the current model: its round limit, definitions and a runner. */
  forTurn(log: TurnLog): TurnTools {
    const modelId = this.#modelId;
    const deps = {
      registry: this.registry,
      permissions: this.preferences,
      log,
      record: (o: ToolOutcome) => this.record(o),
    };
    return {
      maxRounds: this.preferences.maxRounds,
      schemas: () => this.schemas(),
      run: async (call, signal) => {
        // Stop while a tool waits for permission: the question closes as a "Deny".
        const closeQuestion = () => this.preferences.cancelPending();
        signal.addEventListener('abort', closeQuestion);
        try {
          return await runToolCall(call, deps, { signal, modelId });
        } finally {
          signal.removeEventListener('abort', closeQuestion);
        }
      },
    };
  }

  async record(outcome: ToolOutcome): Promise<void> {
    if (!this.#modelId) return;
    await recordToolUse(this.db, this.#modelId, outcome.name, outcome.success, outcome.durationMs);
    await this.use(this.#modelId);
  }
}
