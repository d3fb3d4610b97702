import { beforeEach, describe, expect, it } from 'vitest';
import { emptyMind } from '../features/mind/types.ts';
import { log } from '../features/log/logger.ts';
import { AppDB } from './app-db.ts';
import { loadMind, saveMind } from './minds.ts';

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

describe('loadMind', () => {
  it('gives the saved mind, with topics that are Object.prototype names intact', async () => {
    const mind = { ...emptyMind('m'), motivations: { constructor: 0.4 }, interactions: { toString: 2 } };
    await saveMind(db, mind);
    expect(await loadMind(db, 'm')).toEqual(mind);
  });

  it('gives an empty mind, and says why in the log, when the saved one is damaged', async () => {
    await db.minds.put({ ...emptyMind('m'), wants: [{ id: 'w', intensity: 'very' }] } as never);
    expect(await loadMind(db, 'm')).toEqual(emptyMind('m'));
    expect(log.all.at(-1)).toMatchObject({
      level: 'WARN',
      message: expect.stringContaining('mind.wants[0].subject is missing'),
    });
  });
});
