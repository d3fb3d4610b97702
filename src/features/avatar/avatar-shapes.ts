// Pure geometry and colour for the SVG avatar: a body outline per base form, face parts per expression
// and style, a face colour that stays readable on the body, and the CSS values a design's motion becomes.
// Face paths use a 100×100 box centred on (50, 50), the body's default size.
import type { Emotion } from './avatar-tags.ts';
import type { BaseForm, ExpressionStyle, Motion } from './designs/types.ts';

/** Two decimals keep paths short; `+ 0` turns -0 into 0. */
const num = (value: number): string => String(Math.round(value * 100) / 100 + 0);

/** Path text with its numbers rounded: d`M${x} ${y}`. */
function d(parts: TemplateStringsArray, ...values: number[]): string {
  return parts.reduce((out, part, i) => out + part + (i < values.length ? num(values[i]) : ''), '');
}

interface Point {
  x: number;
  y: number;
}

const polar = (cx: number, cy: number, r: number, degrees: number): Point => ({
  x: cx + r * Math.cos((degrees * Math.PI) / 180),
  y: cy + r * Math.sin((degrees * Math.PI) / 180),
});

const ellipse = (cx: number, cy: number, rx: number, ry: number): string =>
  d`M${cx - rx} ${cy} A${rx} ${ry} 0 1 0 ${cx + rx} ${cy} A${rx} ${ry} 0 1 0 ${cx - rx} ${cy} Z`;
const circle = (cx: number, cy: number, r: number): string => ellipse(cx, cy, r, r);
const rect = (cx: number, cy: number, hw: number, hh: number): string =>
  d`M${cx - hw} ${cy - hh} L${cx + hw} ${cy - hh} L${cx + hw} ${cy + hh} L${cx - hw} ${cy + hh} Z`;

/** A closed polygon whose corners are softened: each is a quadratic curve that cuts `radius` off both edges. */
function roundedPolygon(points: Point[], radius: number): string {
  const n = points.length;
  const cut = (from: Point, to: Point): Point => {
    const t = Math.min(radius / Math.hypot(to.x - from.x, to.y - from.y), 0.5);
    return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
  };
  const start = cut(points[0], points[1]);
  let path = d`M${start.x} ${start.y}`;
  for (let i = 1; i <= n; i++) {
    const corner = points[i % n];
    const before = cut(corner, points[i - 1]);
    const after = cut(corner, points[(i + 1) % n]);
    path += d` L${before.x} ${before.y} Q${corner.x} ${corner.y} ${after.x} ${after.y}`;
  }
  return path + ' Z';
}

/** A smooth closed curve through the points (Catmull-Rom turned into cubic Béziers). */
function smoothClosed(points: Point[]): string {
  const n = points.length;
  const at = (i: number) => points[(i + n) % n];
  let path = d`M${points[0].x} ${points[0].y}`;
  for (let i = 0; i < n; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    path += d` C${c1.x} ${c1.y} ${c2.x} ${c2.y} ${p2.x} ${p2.y}`;
  }
  return path + ' Z';
}

/** The body's reach from the centre, as a fraction of the box: leaves a margin for strokes and curves. */
const BODY_RADIUS = 0.44;
/** Radii of the blob's eight lobes, going round from the top; fixed so a form always looks the same. */
const BLOB_LOBES = [1, 0.87, 0.97, 0.9, 0.99, 0.86, 0.95, 0.91];

/** SVG path data for a base form, centred in a 0..size box. */
export function bodyPath(form: BaseForm, size = 100): string {
  const c = size / 2;
  const r = size * BODY_RADIUS;
  switch (form) {
    case 'circle':
      return circle(c, c, r);
    case 'rounded-square': {
      const h = r * 0.9;
      const k = r * 0.32;
      return d`M${c - h + k} ${c - h} L${c + h - k} ${c - h} A${k} ${k} 0 0 1 ${c + h} ${c - h + k} L${c + h} ${c + h - k} A${k} ${k} 0 0 1 ${c + h - k} ${c + h} L${c - h + k} ${c + h} A${k} ${k} 0 0 1 ${c - h} ${c + h - k} L${c - h} ${c - h + k} A${k} ${k} 0 0 1 ${c - h + k} ${c - h} Z`;
    }
    case 'blob':
      return smoothClosed(BLOB_LOBES.map((lobe, i) => polar(c, c, r * lobe, i * 45 - 90)));
    case 'hexagon':
      return roundedPolygon(
        Array.from({ length: 6 }, (_, i) => polar(c, c, r, i * 60 - 90)),
        size * 0.05,
      );
    case 'star': {
      // A five-point star's points reach lower than its top; moving it down centres it vertically.
      const cy = c + r * 0.095;
      const points = Array.from({ length: 10 }, (_, i) => polar(c, cy, i % 2 ? r * 0.58 : r, i * 36 - 90));
      return roundedPolygon(points, size * 0.025);
    }
    case 'diamond':
      return roundedPolygon(
        [
          { x: c, y: c - r },
          { x: c + r * 0.84, y: c },
          { x: c, y: c + r },
          { x: c - r * 0.84, y: c },
        ],
        size * 0.06,
      );
  }
}

