// The offline image generator's plan: a deterministic picture (gradient sky, shapes, waves) seeded by
// the prompt and coloured by the learned generator's palette, plus hints from the prompt's words.
// Pure, so it is testable without a canvas; image-providers.ts draws it.
import { mulberry32 } from '../avatar/designs/random.ts';

export type Shape =
  | { kind: 'circle'; x: number; y: number; r: number; color: string; alpha: number }
  | { kind: 'wave'; y: number; amplitude: number; length: number; color: string; alpha: number }
  | { kind: 'polygon'; points: [number, number][]; color: string; alpha: number };

export interface ImagePlan {
  width: number;
  height: number;
  sky: [string, string];
  shapes: Shape[];
}

/** 32-bit FNV-1a: the same prompt always gives the same picture. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash;
}

/** The learned generator's seeded random numbers: the same prompt always draws the same picture. */
export const seededRandom = mulberry32;

/** Words that change the colours; the first match wins. */
const MOODS: [RegExp, [string, string]][] = [
  [/\b(sunset|sunrise|fire|warm|autumn)/i, ['#ff7e5f', '#feb47b']],
  [/\b(night|space|stars?|moon|dark)\b/i, ['#0f2027', '#2c5364']],
  [/\b(sea|ocean|water|lake|rain|blue)\b/i, ['#2b5876', '#4e9af1']],
  [/\b(forest|trees?|grass|green|spring)\b/i, ['#134e5e', '#71b280']],
  [/\b(snow|ice|winter|white)\b/i, ['#e6e9f0', '#eef1f5']],
];

export function imagePlan(prompt: string, palette: readonly string[], width: number, height: number): ImagePlan {
  const random = seededRandom(hashText(prompt.trim().toLowerCase()));
  const colors = palette.length ? palette : ['#e8590c', '#1c7ed6', '#f1f3f5'];
  const pick = () => colors[Math.floor(random() * colors.length)];
  const sky = MOODS.find(([words]) => words.test(prompt))?.[1] ?? [colors[0], colors[colors.length - 1]];
  const shapes: Shape[] = [];
  const circles = 2 + Math.floor(random() * 4);
  for (let i = 0; i < circles; i++) {
    const r = (0.05 + random() * 0.2) * Math.min(width, height);
    shapes.push({
      kind: 'circle',
      x: random() * width,
      y: random() * height * 0.6,
      r,
      color: pick(),
      alpha: 0.5 + random() * 0.5,
    });
  }
  if (/\b(sea|ocean|water|waves?|lake|river)\b/i.test(prompt) || random() < 0.5) {
    for (let i = 0; i < 3; i++) {
      const y = height * (0.6 + i * 0.12);
      shapes.push({
        kind: 'wave',
        y,
        amplitude: 4 + random() * 14,
        length: 40 + random() * 120,
        color: pick(),
        alpha: 0.6 + i * 0.1,
      });
    }
  } else {
    const peaks = 3 + Math.floor(random() * 4);
    const points: [number, number][] = [[0, height]];
    for (let i = 0; i <= peaks; i++) points.push([(i / peaks) * width, height * (0.45 + random() * 0.35)]);
    points.push([width, height]);
    shapes.push({ kind: 'polygon', points, color: pick(), alpha: 0.9 });
  }
  return { width, height, sky, shapes };
}
