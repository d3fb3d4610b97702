// control_avatar: the model changes the avatar's face or makes it gesture on purpose, besides the
// [emotion:…] tags it may write in a reply.
import { EMOTIONS, GESTURES, type Emotion, type Gesture } from '../../avatar/avatar-tags.ts';
import type { Tool } from '../registry.ts';

/** 'speaking' is set while the voice talks, not chosen. */
const EXPRESSIONS = EMOTIONS.filter((emotion) => emotion !== 'speaking');

export interface AvatarControl {
  show(expression: Emotion, gesture?: Gesture): void;
}

const isExpression = (value: unknown): value is Emotion => EXPRESSIONS.some((e) => e === value);
const isGesture = (value: unknown): value is Gesture => GESTURES.some((g) => g === value);

export function controlAvatarTool(avatar: AvatarControl): Tool {
  return {
    name: 'control_avatar',
    description: 'Changes the avatar’s facial expression and/or makes it do a gesture.',
    parameters: {
      expression: { type: 'string', description: 'The face to show', enum: EXPRESSIONS },
      gesture: { type: 'string', description: 'A gesture to do once', enum: GESTURES },
    },
    example: { expression: 'happy', gesture: 'wave' },
    async run(args) {
      const { expression, gesture } = args;
      if (expression === undefined && gesture === undefined)
        throw new Error('Give an expression, a gesture or both, like {"expression": "happy", "gesture": "wave"}.');
      if (expression !== undefined && !isExpression(expression))
        throw new Error(`Unknown expression "${String(expression)}". Use one of: ${EXPRESSIONS.join(', ')}.`);
      if (gesture !== undefined && !isGesture(gesture))
        throw new Error(`Unknown gesture "${String(gesture)}". Use one of: ${GESTURES.join(', ')}.`);
      // A gesture alone keeps a neutral face.
      avatar.show(expression ?? 'idle', gesture);
      const shown = [expression, gesture].filter(Boolean).join(' and ');
      return { result: { expression, gesture }, display: { kind: 'text', text: `The avatar shows: ${shown}.` } };
    },
  };
}