export interface Face {
  leftEye: string;
  rightEye: string;
  mouth: string;
  brows?: string;
  /** Eyes are solid shapes to fill (dots, ovals, squares); otherwise they are strokes (closed, happy). */
  solidEyes: boolean;
  /** Cartoon pupils, drawn in a dark ink over the eyes. */
  pupils?: string;
  /** The mouth is an open shape (surprised, excited, speaking) whose inside is shaded. */
  openMouth: boolean;
}

type MouthKind = 'neutral' | 'smile' | 'frown' | 'flat' | 'wavy' | 'o' | 'grin' | 'open';
/** How one brow sits: lift of the whole brow, of its outer and inner ends (negative is up), and its arch. */
type Brow = [lift: number, outer: number, inner: number, arch: number];

interface Expression {
  closedEyes?: boolean;
  eyeScale?: number;
  /** The right eye's size relative to the left (a squint). */
  rightEyeScale?: number;
  /** Where the gaze goes: moves the eyes, or the pupils in cartoon style. */
  glance?: Point;
  pupilScale?: number;
  mouth: MouthKind;
  brows?: [left: Brow, right: Brow];
}

const pair = (left: Brow, right = left): [Brow, Brow] => [left, right];

const EXPRESSIONS: Record<Emotion, Expression> = {
  idle: { mouth: 'neutral' },
  happy: { closedEyes: true, mouth: 'smile' },
  sad: { eyeScale: 0.9, glance: { x: 0, y: 1.5 }, mouth: 'frown', brows: pair([0, 2, -2.5, 0.5]) },
  surprised: { eyeScale: 1.3, pupilScale: 0.75, mouth: 'o', brows: pair([-4, 0, 0, 2]) },
  thinking: { glance: { x: 3.5, y: -2.5 }, mouth: 'flat', brows: pair([1, 0, 0, 0.5], [-3.5, 0, 0, 2]) },
  confused: {
    rightEyeScale: 0.8,
    glance: { x: -1, y: 0 },
    mouth: 'wavy',
    brows: pair([1, -2, 2, 0], [-3, 1.5, -1.5, 1]),
  },
  excited: { eyeScale: 1.15, mouth: 'grin', brows: pair([-2.5, 0, 0, 1.5]) },
  speaking: { mouth: 'open' },
};

interface StyleShape {
  eye: (cx: number, cy: number, scale: number) => string;
  /** Half the mouth's width. */
  mouth: number;
  /** Straight segments and corners instead of curves. */
  straight: boolean;
  browY: number;
}

const STYLES: Record<ExpressionStyle, StyleShape> = {
  minimal: { eye: (x, y, s) => circle(x, y, 2.6 * s), mouth: 8, straight: false, browY: 36 },
  cartoon: { eye: (x, y, s) => circle(x, y, 7.5 * s), mouth: 11, straight: false, browY: 31 },
  soft: { eye: (x, y, s) => ellipse(x, y, 3.4 * s, 4.8 * s), mouth: 10, straight: false, browY: 35 },
  geometric: { eye: (x, y, s) => rect(x, y, 3.2 * s, 3.2 * s), mouth: 10, straight: true, browY: 35 },
};

const EYE_Y = 44;
const EYE_DX = 12;
const MOUTH_Y = 62;
const CENTRE = 50;

function closedEye(x: number, y: number, style: ExpressionStyle): string {
  if (style === 'geometric') return d`M${x - 4} ${y + 2} L${x} ${y - 2.5} L${x + 4} ${y + 2}`;
  const w = style === 'cartoon' ? 6 : 4.5;
  return d`M${x - w} ${y + 1.5} Q${x} ${y - w} ${x + w} ${y + 1.5}`;
}

