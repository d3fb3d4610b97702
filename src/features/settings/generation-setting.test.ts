import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION } from '../../shared/model-types.ts';
import { cleanGeneration } from './generation-setting.svelte.ts';
import { MAX_REPLY_TOKENS } from '../../shared/reply-limit.ts';

describe('cleanGeneration', () => {
  it('fills what is missing from the defaults', () => {
    expect(cleanGeneration({})).toEqual(DEFAULT_GENERATION);
    expect(cleanGeneration({ maxNewTokens: 256 })).toEqual({ ...DEFAULT_GENERATION, maxNewTokens: 256 });
  });

  it('keeps the reply length between 1 and the maximum, in whole tokens', () => {
    expect(cleanGeneration({ maxNewTokens: 0 }).maxNewTokens).toBe(1);
    expect(cleanGeneration({ maxNewTokens: 1e9 }).maxNewTokens).toBe(MAX_REPLY_TOKENS);
    expect(cleanGeneration({ maxNewTokens: 99.6 }).maxNewTokens).toBe(100);
  });

  it('falls back to the default for an empty or nonsense number', () => {
    expect(cleanGeneration({ maxNewTokens: Number.NaN }).maxNewTokens).toBe(DEFAULT_GENERATION.maxNewTokens);
    expect(cleanGeneration({ temperature: Number.NaN }).temperature).toBe(DEFAULT_GENERATION.temperature);
  });

  it('turns sampling off at temperature 0 and on above it', () => {
    expect(cleanGeneration({ temperature: 0 })).toMatchObject({ temperature: 0, doSample: false });
    expect(cleanGeneration({ temperature: 1.2, doSample: false })).toMatchObject({ temperature: 1.2, doSample: true });
    expect(cleanGeneration({ temperature: 9 }).temperature).toBe(2);
  });
});
