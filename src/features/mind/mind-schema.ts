// The stored (and exported) mind: every field present with the right type and range, or a message naming
// the first one that is not (e.g. `mind.wants[2].intensity must be a number from 0 to 1`). Unknown fields
// are dropped. Used by the mind loader, mind files and backups.
import * as v from 'valibot';
import {
  count,
  flag,
  fraction,
  key,
  numberRecord,
  oneOf,
  strings,
  text,
  time,
  uniqueBy,
  wholeIn,
} from '../../db/schema-kit.ts';
import type { Goal, MindState, Want } from './types.ts';

const wantSchema: v.GenericSchema<unknown, Want> = v.object(
  {
    id: key,
    subject: oneOf(['user', 'ai']),
    topic: text,
    description: text,
    intensity: fraction,
    firstSeen: time,
    lastSeen: time,
    timesSatisfied: count,
  },
  'an object',
);

const goalSchema: v.GenericSchema<unknown, Goal> = v.object(
  {
    id: key,
    name: text,
    description: text,
    progress: fraction,
    priority: wholeIn(1, 10),
    steps: strings,
    done: flag,
    createdAt: time,
  },
  'an object',
);

export const mindSchema: v.GenericSchema<unknown, MindState> = v.object(
  {
    modelId: text,
    wants: v.pipe(
      v.array(wantSchema, 'a list'),
      uniqueBy((want: Want) => want.id),
    ),
    motivations: numberRecord(fraction),
    goals: v.pipe(
      v.array(goalSchema, 'a list'),
      uniqueBy((goal: Goal) => goal.id),
    ),
    interactions: numberRecord(count),
    preferences: strings,
    dislikes: strings,
    updatedAt: time,
  },
  'an object',
);
