// The offline video's motion: an image plan (image-plan.ts) brought to life over time. Circles drift
// sideways, wrapping round the edges, and bob; waves roll. Pure, so it is testable without a canvas;
// generate-video.ts draws the frames.
import type { ImagePlan, Shape } from './image-plan.ts';

type Circle = Extract<Shape, { kind: 'circle' }>;
type Wave = Extract<Shape, { kind: 'wave' }>;

/** A shape as drawn in one frame: waves carry how far they have rolled (radians). */
export type FrameShape = Exclude<Shape, Wave> | (Wave & { phase: number });

export interface Frame {
  width: number;
  height: number;
  sky: [string, string];
  shapes: FrameShape[];
}

/** `value` brought into [low, low + span), so a shape leaving one edge comes back at the other. */
function wrap(value: number, low: number, span: number): number {
  return low + ((((value - low) % span) + span) % span);
}

/** Pixels per second: big (near) circles move slower than small ones, and neighbours go opposite ways. */
export function circleSpeed(circle: Circle, index: number): number {
  const speed = 8 + 480 / Math.max(circle.r, 1);
  return index % 2 === 0 ? speed : -speed;
}

/** Where a circle is at `t` seconds. Its x wraps within [-r, width + r]; its y stays within the frame. */
export function circleAt(plan: ImagePlan, circle: Circle, index: number, t: number): { x: number; y: number } {
  const x = wrap(circle.x + circleSpeed(circle, index) * t, -circle.r, plan.width + 2 * circle.r);
  const bob = Math.min(6, circle.r / 3) * Math.sin(2 * Math.PI * (0.25 + (index % 3) * 0.1) * t + index);
  const y = Math.max(0, Math.min(plan.height, circle.y + bob));
  return { x, y };
}

/** How far a wave has rolled at `t` seconds (radians); each wave has its own speed, so they shear. */
export function wavePhase(wave: Wave, index: number, t: number): number {
  const speed = 20 + (index % 3) * 10;
  return ((speed * t) / wave.length) * 2 * Math.PI;
}

/** The wave's surface at `x`, given its phase. */
export function waveY(wave: Wave, x: number, phase: number): number {
  return wave.y + Math.sin((x / wave.length) * 2 * Math.PI - phase) * wave.amplitude;
}

/** The whole picture at `t` seconds. Mountains (polygons) and the sky stay still. */
export function frameAt(plan: ImagePlan, t: number): Frame {
  const shapes = plan.shapes.map((shape, index): FrameShape => {
    if (shape.kind === 'circle') return { ...shape, ...circleAt(plan, shape, index, t) };
    if (shape.kind === 'wave') return { ...shape, phase: wavePhase(shape, index, t) };
    return shape;
  });
  return { width: plan.width, height: plan.height, sky: plan.sky, shapes };
}
