import { describe, expect, it } from 'vitest';
import { hashText, imagePlan, seededRandom, type Shape } from './image-plan.ts';

const PALETTE = ['#102030', '#405060', '#708090'];
const DEFAULTS = ['#e8590c', '#1c7ed6', '#f1f3f5'];

const circles = (shapes: Shape[]) => shapes.filter((shape) => shape.kind === 'circle');
const waves = (shapes: Shape[]) => shapes.filter((shape) => shape.kind === 'wave');

describe('hashText', () => {
  it('matches the published 32-bit FNV-1a values for ASCII text', () => {
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
    expect(hashText('foobar')).toBe(0xbf9cf968);
  });

  it('is stable for the same text and differs for different text', () => {
    expect(hashText('a lighthouse at dawn')).toBe(hashText('a lighthouse at dawn'));
    expect(hashText('a lighthouse at dawn')).not.toBe(hashText('a lighthouse at dusk'));
    expect(hashText('ab')).not.toBe(hashText('ba'));
  });

  it('gives an unsigned 32-bit integer, also for text beyond the Basic Multilingual Plane', () => {
    for (const text of ['🌅 sunset', 'ünïcödé', 'x'.repeat(1000)]) {
      const hash = hashText(text);
      expect(Number.isInteger(hash)).toBe(true);
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThan(2 ** 32);
    }
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = seededRandom(1234);
    const b = seededRandom(1234);
    const first = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(first);
  });

  it('gives a different sequence for a different seed', () => {
    const a = Array.from({ length: 5 }, seededRandom(1));
    const b = Array.from({ length: 5 }, seededRandom(2));
    expect(a).not.toEqual(b);
  });

  it('stays in [0, 1) and is not constant, for edge seeds too', () => {
    for (const seed of [0, 1, 0x7fffffff, 0xffffffff, -1, 2 ** 40]) {
      const random = seededRandom(seed);
      const values = Array.from({ length: 2000 }, random);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThan(1);
      expect(new Set(values).size).toBeGreaterThan(1900);
    }
  });

  it('spreads its values over the whole interval', () => {
    const random = seededRandom(42);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(random() * 10)]++;
    for (const count of buckets) expect(count).toBeGreaterThan(800);
  });
});

