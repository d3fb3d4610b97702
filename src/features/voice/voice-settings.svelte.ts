// Voice settings, saved: speak replies automatically, rate and pitch, a voice per persona, and whether
// the microphone sends what it heard or leaves it in the box for editing.
import type { AppDB } from '../../db/app-db.ts';
import { SETTINGS } from '../../db/setting-schemas.ts';
import { putSetting, readSetting } from '../../db/settings.ts';

export interface VoicePreferences {
  autoSpeak: boolean;
  rate: number;
  pitch: number;
  /** persona id → SpeechSynthesisVoice.voiceURI ('' or missing: the browser's default voice) */
  voices: Record<string, string>;
  /** true: the final words are sent at once; false: they stay in the message box to edit. */
  sendWhenHeard: boolean;
}

export const DEFAULT_VOICE: VoicePreferences = SETTINGS.voice.fallback;

const clamp = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

export class VoiceSettings {
  value = $state.raw<VoicePreferences>(DEFAULT_VOICE);

  constructor(private readonly db: AppDB) {}

  async restore(): Promise<void> {
    this.value = await readSetting(this.db, 'voice');
  }

  async save(change: Partial<VoicePreferences>): Promise<void> {
    const next = { ...this.value, ...change };
    this.value = { ...next, rate: clamp(next.rate, 0.5, 2, 1), pitch: clamp(next.pitch, 0, 2, 1) };
    await putSetting(this.db, 'voice', this.value);
  }

  voiceFor(personaId: string): string {
    return this.value.voices[personaId] ?? '';
  }

  async setVoice(personaId: string, voiceURI: string): Promise<void> {
    await this.save({ voices: { ...this.value.voices, [personaId]: voiceURI } });
  }
}
