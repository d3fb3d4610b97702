import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GenerationResult } from '../../shared/model-types.ts';
import { AvatarState } from './avatar-state.svelte.ts';
import type { CompletedTurn } from '../chat/turn.ts';

const turn = (text: string): CompletedTurn => ({
  input: { userMessage: 'hi', modelId: 'm' },
  context: { turns: [], systemPrompt: '', promptTokens: 0, historyUsed: 0, historyTrimmed: false, replyTokens: 200 },
  result: {
    text,
    prompt: '',
    promptTokens: 0,
    tokens: 1,
    finishReason: 'eos',
    timeToFirstTokenMs: 0,
    totalMs: 0,
    tokensPerSecond: 0,
  } satisfies GenerationResult,
  topics: [],
});

afterEach(() => vi.useRealTimers());

describe('AvatarState', () => {
  it('looks busy and names the tool while one runs, until the next phase', () => {
    const avatar = new AvatarState(1000);
    avatar.working('get_time');
    expect([avatar.expression, avatar.gesture, avatar.activity]).toEqual(['thinking', 'nod', 'Using get_time…']);
    avatar.speaking();
    expect([avatar.expression, avatar.activity]).toEqual(['speaking', '']);
  });

  it('follows the turn: thinking, then speaking, then the tagged emotion and gesture, then idle', async () => {
    vi.useFakeTimers();
    const avatar = new AvatarState(1000);
    avatar.thinking();
    expect(avatar.expression).toBe('thinking');
    avatar.speaking();
    expect(avatar.expression).toBe('speaking');
    await avatar.processor.process(turn('Sure! [emotion:excited] [gesture:wave]'));
    expect(avatar.expression).toBe('excited');
    expect(avatar.gesture).toBe('wave');
    vi.advanceTimersByTime(1000);
    expect(avatar.expression).toBe('idle');
    expect(avatar.gesture).toBeUndefined();
  });

  it('reads the emotion from the words when the reply has no tag', async () => {
    const avatar = new AvatarState();
    await avatar.processor.process(turn('I am so sorry, unfortunately that did not work.'));
    expect(avatar.expression).toBe('sad');
  });

  it('an [expression:x] tag wins over [emotion:y], and unknown values are ignored', async () => {
    const avatar = new AvatarState();
    await avatar.processor.process(turn('[emotion:happy][expression:confused][emotion:furious] Hmm.'));
    expect(avatar.expression).toBe('confused');
  });
});
