/**
 * The fan charts' data: at each sample day, the percentile bands across paths of one share's cumulative payout, per
 * policy, by source (mining, AI, both) and unit (BTC, USD at each day's price), and of the sale price held in BTC.
 */
import { bandsBySelection, bandsOfSorted } from "../finance/index.js";
import { SERIES, seriesIndex, type BlockShape, type PathBlock } from "./block.js";
import type { PolicyName } from "./model.js";
import type { Bands } from "./summary.js";

export const SOURCES = ["mining", "ai", "total"] as const;
export type Source = (typeof SOURCES)[number];
export const UNITS = ["BTC", "USD"] as const;
export type Unit = (typeof UNITS)[number];

/** One row of fan.csv: a band set on one sample day. */
export interface FanRow extends Bands {
  /** `"hold"` for the sale price held in BTC. */
  policy: PolicyName | "hold";
  source: Source | "hold";
  unit: Unit;
  day: number;
  date: string;
}

/**
 * The paths' values of one series, kept sorted from one sample day to the next. Payouts accumulate, so the paths'
 * order mostly changes little between sample days: an insertion sort that starts from the order of the day before
 * costs about one pass, where sorting (or selecting) afresh costs many. Where the order changes a lot (values at each
 * day's BTC price), an insertion sort costs more than selecting the ranks afresh; after such a day the series is
 * selected (`bandsBySelection`) from then on. Either way the bands are exactly `bands` of the same values.
 */
class SortedPaths {
  private readonly order: Int32Array;
  private readonly sorted: Float64Array;
  /** Set once an insertion sort has moved more values than selection would visit. */
  private selecting = false;

  constructor(paths: number) {
    this.order = Int32Array.from({ length: paths }, (_, i) => i);
    this.sorted = new Float64Array(paths);
  }

  /** The bands of `values[i]` over paths i. */
  bands(values: Float64Array): Bands {
    const { order, sorted } = this;
    for (let a = 0; a < order.length; a++) {
      const value = values[this.selecting ? a : order[a]!]!;
      if (!Number.isFinite(value)) throw new RangeError(`percentile of a sample with ${String(value)}`);
      sorted[a] = value;
    }
    if (this.selecting) return bandsBySelection(sorted);
    let moves = 0;
    for (let a = 1; a < sorted.length; a++) {
      const value = sorted[a]!;
      if (!(sorted[a - 1]! > value)) continue;
      const path = order[a]!;
      let b = a - 1;
      while (b >= 0 && sorted[b]! > value) {
        sorted[b + 1] = sorted[b]!;
        order[b + 1] = order[b]!;
        b--;
      }
      sorted[b + 1] = value;
      order[b + 1] = path;
      moves += a - b;
    }
    this.selecting = moves > SELECTION_VISITS * sorted.length;
    return bandsOfSorted(sorted);
  }
}

/** About how many times selecting the bands' ranks visits each value (7 on unordered samples of 1,000, measured). */
const SELECTION_VISITS = 8;

/** One band series of the fan: a policy's payouts from one source in one unit, or the sale price held in BTC. */
export type FanSeries = Pick<FanRow, "policy" | "source" | "unit">;

/** The band series of a fan over `policies`, in the order of its rows. */
export function fanSeries(policies: readonly PolicyName[]): FanSeries[] {
  const out: FanSeries[] = [];
  for (const policy of policies) {
    for (const unit of UNITS) for (const source of SOURCES) out.push({ policy, source, unit });
  }
  out.push({ policy: "hold", source: "hold", unit: "USD" });
  return out;
}

/**
 * The work of one band series: where its paths' values lie in a block. Path i's value at sample j is the sum of
 * `columns[i × stride + offset + j]` over `offsets` (a policy's mining and AI series for its total). The thread that
 * runs the job gathers the values itself: from a block in shared memory (`allocateBlock`'s `shared`), the message
 * carries a view of the block and no copy.
 */