describe('imagePlan', () => {
  it('gives the same plan for the same prompt', () => {
    expect(imagePlan('a red boat', PALETTE, 512, 512)).toEqual(imagePlan('a red boat', PALETTE, 512, 512));
  });

  it('ignores case and surrounding spaces in the prompt', () => {
    const plan = imagePlan('a red boat', PALETTE, 512, 512);
    expect(imagePlan('  A Red BOAT \n', PALETTE, 512, 512)).toEqual(plan);
  });

  it('gives different plans for different prompts', () => {
    const plans = ['a red boat', 'a blue car', 'a green hill', 'a cat', 'a dog'].map((prompt) =>
      JSON.stringify(imagePlan(prompt, PALETTE, 512, 512).shapes),
    );
    expect(new Set(plans).size).toBe(plans.length);
  });

  it('keeps the requested size', () => {
    const plan = imagePlan('a red boat', PALETTE, 320, 200);
    expect(plan.width).toBe(320);
    expect(plan.height).toBe(200);
  });

  it('colours every shape from the palette', () => {
    for (let i = 0; i < 50; i++) {
      const plan = imagePlan(`prompt ${i}`, PALETTE, 256, 256);
      expect(plan.shapes.length).toBeGreaterThan(0);
      for (const shape of plan.shapes) expect(PALETTE).toContain(shape.color);
    }
  });

  it('uses a one-colour palette for everything, sky included, when no word sets the mood', () => {
    const plan = imagePlan('a red boat', ['#abcdef'], 256, 256);
    expect(plan.sky).toEqual(['#abcdef', '#abcdef']);
    for (const shape of plan.shapes) expect(shape.color).toBe('#abcdef');
  });

  it('falls back to the default colours for an empty palette', () => {
    const plan = imagePlan('a red boat', [], 256, 256);
    expect(plan.sky).toEqual([DEFAULTS[0], DEFAULTS[2]]);
    for (let i = 0; i < 30; i++)
      for (const shape of imagePlan(`thing ${i}`, [], 256, 256).shapes) expect(DEFAULTS).toContain(shape.color);
  });

  it('takes the sky from the palette’s first and last colours when no word sets the mood', () => {
    expect(imagePlan('a red boat', PALETTE, 256, 256).sky).toEqual(['#102030', '#708090']);
  });

  it.each([
    ['a sunset over hills', ['#ff7e5f', '#feb47b']],
    ['Autumn leaves', ['#ff7e5f', '#feb47b']],
    ['the night city', ['#0f2027', '#2c5364']],
    ['a MOON', ['#0f2027', '#2c5364']],
    ['the open sea', ['#2b5876', '#4e9af1']],
    ['a quiet lake', ['#2b5876', '#4e9af1']],
    ['a forest path', ['#134e5e', '#71b280']],
    ['spring meadow', ['#134e5e', '#71b280']],
    ['snow on a roof', ['#e6e9f0', '#eef1f5']],
    ['winter morning', ['#e6e9f0', '#eef1f5']],
  ])('gives %j its mood’s sky', (prompt, sky) => {
    expect(imagePlan(prompt, PALETTE, 256, 256).sky).toEqual(sky);
  });

  it('lets the first mood in the list win when a prompt has several', () => {
    expect(imagePlan('sunset over the sea at night', PALETTE, 256, 256).sky).toEqual(['#ff7e5f', '#feb47b']);
    expect(imagePlan('a forest in winter snow', PALETTE, 256, 256).sky).toEqual(['#134e5e', '#71b280']);
  });

  it('draws 2 to 5 circles with centres inside the width and the upper 60%, sized by the smaller side', () => {
    const counts = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const plan = imagePlan(`picture ${i}`, PALETTE, 400, 300);
      const found = circles(plan.shapes);
      counts.add(found.length);
      for (const circle of found) {
        if (circle.kind !== 'circle') throw new Error('not a circle');
        expect(circle.x).toBeGreaterThanOrEqual(0);
        expect(circle.x).toBeLessThan(400);
        expect(circle.y).toBeGreaterThanOrEqual(0);
        expect(circle.y).toBeLessThan(300 * 0.6);
        expect(circle.r).toBeGreaterThanOrEqual(0.05 * 300);
        expect(circle.r).toBeLessThan(0.25 * 300);
        expect(circle.alpha).toBeGreaterThanOrEqual(0.5);
        expect(circle.alpha).toBeLessThanOrEqual(1);
      }
    }
    expect([...counts].sort()).toEqual([2, 3, 4, 5]);
  });

  it.each(['the sea', 'OCEAN view', 'water lilies', 'big wave', 'a lake', 'a river bend'])(
    'gives %j three waves in the lower part and no hills',
    (prompt) => {
      const plan = imagePlan(prompt, PALETTE, 200, 100);
      const found = waves(plan.shapes);
      expect(found.map((wave) => wave.kind === 'wave' && wave.y)).toEqual([60, 72, 84]);
      expect(plan.shapes.some((shape) => shape.kind === 'polygon')).toBe(false);
    },
  );

  it('gives other prompts either three waves or one hill polygon spanning the width', () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const plan = imagePlan(`a red boat ${i}`, PALETTE, 200, 100);
      const rest = plan.shapes.filter((shape) => shape.kind !== 'circle');
      if (rest[0].kind === 'wave') {
        kinds.add('waves');
        expect(rest).toHaveLength(3);
      } else {
        kinds.add('hills');
        expect(rest).toHaveLength(1);
        const hills = rest[0];
        if (hills.kind !== 'polygon') throw new Error('not a polygon');
        expect(hills.points[0]).toEqual([0, 100]);
        expect(hills.points.at(-1)).toEqual([200, 100]);
        for (const [x, y] of hills.points) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(200);
          expect(y).toBeGreaterThanOrEqual(45);
          expect(y).toBeLessThanOrEqual(100);
        }
      }
    }
    expect(kinds).toEqual(new Set(['waves', 'hills']));
  });
});

describe('imagePlan moods', () => {
  it('reads whole words only: "a nice cat" is not snow, "street art" is not a forest', () => {
    const defaults = ['#111111', '#222222', '#333333'];
    expect(imagePlan('a nice cat', defaults, 64, 64).sky).toEqual(['#111111', '#333333']);
    expect(imagePlan('street art', defaults, 64, 64).sky).toEqual(['#111111', '#333333']);
    expect(imagePlan('ice on the lake', defaults, 64, 64).sky).toEqual(['#2b5876', '#4e9af1']);
  });
});
