import { describe, expect, it } from 'vitest';
import { EMOTIONS } from './avatar-tags.ts';
import { BASE_FORMS, EXPRESSION_STYLES, type Design } from './designs/types.ts';
import { contrastRatio, faceColour, inkOn, luminance, mixColours } from './avatar-colours.ts';
import { bodyPath, faceFor, faceStroke, motionTiming, type Face } from './avatar-shapes.ts';

const numbers = (path: string): number[] => (path.match(/-?\d*\.?\d+(?:e-?\d+)?/gi) ?? []).map(Number);
const commands = (path: string): string[] => path.match(/[a-z]/gi) ?? [];
const faceParts = (face: Face): string[] =>
  [face.leftEye, face.rightEye, face.mouth, face.brows, face.pupils].filter((p): p is string => p !== undefined);

describe('bodyPath', () => {
  it.each(BASE_FORMS)('draws a closed %s inside the default 100 box', (form) => {
    const path = bodyPath(form);
    expect(path).toMatch(/^M/);
    expect(path.trim()).toMatch(/Z$/);
    expect(commands(path).every((c) => 'MLQCAZ'.includes(c))).toBe(true);
    const values = numbers(path);
    expect(values.length).toBeGreaterThan(6);
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
  });

  it.each(BASE_FORMS)('scales %s to the box it is given', (form) => {
    const values = numbers(bodyPath(form, 240));
    expect(Math.max(...values)).toBeGreaterThan(200);
    expect(Math.max(...values)).toBeLessThanOrEqual(240);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  });

  it('gives each form its own outline', () => {
    expect(new Set(BASE_FORMS.map((form) => bodyPath(form))).size).toBe(BASE_FORMS.length);
  });

  it('centres the forms (their coordinates span the middle of the box evenly)', () => {
    for (const form of BASE_FORMS.filter((f) => f !== 'circle' && f !== 'rounded-square')) {
      // Polygons and the blob: the x coordinates alone (every other number after M/L/Q/C).
      const xs = numbers(bodyPath(form)).filter((_, i) => i % 2 === 0);
      expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(50, 0);
    }
  });
});

