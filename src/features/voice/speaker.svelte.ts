// Text to speech with the browser's speechSynthesis: a reply is cleaned (no code, tags or markup) and
// spoken a sentence at a time, so Stop is instant and long replies never hit an engine's limit.
import { sentenceChunks } from './speech-chunks.ts';
import { speakable } from './speech-text.ts';
import type { VoiceSettings } from './voice-settings.svelte.ts';

export interface SpeakerHooks {
  /** Speaking started (the avatar talks). */
  onStart(): void;
  /** A word boundary, where the engine reports them (the avatar's mouth moves). */
  onWord(): void;
  /** Finished, stopped or failed (the avatar rests). */
  onEnd(): void;
}

export class Speaker {
  /** The message being read, if any. */
  speakingId = $state<number | null>(null);
  voices = $state.raw<SpeechSynthesisVoice[]>([]);
  readonly supported = typeof globalThis.speechSynthesis !== 'undefined';
  #run = 0;

  constructor(
    private readonly settings: VoiceSettings,
    private readonly hooks: SpeakerHooks,
  ) {}

  /** Loads the voice list; Chromium fills it in later, with a voiceschanged event. */
  init(): void {
    if (!this.supported) return;
    const load = () => (this.voices = speechSynthesis.getVoices());
    load();
    speechSynthesis.addEventListener('voiceschanged', load);
  }

  /** Reads a reply's visible text (as shown: no tool calls or avatar tags) aloud. */
  speak(messageId: number, visible: string, personaId: string): void {
    if (!this.supported) return;
    this.stop();
    const chunks = sentenceChunks(speakable(visible));
    if (!chunks.length) return;
    const run = ++this.#run;
    const voice = this.voices.find((v) => v.voiceURI === this.settings.voiceFor(personaId));
    const { rate, pitch } = this.settings.value;
    this.speakingId = messageId;
    this.hooks.onStart();
    const next = (index: number) => {
      if (run !== this.#run) return; // stopped, or another message started
      if (index >= chunks.length) return this.finish(run);
      const utterance = new SpeechSynthesisUtterance(chunks[index]);
      if (voice) utterance.voice = voice;
      utterance.rate = rate;
      utterance.pitch = pitch;
      utterance.onboundary = (event) => {
        if (event.name === 'word' && run === this.#run) this.hooks.onWord();
      };
      utterance.onend = () => next(index + 1);
      utterance.onerror = () => this.finish(run);
      speechSynthesis.speak(utterance);
    };
    next(0);
  }

  stop(): void {
    if (!this.supported) return;
    this.#run++; // callbacks of what was playing are ignored from now on
    speechSynthesis.cancel();
    if (this.speakingId === null) return;
    this.speakingId = null;
    this.hooks.onEnd();
  }

  private finish(run: number): void {
    if (run !== this.#run) return;
    this.speakingId = null;
    this.hooks.onEnd();
  }
}
