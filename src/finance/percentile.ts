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

/** The ranks `percentileOfSorted` reads for the bands of a sample of `n` values, ascending (kept per n). */
const bandRanks = new Map<number, Int32Array>();
function bandRanksOf(n: number): Int32Array {
  let ranks = bandRanks.get(n);
  if (ranks === undefined) {
    const wanted = new Set<number>();
    for (const p of BANDS) {
      const lo = Math.floor((p / 100) * (n - 1));
      wanted.add(lo).add(Math.min(lo + 1, n - 1));
    }
    ranks = Int32Array.from([...wanted].sort((a, b) => a - b));
    bandRanks.set(n, ranks);
  }
  return ranks;
}

/**
 * The five bands (p5 … p95) of `values` (finite), by band, exactly as `bandsOfSorted` of them sorted: the values at
 * the ranks the bands read are put in their sorted places by selection (quickselect on every rank at once, a few passes
 * over the sample where sorting takes many) and the others are left in no particular order.
 */
export function bandsBySelection(values: Float64Array): Record<`p${Band}`, number> {
  if (values.length > 0) {
    const ranks = bandRanksOf(values.length);
    selectRanks(values, 0, values.length - 1, ranks, 0, ranks.length - 1);
  }
  return bandsOfSorted(values);
}

/** Below this many values a range is insertion-sorted rather than partitioned. */
const SMALL_RANGE = 16;

/**
 * Puts the values at `ranks[rankFrom…rankTo]` (ascending, all within `from…to`) of `a[from…to]` in their sorted places:
 * partitions around the median of three (below it, then equal to it when a wanted rank is not below), then the same on
 * each side that holds a wanted rank.
 */
function selectRanks(a: Float64Array, from: number, to: number, ranks: Int32Array, rankFrom: number, rankTo: number) {
  while (rankFrom <= rankTo) {
    if (to - from < SMALL_RANGE) {
      insertionSort(a, from, to);
      return;
    }
    const pivot = medianOfThree(a[from]!, a[(from + to) >>> 1]!, a[to]!);
    // a[from…below−1] < pivot, a[below…above] = pivot, a[above+1…to] > pivot.
    const below = partitionBelow(a, from, to, pivot, false);
    let left = rankFrom;
    while (left <= rankTo && ranks[left]! < below) left++;
    const above = left <= rankTo ? partitionBelow(a, below, to, pivot, true) - 1 : to;
    let right = left;
    while (right <= rankTo && ranks[right]! <= above) right++;
    // Ranks left of the pivot's run go left, those right of it go right; those in the run are in place.
    if (left - 1 - rankFrom < rankTo - right) {
      selectRanks(a, from, below - 1, ranks, rankFrom, left - 1);
      from = above + 1;
      rankFrom = right;
    } else {
      selectRanks(a, above + 1, to, ranks, right, rankTo);
      to = below - 1;
      rankTo = left - 1;
    }
  }
}

/**
 * Moves the values of `a[from…to]` below `pivot` (or not above it, when `orEqual`) to the front, in one pass without a
 * branch on the values (on unordered values such a branch is mispredicted half the time), and returns where the rest
 * starts.
 */
function partitionBelow(a: Float64Array, from: number, to: number, pivot: number, orEqual: boolean): number {
  let store = from;
  for (let i = from; i <= to; i++) {
    const value = a[i]!;
    a[i] = a[store]!;
    a[store] = value;
    store += orEqual ? +(value <= pivot) : +(value < pivot);
  }
  return store;
}

function insertionSort(a: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i <= to; i++) {
    const value = a[i]!;
    let j = i - 1;
    while (j >= from && a[j]! > value) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = value;
  }
}

const medianOfThree = (x: number, y: number, z: number): number =>
  x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
