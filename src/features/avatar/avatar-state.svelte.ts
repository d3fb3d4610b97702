// What the avatar shows, and the one place that changes it: thinking while the prompt is built and the
// model starts, speaking while a reply streams (or the voice reads it), busy while a tool runs, then an
// emotion — from the reply's own tags, else its words — that fades back to idle. It is driven by three
// inputs only: the turn's events (`onTurn`), the voice (`speech`) and the control_avatar tool (`show`).
import type { TurnListener } from '../chat/turn-controller.ts';
import type { SpeakerHooks } from '../voice/speaker.svelte.ts';
import { emotionFromText, type Emotion, type Gesture } from './avatar-tags.ts';

/** How long an emotion or gesture holds before the avatar returns to idle. */
export const HOLD_MS = 4000;

export class AvatarState {
  expression = $state<Emotion>('idle');
  gesture = $state<Gesture | undefined>(undefined);
  /** What the avatar is busy with, in words ("Using get_time…"), while a tool runs. */
  activity = $state('');
  /** Flips on each spoken word, where the speech engine reports word boundaries. */
  wordBeat = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly holdMs = HOLD_MS) {}

  /** An expression (and gesture) on purpose; it holds for a while, then the avatar rests. */
  show(expression: Emotion, gesture?: Gesture, hold = true): void {
    clearTimeout(this.#timer);
    this.activity = '';
    this.expression = expression;
    this.gesture = gesture;
    if (hold) this.#timer = setTimeout(() => this.show('idle', undefined, false), this.holdMs);
  }

  readonly onTurn: TurnListener = (event) => {
    switch (event.type) {
      case 'thinking':
        return this.show('thinking', undefined, false);
      case 'streaming':
        return this.#speaking();
      case 'tool-started':
        this.show('thinking', 'nod', false);
        this.activity = `Using ${event.call.name || 'a tool'}…`;
        return;
      case 'done': {
        const reply = event.turn.rounds.at(-1)?.reply;
        const tags = reply?.avatar;
        const emotion = tags?.expression ?? tags?.emotion ?? emotionFromText(reply?.text ?? '') ?? 'idle';
        return this.show(emotion, tags?.gesture);
      }
      case 'stopped':
      case 'failed':
        // A reply that failed or was stopped leaves the avatar idle, not stuck thinking.
        return this.show('idle', undefined, false);
    }
  };

  /** The voice reading a reply: the mouth moves with each word, then the avatar rests. */
  readonly speech: SpeakerHooks = {
    onStart: () => this.#speaking(),
    onWord: () => (this.wordBeat = !this.wordBeat),
    onEnd: () => this.show('idle', undefined, false),
  };

  #speaking(): void {
    if (this.expression !== 'speaking') this.show('speaking', undefined, false);
  }
}