describe('faceFor', () => {
  it.each(EXPRESSION_STYLES)('draws every expression in %s style, each one unlike idle', (style) => {
    const idle = faceFor('idle', style);
    for (const expression of EMOTIONS) {
      const face = faceFor(expression, style);
      for (const part of faceParts(face)) {
        expect(part).toMatch(/^M/);
        expect(numbers(part).every((n) => n >= 0 && n <= 100)).toBe(true);
      }
      if (expression !== 'idle') expect(face).not.toEqual(idle);
    }
  });

  it('gives each expression a face unlike every other one', () => {
    for (const style of EXPRESSION_STYLES) {
      const faces = EMOTIONS.map((e) => JSON.stringify(faceFor(e, style)));
      expect(new Set(faces).size).toBe(EMOTIONS.length);
    }
  });

  it('draws the same expression differently in each style', () => {
    for (const expression of EMOTIONS) {
      const faces = EXPRESSION_STYLES.map((s) => JSON.stringify(faceFor(expression, s)));
      expect(new Set(faces).size).toBe(EXPRESSION_STYLES.length);
    }
  });

  it('smiles when happy and frowns when sad (mouth corners above or below its middle)', () => {
    const mouthDip = (face: Face) => {
      const ys = numbers(face.mouth).filter((_, i) => i % 2 === 1);
      return Math.max(...ys) - ys[0];
    };
    for (const style of EXPRESSION_STYLES) {
      expect(mouthDip(faceFor('happy', style))).toBeGreaterThan(3);
      // A frown's corners are its lowest points.
      expect(mouthDip(faceFor('sad', style))).toBeLessThanOrEqual(0);
    }
  });

  it('opens the mouth when surprised, excited or speaking, and raises brows when surprised', () => {
    for (const style of EXPRESSION_STYLES) {
      expect(faceFor('surprised', style).openMouth).toBe(true);
      expect(faceFor('excited', style).openMouth).toBe(true);
      expect(faceFor('speaking', style).openMouth).toBe(true);
      expect(faceFor('idle', style).openMouth).toBe(false);
      expect(faceFor('idle', style).brows).toBeUndefined();
      const browTop = (face: Face) => Math.min(...numbers(face.brows ?? '').filter((_, i) => i % 2 === 1));
      expect(browTop(faceFor('surprised', style))).toBeLessThan(browTop(faceFor('sad', style)));
    }
  });

  it('glances aside when thinking', () => {
    // Each eye path starts at its leftmost point: `M x y`.
    const start = (face: Face) => numbers(face.leftEye)[0];
    expect(start(faceFor('thinking', 'minimal'))).toBeGreaterThan(start(faceFor('idle', 'minimal')));
    expect(faceFor('thinking', 'cartoon').pupils).not.toBe(faceFor('idle', 'cartoon').pupils);
  });

  it('closes the eyes into arcs when happy, and only cartoon eyes have pupils', () => {
    for (const style of EXPRESSION_STYLES) {
      expect(faceFor('happy', style).solidEyes).toBe(false);
      expect(faceFor('idle', style).solidEyes).toBe(true);
      expect(faceFor('idle', style).pupils === undefined).toBe(style !== 'cartoon');
    }
  });

  it('draws geometric faces with straight lines only', () => {
    for (const expression of EMOTIONS) {
      const parts = faceParts(faceFor(expression, 'geometric')).join(' ');
      expect(commands(parts).every((c) => 'MLZ'.includes(c))).toBe(true);
    }
  });

  it('has a stroke for every style, with square corners only in geometric', () => {
    for (const style of EXPRESSION_STYLES) {
      const stroke = faceStroke(style);
      expect(stroke.width).toBeGreaterThan(0);
      expect(stroke.linejoin === 'miter').toBe(style === 'geometric');
    }
  });
});

describe('colours', () => {
  it('measures luminance and contrast as WCAG does', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(mixColours('#000000', '#ffffff')).toBe('#808080');
  });

  it('keeps the palette light colour for the face when it reads on the body', () => {
    expect(faceColour(['#3b5bdb', '#7048e8', '#F8F9FA'])).toBe('#f8f9fa');
  });

  it('falls back to a contrasting ink when the light colour is too faint', () => {
    const pastel = faceColour(['#fff3bf', '#ffe8cc', '#ffffff']);
    expect(contrastRatio(pastel, mixColours('#fff3bf', '#ffe8cc'))).toBeGreaterThanOrEqual(3);
    const dark = faceColour(['#212529', '#343a40', '#1c1c1c']);
    expect(dark).toBe('#ffffff');
    expect(inkOn('#ffffff')).not.toBe('#ffffff');
  });
});

describe('motionTiming', () => {
  const motion = (pattern: Design['motion']['pattern'], speed: number, amplitude: number): Design['motion'] => ({
    pattern,
    speed,
    amplitude,
  });

  it('runs faster as speed rises and never stalls at speed 0', () => {
    expect(motionTiming(motion('float', 1, 0.5))).toEqual({ duration: '2.5s', amplitude: '0.5' });
    expect(motionTiming(motion('float', 2, 0.5)).duration).toBe('1.25s');
    expect(motionTiming(motion('still', 0, 0)).duration).toBe('12.5s');
  });

  it('spins slower than it sways, and clamps the amplitude', () => {
    expect(motionTiming(motion('spin', 1, 1)).duration).toBe('10s');
    expect(motionTiming(motion('sway', 1, 3)).amplitude).toBe('1');
    expect(motionTiming(motion('pulse', Number.NaN, -1))).toEqual({ duration: '2.5s', amplitude: '0' });
  });
});
