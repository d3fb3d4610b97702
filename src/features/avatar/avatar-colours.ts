// Colours for the avatar's face: readable ink on whatever palette the learned generator picked.
import type { Palette } from './designs/types.ts';

const DARK_INK = '#1d1f2b';
const LIGHT_INK = '#ffffff';

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  // An unreadable colour counts as mid grey, so the choices below still pick something legible.
  if (!match) return [128, 128, 128];
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

/** WCAG relative luminance of a '#rrggbb' colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour halfway between two '#rrggbb' colours. */
export function mixColours(a: string, b: string): string {
  const [ca, cb] = [channels(a), channels(b)];
  return (
    '#' +
    ca
      .map((v, i) =>
        Math.round((v + cb[i]) / 2)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

/** Dark or white, whichever reads better on the background. */
export const inkOn = (background: string): string =>
  contrastRatio(DARK_INK, background) >= contrastRatio(LIGHT_INK, background) ? DARK_INK : LIGHT_INK;

/** WCAG's minimum contrast for graphics that carry meaning. */
const MIN_FACE_CONTRAST = 3;

/** The palette's light colour for the face, unless it is too faint on the body's gradient. */
export function faceColour(palette: Palette): string {
  const body = mixColours(palette[0], palette[1]);
  return contrastRatio(palette[2], body) >= MIN_FACE_CONTRAST ? palette[2].toLowerCase() : inkOn(body);
}
