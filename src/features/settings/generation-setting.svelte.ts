// How replies are generated: length and randomness. Saved; applies to the next message.
import { DEFAULT_GENERATION, type GenerationSettings } from '../../shared/model-types.ts';
import type { AppDB } from '../../db/app-db.ts';
import { putSetting, readSetting } from '../../db/settings.ts';
import { MAX_REPLY_TOKENS } from '../../shared/reply-limit.ts';

/** Keeps saved or typed values in range; temperature 0 means "always the likeliest token" (no sampling). */
export function cleanGeneration(input: Partial<GenerationSettings>): GenerationSettings {
  const merged = { ...DEFAULT_GENERATION, ...input };
  const clamp = (value: number, min: number, max: number, fallback: number) =>
    Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  const temperature = clamp(merged.temperature, 0, 2, DEFAULT_GENERATION.temperature);
  return {
    ...merged,
    maxNewTokens: Math.round(clamp(merged.maxNewTokens, 1, MAX_REPLY_TOKENS, DEFAULT_GENERATION.maxNewTokens)),
    temperature,
    doSample: temperature > 0,
  };
}

export class GenerationSetting {
  // Raw (not a deep proxy): the object is sent to the model worker, and proxies cannot be cloned.
  value = $state.raw<GenerationSettings>(DEFAULT_GENERATION);

  constructor(private readonly db: AppDB) {}

  async restore(): Promise<void> {
    this.value = cleanGeneration(await readSetting(this.db, 'generation'));
  }

  async save(change: Partial<GenerationSettings>): Promise<void> {
    this.value = cleanGeneration({ ...this.value, ...change });
    await putSetting(this.db, 'generation', this.value);
  }
}
