// Median / min / max of a series: the bench reports spreads, never a single run.

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** The spread of `values` (NaN-free); an empty series is all NaN with n = 0. */
export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]!, n };
}

/** Rotates `items` by `by` places, so targets take turns at each position across runs. */
export const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]!);
