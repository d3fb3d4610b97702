// Seeded randomness for the generator: the same seed always gives the same sequence, in any browser.

/** mulberry32: a small, fast 32-bit PRNG; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed "Regenerate" uses after `seed`: well mixed, deterministic, never `seed` itself. */
export function nextSeed(seed: number): number {
  const current = seed >>> 0;
  const next = Math.floor(mulberry32(current ^ 0x9e3779b9)() * 4294967296) >>> 0;
  return next === current ? (next + 1) >>> 0 : next;
}

/** Picks an index with probability proportional to its weight; undefined when no weight is positive. */
export function weightedIndex(random: () => number, weights: readonly number[]): number | undefined {
  const total = weights.reduce((sum, w) => sum + (w > 0 ? w : 0), 0);
  if (total <= 0) return undefined;
  let point = random() * total;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] > 0 ? weights[i] : 0;
    if (point < w) return i;
    point -= w;
  }
  // Rounding can leave `point` a hair past the end: the last positive weight wins.
  return weights.findLastIndex((w) => w > 0);
}