export interface BandsJob {
  /** The block's `series`, or its `holdUsd` for the sale price held in BTC. */
  columns: Float64Array;
  /** Numbers per path in `columns`. */
  stride: number;
  /** Where the series to add up start within a path's numbers. */
  offsets: number[];
  paths: number;
  samples: number;
}

/** One series of `block` as a `BandsJob`. */
export function bandsJob(
  block: PathBlock,
  shape: BlockShape,
  policies: readonly PolicyName[],
  series: FanSeries,
): BandsJob {
  const paths = block.to - block.from;
  const { samples } = shape;
  if (series.policy === "hold") return { columns: block.holdUsd, stride: samples, offsets: [0], paths, samples };
  const k = policies.indexOf(series.policy);
  const [mining, ai] = series.unit === "BTC" ? (["btcMining", "btcAi"] as const) : (["usdMining", "usdAi"] as const);
  const names = series.source === "mining" ? [mining] : series.source === "ai" ? [ai] : [mining, ai];
  return {
    columns: block.series,
    stride: seriesIndex(shape, 1, 0, 0, 0),
    offsets: names.map((name) => seriesIndex(shape, 0, k, SERIES.indexOf(name), 0)),
    paths,
    samples,
  };
}

/** A `BandsJob`'s values, sample by sample ([sample][path]). */
function valuesOf(job: BandsJob): Float64Array {
  const { columns, stride, offsets, paths, samples } = job;
  const values = new Float64Array(samples * paths);
  // Path by path: each path's samples lie side by side in the block; reading one sample of every path in turn would
  // jump a cache line per value.
  for (let i = 0; i < paths; i++) {
    const path = i * stride;
    for (let j = 0; j < samples; j++) {
      let value = 0;
      for (const offset of offsets) value += columns[path + offset + j]!;
      values[j * paths + i] = value;
    }
  }
  return values;
}

/** The bands of each sample of a `BandsJob`: p5, p25, p50, p75, p95 of sample j at 5j … 5j + 4. */
export function bandsOfSeries(job: BandsJob): Float64Array {
  const { paths } = job;
  const samples = paths === 0 ? 0 : job.samples;
  const values = valuesOf(job);
  const out = new Float64Array(samples * 5);
  const sorted = new SortedPaths(paths);
  for (let j = 0; j < samples; j++) {
    const { p5, p25, p50, p75, p95 } = sorted.bands(values.subarray(j * paths, (j + 1) * paths));
    out.set([p5, p25, p50, p75, p95], j * 5);
  }
  return out;
}

/** The fan's rows: `bands[s]` is `bandsOfSeries` of `series[s]`; `dateOf(day)` gives a sample day's calendar date. */
export function fanRowsOf(
  series: readonly FanSeries[],
  bands: readonly Float64Array[],
  sampleDays: readonly number[],
  dateOf: (day: number) => string,
): FanRow[] {
  const dates = sampleDays.map(dateOf);
  const rows: FanRow[] = [];
  series.forEach(({ policy, source, unit }, s) => {
    const of = bands[s]!;
    sampleDays.forEach((day, j) => {
      const [p5, p25, p50, p75, p95] = of.subarray(j * 5, j * 5 + 5);
      rows.push({ policy, source, unit, day, date: dates[j]!, p5: p5!, p25: p25!, p50: p50!, p75: p75!, p95: p95! });
    });
  });
  return rows;
}

/** Every band series of `block`, in this thread; `dateOf(day)` gives a sample day's calendar date. */
export function fanRows(
  block: PathBlock,
  shape: BlockShape,
  policies: readonly PolicyName[],
  sampleDays: readonly number[],
  dateOf: (day: number) => string,
): FanRow[] {
  const series = fanSeries(policies);
  const bands = series.map((one) => bandsOfSeries(bandsJob(block, shape, policies, one)));
  return fanRowsOf(series, bands, sampleDays, dateOf);
}
