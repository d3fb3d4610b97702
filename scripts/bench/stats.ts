// Figures (several samples: median and spread) and ratios between them, printed as a table.

export interface Figure {
  id: string;
  label: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  samples: number[];
  note?: string;
}

export interface Ratio {
  id: string;
  label: string;
  value: number;
  /** How to read it, e.g. "1.00 = no overhead; below 1 = slower". */
  reading: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function figure(id: string, label: string, unit: string, samples: number[], note?: string): Figure {
  if (!samples.length) throw new Error(`${id}: no samples`);
  return {
    id,
    label,
    unit,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples,
    note,
  };
}

/** numerator.median / denominator.median */
export function ratio(id: string, label: string, numerator: Figure, denominator: Figure, reading: string): Ratio {
  return { id, label, value: numerator.median / denominator.median, reading };
}

const number = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);

export function figureTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    `${number(f.median)} ${f.unit}`,
    f.samples.length > 1 ? `${number(f.min)}–${number(f.max)}` : '',
    String(f.samples.length),
    f.note ?? '',
  ]);
  return markdownTable(['figure', 'median', 'range', 'n', 'note'], rows);
}

export function ratioTable(ratios: Ratio[]): string {
  return markdownTable(
    ['ratio', 'value', 'how to read it'],
    ratios.map((r) => [r.label, r.value.toFixed(2), r.reading]),
  );
}

function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