function mouthPath(kind: MouthKind, w: number, straight: boolean): string {
  const [x, y] = [CENTRE, MOUTH_Y];
  switch (kind) {
    case 'neutral':
      return straight ? d`M${x - w} ${y} L${x + w} ${y}` : d`M${x - w} ${y} Q${x} ${y + 3} ${x + w} ${y}`;
    case 'smile':
      return straight
        ? d`M${x - w} ${y - 1} L${x - w / 3} ${y + 4} L${x + w / 3} ${y + 4} L${x + w} ${y - 1}`
        : d`M${x - w} ${y - 1} Q${x} ${y + 10} ${x + w} ${y - 1}`;
    case 'frown':
      return straight
        ? d`M${x - w} ${y + 4} L${x - w / 3} ${y - 1} L${x + w / 3} ${y - 1} L${x + w} ${y + 4}`
        : d`M${x - w} ${y + 4} Q${x} ${y - 6} ${x + w} ${y + 4}`;
    case 'flat':
      // Pushed to one side, as if chewing on the question.
      return straight
        ? d`M${x - w * 0.4} ${y + 1} L${x + w * 0.8} ${y - 1}`
        : d`M${x - w * 0.4} ${y + 1} Q${x + w * 0.2} ${y + 1.5} ${x + w * 0.8} ${y - 1}`;
    case 'wavy':
      return straight
        ? d`M${x - w} ${y} L${x - w / 2} ${y - 2.5} L${x} ${y} L${x + w / 2} ${y + 2.5} L${x + w} ${y}`
        : d`M${x - w} ${y} Q${x - w / 2} ${y - 5} ${x} ${y} T${x + w} ${y}`;
    case 'o':
      return straight ? rect(x, y + 2, w * 0.35, 4.5) : ellipse(x, y + 2, w * 0.4, 5);
    case 'grin':
      return straight
        ? d`M${x - w} ${y - 2} L${x + w} ${y - 2} L${x + w / 2} ${y + 6} L${x - w / 2} ${y + 6} Z`
        : d`M${x - w - 1} ${y - 2} Q${x} ${y + 16} ${x + w + 1} ${y - 2} Z`;
    case 'open':
      return straight ? rect(x, y + 1, w * 0.5, 3.5) : ellipse(x, y + 1, w * 0.55, 4);
  }
}

function browPath(cx: number, side: -1 | 1, y: number, [lift, outer, inner, arch]: Brow, straight: boolean): string {
  const [ox, ix] = [cx + side * 5, cx - side * 5];
  const [oy, iy] = [y + lift + outer, y + lift + inner];
  return straight ? d`M${ox} ${oy} L${ix} ${iy}` : d`M${ox} ${oy} Q${cx} ${(oy + iy) / 2 - arch} ${ix} ${iy}`;
}

/** Eyes, mouth and brows for an expression, drawn in a style (100×100 box). */
export function faceFor(expression: Emotion, style: ExpressionStyle): Face {
  const look = EXPRESSIONS[expression];
  const shape = STYLES[style];
  const cartoon = style === 'cartoon';
  const glance = look.glance ?? { x: 0, y: 0 };
  // Cartoon eyes stay put and their pupils look around; other styles move the whole eye.
  const shift = cartoon ? { x: 0, y: 0 } : glance;
  const [lx, rx, ey] = [CENTRE - EYE_DX + shift.x, CENTRE + EYE_DX + shift.x, EYE_Y + shift.y];
  const scale = look.eyeScale ?? 1;
  const rightScale = scale * (look.rightEyeScale ?? 1);

  const face: Face = {
    leftEye: look.closedEyes ? closedEye(lx, ey, style) : shape.eye(lx, ey, scale),
    rightEye: look.closedEyes ? closedEye(rx, ey, style) : shape.eye(rx, ey, rightScale),
    mouth: mouthPath(look.mouth, shape.mouth, shape.straight),
    solidEyes: !look.closedEyes,
    openMouth: look.mouth === 'o' || look.mouth === 'grin' || look.mouth === 'open',
  };
  if (cartoon && !look.closedEyes) {
    const r = 3.4 * (look.pupilScale ?? 1);
    const [px, py] = [glance.x, glance.y + 0.5];
    face.pupils = `${circle(lx + px, ey + py, r)} ${circle(rx + px, ey + py, r * (look.rightEyeScale ?? 1))}`;
  }
  if (look.brows) {
    const [left, right] = look.brows;
    face.brows = `${browPath(lx, -1, shape.browY, left, shape.straight)} ${browPath(rx, 1, shape.browY, right, shape.straight)}`;
  }
  return face;
}

export interface FaceStroke {
  width: number;
  linecap: 'round' | 'butt' | 'square';
  linejoin: 'round' | 'miter' | 'bevel';
}

/** How the face's lines are drawn: crisp corners for geometric, rounded everywhere else. */
export function faceStroke(style: ExpressionStyle): FaceStroke {
  switch (style) {
    case 'geometric':
      return { width: 2.8, linecap: 'square', linejoin: 'miter' };
    case 'minimal':
      return { width: 2.2, linecap: 'round', linejoin: 'round' };
    case 'cartoon':
      return { width: 3.2, linecap: 'round', linejoin: 'round' };
    case 'soft':
      return { width: 3.6, linecap: 'round', linejoin: 'round' };
  }
}
/** One cycle of a motion pattern at speed 1, in seconds. */
export const BASE_CYCLE_S = 2.5;

/** CSS values for the body's animation: one cycle's duration and the swing (0–1). */
export function motionTiming(motion: Motion): { duration: string; amplitude: string } {
  const speed = Number.isFinite(motion.speed) ? Math.max(motion.speed, 0.2) : 1;
  // A full turn at the base tempo is dizzying, so spinning is four times slower.
  const seconds = (BASE_CYCLE_S / speed) * (motion.pattern === 'spin' ? 4 : 1);
  const amplitude = Number.isFinite(motion.amplitude) ? Math.min(1, Math.max(0, motion.amplitude)) : 0;
  return { duration: `${num(seconds)}s`, amplitude: num(amplitude) };
}
