import { beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../db/app-db.ts';
import { log, Logger } from '../log/logger.ts';
import { DesignStore, designWants } from './design-store.svelte.ts';
import { neutralTraits } from '../persona/personality.ts';
import { emptyMind, type MindState } from '../mind/types.ts';

let db: AppDB;
const quietLog = () => new Logger(100, () => undefined, false);

beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
});

const musicLover = (): MindState => ({
  ...emptyMind('m'),
  wants: [
    {
      id: 'w',
      subject: 'user',
      topic: 'music',
      description: 'learn piano',
      intensity: 0.6,
      firstSeen: 0,
      lastSeen: 0,
      timesSatisfied: 0,
    },
    {
      id: 'a',
      subject: 'ai',
      topic: 'art',
      description: 'paint',
      intensity: 0.9,
      firstSeen: 0,
      lastSeen: 0,
      timesSatisfied: 0,
    },
  ],
  motivations: { science: 0.8 },
});

describe('designWants', () => {
  it("takes the user's strongest topics (wants and motivations), not the AI's own", () => {
    expect(designWants(musicLover())).toEqual([
      { topic: 'science', weight: 0.8 },
      { topic: 'music', weight: 0.6 },
    ]);
  });
});

describe('DesignStore', () => {
  it('starts a model from the built-in training set with one design, and keeps it across a restart', async () => {
    const store = new DesignStore(db, quietLog());
    await store.use('m', neutralTraits(), musicLover());
    expect(Object.keys(store.memory.associations).length).toBeGreaterThan(5);
    expect(store.memory.history).toHaveLength(1);
    const first = store.current;

    const again = new DesignStore(db, quietLog());
    await again.use('m', neutralTraits(), musicLover());
    expect(again.current).toEqual(first);
  });

  it('Regenerate records a new design; a like is saved on it', async () => {
    const store = new DesignStore(db, quietLog());
    await store.use('m', neutralTraits(), musicLover());
    const second = await store.generate(neutralTraits(), musicLover());
    expect(second.id).not.toBe(store.memory.history[0].id);
    await store.feedback(true);
    expect(store.current?.liked).toBe(true);
    expect((await db.designMemories.get('m'))?.history.at(-1)?.liked).toBe(true);
  });

  it('each model has its own designs', async () => {
    const store = new DesignStore(db, quietLog());
    await store.use('a', neutralTraits(), emptyMind('a'));
    await store.generate(neutralTraits(), emptyMind('a'));
    await store.use('b', neutralTraits(), emptyMind('b'));
    expect(store.memory.history).toHaveLength(1);
    expect((await db.designMemories.get('a'))?.history).toHaveLength(2);
  });
});

describe('a damaged saved generator', () => {
  it('is logged and replaced by the built-in training, so the avatar still gets a design', async () => {
    await db.designMemories.put({
      modelId: 'm',
      associations: {},
      history: [{ id: 'd', palette: 'red' }],
      updatedAt: 0,
    } as never);
    const store = new DesignStore(db, quietLog());
    await store.use('m', neutralTraits(), emptyMind('m'));
    expect(store.current?.palette).toHaveLength(3);
    expect(Object.keys(store.memory.associations).length).toBeGreaterThan(10);
    expect(log.all.at(-1)?.message).toMatch(
      /^A saved avatar design memory \(row 1\) is damaged and was left out: .*history\[0\]/,
    );
  });
});
