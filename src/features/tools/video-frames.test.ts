import { describe, expect, it } from 'vitest';
import { imagePlan } from './image-plan.ts';
import { circleAt, frameAt, wavePhase, waveY, type FrameShape } from './video-frames.ts';

const PALETTE = ['#e8590c', '#1c7ed6', '#f1f3f5'];
const PROMPTS = ['a lighthouse at dawn', 'waves on the ocean', 'mountains at night', 'a red balloon', ''];
const plan = (prompt: string) => imagePlan(prompt, PALETTE, 320, 240);

const circles = (shapes: FrameShape[]) => shapes.filter((s) => s.kind === 'circle');
const waves = (shapes: FrameShape[]) => shapes.filter((s) => s.kind === 'wave');

describe('video frames', () => {
  it('gives the same frame for the same prompt and time', () => {
    for (const prompt of PROMPTS)
      for (const t of [0, 0.5, 1.25, 9.9]) expect(frameAt(plan(prompt), t)).toEqual(frameAt(plan(prompt), t));
  });

  it('starts from the still picture', () => {
    for (const prompt of PROMPTS) {
      const still = plan(prompt);
      const first = frameAt(still, 0);
      still.shapes.forEach((shape, i) => {
        if (shape.kind === 'circle') expect(first.shapes[i]).toMatchObject({ x: shape.x });
        else if (shape.kind === 'wave') expect(first.shapes[i]).toMatchObject({ y: shape.y, phase: 0 });
        else expect(first.shapes[i]).toEqual(shape);
      });
    }
  });

  it('moves every circle and rolls every wave between t=0 and t=1', () => {
    for (const prompt of PROMPTS) {
      const [start, end] = [frameAt(plan(prompt), 0), frameAt(plan(prompt), 1)];
      expect(circles(start.shapes).length).toBeGreaterThan(0);
      circles(start.shapes).forEach((circle, i) => expect(circles(end.shapes)[i].x).not.toBeCloseTo(circle.x, 1));
      waves(start.shapes).forEach((wave, i) => {
        const rolled = waves(end.shapes)[i];
        expect(rolled.phase).toBeGreaterThan(wave.phase);
        expect(waveY(rolled, 10, rolled.phase)).not.toBeCloseTo(waveY(wave, 10, wave.phase), 3);
      });
    }
  });

  it('keeps circles within the frame, wrapping round the sides, for as long as it runs', () => {
    for (const prompt of PROMPTS) {
      const still = plan(prompt);
      for (let t = 0; t <= 60; t += 0.9)
        still.shapes.forEach((shape, i) => {
          if (shape.kind !== 'circle') return;
          const { x, y } = circleAt(still, shape, i, t);
          expect(x).toBeGreaterThanOrEqual(-shape.r);
          expect(x).toBeLessThan(still.width + shape.r);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(still.height);
        });
    }
  });

  it('keeps waves at their height, give or take their amplitude', () => {
    const still = plan('waves on the ocean');
    still.shapes.forEach((shape, i) => {
      if (shape.kind !== 'wave') return;
      for (let t = 0; t <= 10; t += 0.5) {
        const surface = waveY(shape, 123, wavePhase(shape, i, t));
        expect(Math.abs(surface - shape.y)).toBeLessThanOrEqual(shape.amplitude + 1e-9);
      }
    });
  });
});
