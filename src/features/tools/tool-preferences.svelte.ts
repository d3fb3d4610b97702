// What the user decided about tools: which ones may always run without asking, and how many tool
// rounds one message may take. Also holds the question on screen while a risky tool waits.
import type { AppDB } from '../../db/app-db.ts';
import { DEFAULT_MAX_ROUNDS } from '../../db/setting-schemas.ts';
import { putSetting, readSetting } from '../../db/settings.ts';
import type { Tool } from './registry.ts';
import type { PermissionAnswer, ToolPermissions } from './tool-runner.ts';

export { DEFAULT_MAX_ROUNDS };

export interface PendingQuestion {
  tool: Tool;
  arguments: Record<string, unknown>;
  answer(answer: PermissionAnswer): void;
}

export class ToolPreferences implements ToolPermissions {
  alwaysAllowedTools = $state<string[]>([]);
  maxRounds = $state(DEFAULT_MAX_ROUNDS);
  /** An image API of the user's own for generate_image; empty: the offline generator. */
  imageEndpoint = $state('');
  /** The permission question on screen, if a tool is waiting for one. */
  pending = $state.raw<PendingQuestion | null>(null);

  constructor(private readonly db: AppDB) {}

  async restore(): Promise<void> {
    const saved = await readSetting(this.db, 'tools');
    this.alwaysAllowedTools = saved.alwaysAllowed;
    this.maxRounds = saved.maxRounds;
    this.imageEndpoint = saved.imageEndpoint;
  }

  private async save(): Promise<void> {
    await putSetting(this.db, 'tools', {
      alwaysAllowed: [...this.alwaysAllowedTools],
      maxRounds: this.maxRounds,
      imageEndpoint: this.imageEndpoint,
    });
  }

  alwaysAllowed(tool: string): boolean {
    return this.alwaysAllowedTools.includes(tool);
  }

  ask(tool: Tool, args: Record<string, unknown>): Promise<PermissionAnswer> {
    this.pending?.answer('deny'); // only one question at a time
    return new Promise((resolve) => {
      let answered = false;
      const question: PendingQuestion = {
        tool,
        arguments: args,
        answer: (answer) => {
          if (answered) return; // a late second click
          answered = true;
          if (this.pending === question) this.pending = null;
          if (answer === 'always' && !this.alwaysAllowed(tool.name)) {
            this.alwaysAllowedTools = [...this.alwaysAllowedTools, tool.name];
            void this.save();
          }
          resolve(answer);
        },
      };
      this.pending = question;
    });
  }

  /** Stop pressed while a question is open: the tool does not run. */
  cancelPending(): void {
    this.pending?.answer('deny');
  }

  async forget(tool: string): Promise<void> {
    this.alwaysAllowedTools = this.alwaysAllowedTools.filter((name) => name !== tool);
    await this.save();
  }

  async setMaxRounds(value: number): Promise<void> {
    this.maxRounds = Number.isFinite(value) ? Math.max(1, Math.min(20, Math.round(value))) : DEFAULT_MAX_ROUNDS;
    await this.save();
  }

  /** Returns an error message for anything but an http(s) URL; empty switches back to offline. */
  async setImageEndpoint(value: string): Promise<string | undefined> {
    const endpoint = value.trim();
    if (endpoint && !/^https?:\/\/[^\s]+$/i.test(endpoint))
      return 'Use an http:// or https:// address, or leave it empty.';
    this.imageEndpoint = endpoint;
    await this.save();
    return undefined;
  }
}
