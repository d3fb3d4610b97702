// Avatar designs and what the learned generator knows about them. Everything here is plain JSON, so a
// DesignMemory can be stored per model as it is.
import type { Trait } from '../../persona/personality.ts';

export const BASE_FORMS = ['circle', 'rounded-square', 'blob', 'hexagon', 'star', 'diamond'] as const;
export const MOTION_PATTERNS = ['float', 'pulse', 'sway', 'bounce', 'spin', 'still'] as const;
export const EXPRESSION_STYLES = ['minimal', 'cartoon', 'geometric', 'soft'] as const;
export type BaseForm = (typeof BASE_FORMS)[number];
export type MotionPattern = (typeof MOTION_PATTERNS)[number];
export type ExpressionStyle = (typeof EXPRESSION_STYLES)[number];

/** Three '#rrggbb' colours (lower case): main, accent, light. */
export type Palette = [string, string, string];

export interface Motion {
  pattern: MotionPattern;
  /** Multiplier on the pattern's base tempo, 0.5–2 (0 for 'still'). */
  speed: number;
  /** Fraction of the pattern's full swing, 0.1–1 (0 for 'still'). */
  amplitude: number;
}

export interface Design {
  id: string;
  seed: number;
  palette: Palette;
  form: BaseForm;
  motion: Motion;
  expressionStyle: ExpressionStyle;
  createdAt: number;
  liked?: boolean;
  /** association keys that shaped it */
  sources: string[];
}

/** confidence 0–1 */
export interface Weighted<T> {
  value: T;
  confidence: number;
}

export interface Association {
  palettes: Weighted<Palette>[];
  forms: Weighted<BaseForm>[];
  motions: Weighted<MotionPattern>[];
  styles: Weighted<ExpressionStyle>[];
}

/** keys: 'trait:<name>:high' | 'trait:<name>:low' | 'topic:<topic>' | 'concept:<word>' */
export interface DesignMemory {
  modelId: string;
  associations: Record<string, Association>;
  history: Design[];
  updatedAt: number;
}

export function emptyDesignMemory(modelId: string): DesignMemory {
  return { modelId, associations: {}, history: [], updatedAt: 0 };
}

export function emptyAssociation(): Association {
  return { palettes: [], forms: [], motions: [], styles: [] };
}

/** One string per distinct value, so palettes compare by their colours. */
export const valueKey = (value: string | Palette): string => (Array.isArray(value) ? value.join(',') : value);

/** Topics and concepts compare case- and spacing-insensitively ("Machine  Learning" = "machine learning"). */
export const normaliseTerm = (term: string): string => term.trim().toLowerCase().replace(/\s+/g, ' ');

export const traitKey = (trait: Trait, level: 'high' | 'low'): string => `trait:${trait}:${level}`;
export const topicKey = (topic: string): string => `topic:${normaliseTerm(topic)}`;
export const conceptKey = (word: string): string => `concept:${normaliseTerm(word)}`;

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export const isHexColour = (value: unknown): value is string =>
  typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);

/** Confidences are kept to three decimals so stored values (and tests) stay exact. */
export const roundConfidence = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
