/** One benchmark figure: a value against a baseline measured in the same run. */
export type Figure = {
  value: number;
  unit: string;
  baseline: number;
  ratio: number; // value / baseline
  target: string; // in words, e.g. '≤ 1.3×' or 'p95 ≤ 16 ms'
  met: boolean;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
