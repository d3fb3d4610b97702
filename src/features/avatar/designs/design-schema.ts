// The stored learned generator (designs and associations), per model: checked when it is loaded and when a
// backup brings one, so a damaged value never reaches the avatar's drawing code.
import * as v from 'valibot';
import { flag, fraction, key, numberIn, oneOf, strings, time, uniqueBy } from '../../../db/schema-kit.ts';
import {
  BASE_FORMS,
  EXPRESSION_STYLES,
  MOTION_PATTERNS,
  type Association,
  type Design,
  type DesignMemory,
  type Palette,
} from './types.ts';

const colour = v.pipe(
  v.string('a colour'),
  v.hexColor('a colour like "#1a2b3c"'),
  v.length(7, 'a colour like "#1a2b3c"'),
);
const palette: v.GenericSchema<unknown, Palette> = v.tuple([colour, colour, colour], 'a list of three colours');

const weighted = <T>(value: v.GenericSchema<unknown, T>) =>
  v.array(v.object({ value, confidence: fraction }, 'an object'), 'a list');

const associationSchema: v.GenericSchema<unknown, Association> = v.object(
  {
    palettes: weighted(palette),
    forms: weighted(oneOf(BASE_FORMS)),
    motions: weighted(oneOf(MOTION_PATTERNS)),
    styles: weighted(oneOf(EXPRESSION_STYLES)),
  },
  'an object',
);

const designSchema: v.GenericSchema<unknown, Design> = v.object(
  {
    id: key,
    seed: numberIn(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'a number'),
    palette,
    form: oneOf(BASE_FORMS),
    motion: v.object({ pattern: oneOf(MOTION_PATTERNS), speed: numberIn(0, 2), amplitude: fraction }, 'an object'),
    expressionStyle: oneOf(EXPRESSION_STYLES),
    createdAt: time,
    liked: v.optional(flag),
    sources: strings,
  },
  'an object',
);

export const designMemorySchema: v.GenericSchema<unknown, DesignMemory> = v.object(
  {
    modelId: key,
    associations: v.record(v.string(), associationSchema, 'an object'),
    history: v.pipe(
      v.array(designSchema, 'a list'),
      uniqueBy((design: Design) => design.id),
    ),
    updatedAt: time,
  },
  'an object',
);
