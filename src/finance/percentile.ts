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
 * The percentiles `ps` of `values` (any order; not modified). Equal to sorting a copy and reading each percentile
 * with `percentileOfSorted`, but it only places the ranks the percentiles read (quickselect, expected linear time),
 * so the fan charts' thousands of samples are cheap.
 * @throws RangeError when the sample is empty or holds a value that is not finite
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sample = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < sample.length; i++) {
    if (!Number.isFinite(sample[i]!)) throw new RangeError(`percentile of a sample with ${String(sample[i])}`);
  }
  if (sample.length === 0) throw new RangeError("percentile of an empty sample");
  const ranks: number[] = [];
  for (const p of ps) {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: must be within 0–100 (got ${String(p)})`);
    const h = (p / 100) * (sample.length - 1);
    ranks.push(Math.floor(h), Math.min(Math.floor(h) + 1, sample.length - 1));
  }
  select(
    sample,
    [...new Set(ranks)].sort((x, y) => x - y),
    0,
    sample.length - 1,
  );
  return ps.map((p) => percentileOfSorted(sample, p));
}

/**
 * Rearranges `a[left…right]` so that each of `ranks` (ascending, within left…right) holds the value a sort would put
 * there (Hoare's partition around a median-of-three pivot, recursing only into the parts that hold a rank).
 */
function select(a: Float64Array, ranks: readonly number[], left: number, right: number): void {
  if (ranks.length === 0 || right <= left) return;
  const mid = (left + right) >>> 1;
  if (a[mid]! < a[left]!) swap(a, mid, left);
  if (a[right]! < a[left]!) swap(a, right, left);
  if (a[right]! < a[mid]!) swap(a, right, mid);
  const pivot = a[mid]!;
  let i = left;
  let j = right;
  while (i <= j) {
    while (a[i]! < pivot) i++;
    while (a[j]! > pivot) j--;
    if (i <= j) {
      swap(a, i, j);
      i++;
      j--;
    }
  }
  // Now a[left…j] ≤ pivot ≤ a[i…right], and a[j+1…i−1] = pivot: ranks there are in place.
  select(
    a,
    ranks.filter((k) => k <= j),
    left,
    j,
  );
  select(
    a,
    ranks.filter((k) => k >= i),
    i,
    right,
  );
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** The median (p50) of `values`. */
export function median(values: ArrayLike<number>): number {
  return percentiles(values, [50])[0]!;
}

/** The five bands (p5 … p95) of `values`, by band. */
export function bands(values: ArrayLike<number>): Record<`p${Band}`, number> {
  const [p5, p25, p50, p75, p95] = percentiles(values, BANDS);
  return { p5: p5!, p25: p25!, p50: p50!, p75: p75!, p95: p95! };
}
