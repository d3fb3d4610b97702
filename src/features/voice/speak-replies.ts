// Auto-speak: a finished reply is read aloud, from the turn's own parse of it (its visible text).
import type { TurnListener } from '../chat/turn-controller.ts';
import type { Speaker } from './speaker.svelte.ts';
import type { VoiceSettings } from './voice-settings.svelte.ts';

export function speakFinishedReplies(speaker: Speaker, settings: VoiceSettings, personaId: () => string): TurnListener {
  return (event) => {
    if (event.type !== 'done' || !settings.value.autoSpeak) return;
    const round = event.turn.rounds.at(-1);
    if (round?.reply.text && round.messageId !== undefined)
      speaker.speak(round.messageId, round.reply.text, personaId());
  };
}
