// Every saved setting: its key, its schema (with the default for each field, so a value saved by an older
// version still loads) and whether a backup may bring it back. Settings that decide what may run without
// asking or where data goes (tool permissions, the Hub endpoint, the engine) are never restored from a file.
import * as v from 'valibot';
import { DEFAULT_GENERATION } from '../shared/model-types.ts';
import { BUILT_IN_PERSONAS } from '../features/persona/personas.ts';
import { DEFAULT_HUB_ENDPOINT, parseHubEndpoint } from '../features/settings/hub-endpoint.ts';
import { MAX_REPLY_TOKENS } from '../shared/reply-limit.ts';
import { flag, key, numberIn, oneOf, strings, text, wholeIn } from './schema-kit.ts';

export const DEFAULT_MAX_ROUNDS = 5;
/** How fast interests fade when not talked about, unless the user sets otherwise. */
export const HALF_LIFE_DAYS = 14;

const httpUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

const generation = v.object(
  {
    maxNewTokens: v.optional(wholeIn(1, MAX_REPLY_TOKENS), DEFAULT_GENERATION.maxNewTokens),
    temperature: v.optional(numberIn(0, 2), DEFAULT_GENERATION.temperature),
    topP: v.optional(numberIn(0, 1), DEFAULT_GENERATION.topP),
    topK: v.optional(wholeIn(0, 1000), DEFAULT_GENERATION.topK),
    repetitionPenalty: v.optional(numberIn(1, 2), DEFAULT_GENERATION.repetitionPenalty),
    doSample: v.optional(flag, DEFAULT_GENERATION.doSample),
  },
  'an object',
);

const voice = v.object(
  {
    autoSpeak: v.optional(flag, false),
    rate: v.optional(numberIn(0.5, 2), 1),
    pitch: v.optional(numberIn(0, 2), 1),
    /** persona id → SpeechSynthesisVoice.voiceURI */
    voices: v.optional(v.record(v.string(), text, 'an object of persona ids and voice names'), {}),
    sendWhenHeard: v.optional(flag, true),
  },
  'an object',
);

const tools = v.object(
  {
    alwaysAllowed: v.optional(strings, []),
    maxRounds: v.optional(wholeIn(1, 20), DEFAULT_MAX_ROUNDS),
    imageEndpoint: v.optional(
      v.pipe(
        text,
        v.check((value) => value === '' || httpUrl(value), 'empty or an http(s) address'),
      ),
      '',
    ),
  },
  'an object',
);

const hubEndpoint = v.pipe(
  v.string('a URL'),
  v.check((value) => 'endpoint' in parseHubEndpoint(value), 'an http(s) URL without ?query or #fragment'),
);

/** key → schema, what a missing or bad value becomes, and whether a backup may restore it. */
export const SETTINGS = {
  generation: { schema: generation, fallback: v.parse(generation, {}), restorable: true },
  voice: { schema: voice, fallback: v.parse(voice, {}), restorable: true },
  persona: { schema: key, fallback: BUILT_IN_PERSONAS[0].id, restorable: true },
  mindHalfLifeDays: {
    schema: v.pipe(numberIn(0, 36500, 'a number of days above 0'), v.gtValue(0, 'a number of days above 0')),
    fallback: HALF_LIFE_DAYS,
    restorable: true,
  },
  tools: { schema: tools, fallback: v.parse(tools, {}), restorable: false },
  hubEndpoint: { schema: hubEndpoint, fallback: DEFAULT_HUB_ENDPOINT, restorable: false },
  device: { schema: oneOf(['auto', 'webgpu', 'wasm']), fallback: 'auto', restorable: false },
  threads: { schema: wholeIn(0, 1024), fallback: 0, restorable: false },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = v.InferOutput<(typeof SETTINGS)[K]['schema']>;

export const isSettingKey = (value: string): value is SettingKey => Object.hasOwn(SETTINGS, value);

/** What each setting that a backup never restores is, in words, for the note after a restore. */
export const NOT_RESTORED_LABELS: Partial<Record<SettingKey, string>> = {
  tools: 'tool permissions and the image API',
  hubEndpoint: 'the Hub endpoint',
  device: 'the device',
  threads: 'the WASM threads',
};
