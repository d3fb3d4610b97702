// Speech to text with the browser's SpeechRecognition: interim words appear in the message box as you
// speak, the final words are sent (or left to edit), and errors are explained in plain words.
import { recognitionErrorMessage } from './recognition-errors.ts';

interface RecognitionResultLike {
  readonly isFinal: boolean;
  readonly 0: { transcript: string };
}

interface RecognitionLike {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: { resultIndex: number; results: ArrayLike<RecognitionResultLike> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

type RecognitionConstructor = new () => RecognitionLike;

function recognitionClass(): RecognitionConstructor | undefined {
  const scope = globalThis as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
}

export const NO_RECOGNITION =
  'Speech input is not available in this browser (no SpeechRecognition). Chrome and Edge have it; type instead.';

export class Listener {
  listening = $state(false);
  /** What was heard so far in this session, interim words included. */
  heard = $state('');
  error = $state('');
  readonly supported = recognitionClass() !== undefined;
  #recognition: RecognitionLike | undefined;

  /** `onFinal` gets the whole final text once the speaker pauses. */
  start(onInterim: (text: string) => void, onFinal: (text: string) => void): void {
    const Recognition = recognitionClass();
    if (!Recognition || this.listening) return;
    const recognition = new Recognition();
    recognition.lang = navigator.language || 'en-US';
    recognition.interimResults = true;
    recognition.continuous = false;
    let final = '';
    recognition.onresult = (event) => {
      let interim = '';
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        if (result.isFinal) final += result[0].transcript;
        else interim += result[0].transcript;
      }
      this.heard = (final + interim).trim();
      onInterim(this.heard);
    };
    recognition.onerror = (event) => {
      this.error = recognitionErrorMessage(event.error);
    };
    recognition.onend = () => {
      this.listening = false;
      this.#recognition = undefined;
      if (final.trim()) onFinal(final.trim());
    };
    this.error = '';
    this.heard = '';
    this.#recognition = recognition;
    this.listening = true;
    try {
      recognition.start();
    } catch (error) {
      this.listening = false;
      this.error = recognitionErrorMessage(error instanceof Error ? error.name : 'unknown');
    }
  }

  stop(): void {
    this.#recognition?.stop();
  }
}
