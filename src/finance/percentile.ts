/**
 * Percentiles of a sample, by linear interpolation between the closest ranks (Hyndman & Fan type 7, the default of
 * numpy, R and Excel's PERCENTILE.INC): the p-th percentile of sorted x[0…n−1] is x[h] interpolated at h = p·(n−1).
 */

/** The percentile bands the reports show: p5, p25, p50 (median), p75, p95. */
export const BANDS = [5, 25, 50, 75, 95] as const;
export type Band = (typeof BANDS)[number];

/**
 * The `p`-th percentile (0–100) of `sorted` (ascending, finite).
 * @throws RangeError when the sample is empty or `p` is outside 0–100
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError("percentile of an empty sample");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: must be within 0–100 (got ${String(p)})`);
  const h = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The percentiles `ps` of `values` (any order; not modified).
 * @throws RangeError when the sample is empty or holds a value that is not finite
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values as ArrayLike<number>);
  for (const value of sorted) {
    if (!Number.isFinite(value)) throw new RangeError(`percentile of a sample with ${String(value)}`);
  }
  sorted.sort();
  return ps.map((p) => percentileOfSorted(sorted, p));
}

/** The median (p50) of `values`. */
export function median(values: ArrayLike<number>): number {
  return percentiles(values, [50])[0]!;
}

/** The five bands (p5 … p95) of `sorted` (ascending, finite), by band. */
export function bandsOfSorted(sorted: ArrayLike<number>): Record<`p${Band}`, number> {
  return {
    p5: percentileOfSorted(sorted, 5),
    p25: percentileOfSorted(sorted, 25),
    p50: percentileOfSorted(sorted, 50),
    p75: percentileOfSorted(sorted, 75),
    p95: percentileOfSorted(sorted, 95),
  };
}

/** The five bands (p5 … p95) of `values`, by band. */
export function bands(values: ArrayLike<number>): Record<`p${Band}`, number> {
  const [p5, p25, p50, p75, p95] = percentiles(values, BANDS);
  return { p5: p5!, p25: p25!, p50: p50!, p75: p75!, p95: p95! };
}
