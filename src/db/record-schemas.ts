// One schema per stored record (conversations, messages, personas, tool use). The mind and the learned
// designs have theirs beside their code (features/mind/mind-schema.ts, features/avatar/designs/design-schema.ts),
// settings in setting-schemas.ts. Each schema is typed against the record's interface, so they cannot drift.
import * as v from 'valibot';
import { TRAITS, type Traits } from '../features/persona/personality.ts';
import { BUILT_IN_PERSONAS } from '../features/persona/personas.ts';
import type { Conversation } from './conversations.ts';
import type { MessageStats, StoredMessage, ToolRecord } from './messages.ts';
import type { Persona } from './personas.ts';
import type { ToolUse } from './tool-uses.ts';
import type { ToolDisplay } from '../features/tools/registry.ts';
import { count, flag, fraction, key, name, oneOf, strings, text, time } from './schema-kit.ts';

const id = v.pipe(count, v.minValue(1, 'a whole number ≥ 1'));

export const conversationSchema: v.GenericSchema<unknown, Conversation> = v.object(
  {
    id,
    title: text,
    modelId: key,
    createdAt: time,
    updatedAt: time,
    personaId: v.optional(text),
    pinned: v.optional(flag),
  },
  'an object',
);

// Images and videos are Blobs, so a JSON file (a backup) can only ever carry text and code output.
const displaySchema: v.GenericSchema<unknown, ToolDisplay> = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('text'), text }),
    v.object({ kind: v.literal('code'), output: text }),
    v.object({ kind: v.literal('image'), blob: v.instance(Blob, 'an image'), alt: text }),
    v.object({ kind: v.literal('video'), blob: v.instance(Blob, 'a video'), alt: text }),
  ],
  'an object with "kind": "text", "code", "image" or "video"',
);

const toolRecordSchema: v.GenericSchema<unknown, ToolRecord> = v.object(
  {
    name: key,
    arguments: v.record(v.string(), v.unknown(), 'an object'),
    success: v.optional(flag),
    error: v.optional(text),
    durationMs: v.optional(time),
    display: v.optional(displaySchema),
  },
  'an object',
);

const statsSchema: v.GenericSchema<unknown, MessageStats> = v.object(
  { tokens: count, tokensPerSecond: time, timeToFirstTokenMs: time },
  'an object',
);

export const messageSchema: v.GenericSchema<unknown, StoredMessage> = v.object(
  {
    id,
    conversationId: id,
    role: oneOf(['system', 'user', 'assistant', 'tool']),
    text,
    createdAt: time,
    modelId: key,
    status: oneOf(['streaming', 'done', 'stopped', 'error']),
    stats: v.optional(statsSchema),
    error: v.optional(text),
    prompt: v.optional(v.object({ text, tokens: count }, 'an object')),
    topics: v.optional(strings),
    feedback: v.optional(v.picklist([1, -1], '1 or -1')),
    tool: v.optional(toolRecordSchema),
    // Rebuilt from the text whenever a message is written (app-db.ts), so a file cannot plant its own.
    words: v.optional(strings),
  },
  'an object',
);

const traitsSchema: v.GenericSchema<unknown, Traits> = v.object(
  Object.fromEntries(TRAITS.map((trait) => [trait, fraction])) as Record<keyof Traits, typeof fraction>,
  'an object of eight traits',
);

export const personaSchema: v.GenericSchema<unknown, Persona> = v.object(
  {
    id: v.pipe(
      key,
      v.check((id) => !BUILT_IN_PERSONAS.some((persona) => persona.id === id), 'not the id of a built-in persona'),
    ),
    builtIn: v.literal(false, 'false (built-in personas are part of the app)'),
    updatedAt: time,
    name,
    description: text,
    personality: text,
    scenario: text,
    systemPrompt: text,
    greeting: text,
    traits: traitsSchema,
    promptPreset: oneOf(['simple', 'full', 'custom']),
  },
  'an object',
);

export const toolUseSchema: v.GenericSchema<unknown, ToolUse> = v.object(
  {
    modelId: key,
    tool: key,
    calls: count,
    successes: count,
    failures: count,
    totalMs: time,
    lastUsedAt: time,
  },
  'an object',
);
