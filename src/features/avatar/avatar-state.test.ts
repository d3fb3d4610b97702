import { afterEach, describe, expect, it, vi } from 'vitest';
import { round, turnOf } from '../chat/turn.test-kit.ts';
import type { TurnEvent } from '../chat/turn-controller.ts';
import { AvatarState } from './avatar-state.svelte.ts';

afterEach(() => vi.useRealTimers());

const done = (...replies: string[]): TurnEvent => ({ type: 'done', turn: turnOf('hi', ...replies) });

describe('AvatarState', () => {
  it('follows the turn: thinking, speaking while it streams, then the tagged emotion and gesture, then idle', async () => {
    vi.useFakeTimers();
    const avatar = new AvatarState(1000);
    const turn = turnOf('hi');
    await avatar.onTurn({ type: 'thinking', turn, round: 1 });
    expect(avatar.expression).toBe('thinking');
    await avatar.onTurn({ type: 'streaming', turn, round: 1, text: 'Sure' });
    expect(avatar.expression).toBe('speaking');
    await avatar.onTurn(done('Sure! [emotion:excited] [gesture:wave]'));
    expect([avatar.expression, avatar.gesture]).toEqual(['excited', 'wave']);
    vi.advanceTimersByTime(1000);
    expect([avatar.expression, avatar.gesture]).toEqual(['idle', undefined]);
  });

  it('looks busy and names the tool while one runs, until the next reply streams', async () => {
    const avatar = new AvatarState(1000);
    const turn = turnOf('hi');
    await avatar.onTurn({ type: 'tool-started', turn, round: 1, call: { name: 'get_time', arguments: {}, raw: '{}' } });
    expect([avatar.expression, avatar.gesture, avatar.activity]).toEqual(['thinking', 'nod', 'Using get_time…']);
    await avatar.onTurn({ type: 'streaming', turn, round: 2, text: 'It is' });
    expect([avatar.expression, avatar.activity]).toEqual(['speaking', '']);
  });

  it('takes the emotion of the last round, from its words when it has no tag', async () => {
    const avatar = new AvatarState();
    await avatar.onTurn(
      done('Great, let me check. [emotion:happy]', 'I am so sorry, unfortunately that did not work.'),
    );
    expect(avatar.expression).toBe('sad');
  });

  it('an [expression:x] tag wins over [emotion:y], and unknown values are ignored', async () => {
    const avatar = new AvatarState();
    await avatar.onTurn(done('[emotion:happy][expression:confused][emotion:furious] Hmm.'));
    expect(avatar.expression).toBe('confused');
  });

  it('rests after a stopped or failed turn instead of staying stuck thinking', async () => {
    const avatar = new AvatarState();
    const turn = turnOf('hi');
    await avatar.onTurn({ type: 'thinking', turn, round: 1 });
    await avatar.onTurn({ type: 'failed', turn, error: 'no' });
    expect(avatar.expression).toBe('idle');
  });

  it('moves its mouth with the voice and rests when it ends', () => {
    const avatar = new AvatarState();
    avatar.speech.onStart();
    expect(avatar.expression).toBe('speaking');
    const beat = avatar.wordBeat;
    avatar.speech.onWord();
    expect(avatar.wordBeat).toBe(!beat);
    avatar.speech.onEnd();
    expect(avatar.expression).toBe('idle');
  });

  it('shows what the control_avatar tool asks for', () => {
    const avatar = new AvatarState();
    avatar.show('surprised', 'jump');
    expect([avatar.expression, avatar.gesture]).toEqual(['surprised', 'jump']);
    expect(round('x').reply.text).toBe('x');
  });
});
