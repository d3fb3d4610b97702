// What SpeechRecognition's error codes mean, for people.

const RECOGNITION_ERRORS: Record<string, string> = {
  'not-allowed':
    'Microphone access is blocked. Allow the microphone for this site in your browser’s site settings ' +
    '(the icon next to the address bar), then try again.',
  'service-not-allowed':
    'The browser does not allow speech recognition here. Check that the microphone is allowed for this ' +
    'site in your browser’s site settings, and that speech recognition is not turned off in the browser.',
  'no-speech': 'No speech was heard. Try again, speaking a little closer to the microphone.',
  'audio-capture':
    'No microphone was found, or another app is using it. Check that one is connected and free, then try again.',
  network:
    'Speech recognition needs the internet: this browser sends the audio to its speech service on a server, ' +
    'so it cannot work offline. Type your message instead, or try again when you are online.',
  aborted: 'Listening stopped.',
  'language-not-supported':
    'Speech recognition does not support the chosen language in this browser. Pick another language or type ' +
    'your message.',
  'bad-grammar': 'The speech recognizer could not use its word list. Try again.',
};

/** A plain-language message for a SpeechRecognitionErrorEvent's `error` code. Never throws. */
export function recognitionErrorMessage(error: string): string {
  const code = typeof error === 'string' ? error.trim() : '';
  if (Object.hasOwn(RECOGNITION_ERRORS, code)) return RECOGNITION_ERRORS[code];
  const shown = code.slice(0, 60);
  return shown
    ? `Speech recognition failed (${shown}). Try again, or type your message.`
    : 'Speech recognition failed. Try again, or type your message.';
}
