import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION } from './model-types.ts';
import { boundReplyLength, longestReplyFor, MAX_REPLY_TOKENS } from './reply-limit.ts';

describe('longestReplyFor', () => {
  it('gives the reply at most 3/4 of a 4,096-token context, so the prompt keeps 1,024', () => {
    expect(longestReplyFor(4096)).toBe(3072);
    expect(longestReplyFor(2048)).toBe(1536);
  });

  it('keeps at least 256 tokens for the prompt in a small context', () => {
    expect(longestReplyFor(768)).toBe(512);
    expect(longestReplyFor(512)).toBe(256);
  });

  it('splits a tiny context in half, and never goes below one token', () => {
    expect(longestReplyFor(256)).toBe(128);
    expect(longestReplyFor(1)).toBe(1);
  });

  it('never exceeds the setting’s own maximum, however long the context', () => {
    expect(longestReplyFor(131_072)).toBe(MAX_REPLY_TOKENS);
  });
});

describe('boundReplyLength', () => {
  it('caps a setting longer than the model allows and keeps the rest of the settings', () => {
    const wanted = { ...DEFAULT_GENERATION, maxNewTokens: MAX_REPLY_TOKENS, temperature: 0 };
    expect(boundReplyLength(wanted, 4096)).toEqual({ ...wanted, maxNewTokens: 3072 });
    expect(wanted.maxNewTokens).toBe(MAX_REPLY_TOKENS); // the saved value is not changed
  });

  it('leaves a setting that fits as it is', () => {
    const wanted = { ...DEFAULT_GENERATION, maxNewTokens: 200 };
    expect(boundReplyLength(wanted, 4096)).toBe(wanted);
  });
});
