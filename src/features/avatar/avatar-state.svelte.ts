// What the avatar shows: thinking while the prompt is built and the model starts, speaking while the
// reply streams, then an emotion — from the reply's own tags, else its words — that fades back to idle.
import { emotionFromText, parseAvatarTags, type Emotion, type Gesture } from './avatar-tags.ts';
import type { ReplyProcessor } from '../chat/turn.ts';

/** How long an emotion or gesture holds before the avatar returns to idle. */
export const HOLD_MS = 4000;

export class AvatarState {
  expression = $state<Emotion>('idle');
  gesture = $state<Gesture | undefined>(undefined);
  /** What the avatar is busy with, in words ("Using get_time…"), while a tool runs. */
  activity = $state('');
  /** Flips on each spoken word, where the speech engine reports word boundaries. */
  wordBeat = $state(false);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly holdMs = HOLD_MS) {}

  show(expression: Emotion, gesture?: Gesture, hold = true): void {
    clearTimeout(this.timer);
    this.activity = '';
    this.expression = expression;
    this.gesture = gesture;
    if (hold) this.timer = setTimeout(() => this.show('idle', undefined, false), this.holdMs);
  }

  thinking(): void {
    this.show('thinking', undefined, false);
  }

  /** A tool runs: the avatar looks busy and says which tool. */
  working(tool: string): void {
    this.show('thinking', 'nod', false);
    this.activity = `Using ${tool}…`;
  }

  word(): void {
    this.wordBeat = !this.wordBeat;
  }

  speaking(): void {
    if (this.expression !== 'speaking') this.show('speaking', undefined, false);
  }

  readonly processor: ReplyProcessor = {
    name: 'Avatar',
    process: ({ result }) => {
      const parsed = parseAvatarTags(result.text);
      const emotion = parsed.expression ?? parsed.emotion ?? emotionFromText(parsed.text) ?? 'idle';
      this.show(emotion, parsed.gesture);
    },
  };

  /** A reply that failed or was stopped leaves the avatar idle, not stuck thinking. */
  reset(): void {
    this.show('idle', undefined, false);
  }
}
