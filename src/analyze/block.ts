/**
 * The numbers one run of paths produces, in flat typed arrays (cheap to send from a worker thread and to keep for
 * thousands of paths): per path and policy, the cumulative payout of one share at the sample days by source and
 * unit, and the investor's figures; per path, what the sale price held in BTC is worth at the sample days, and that holding's figures.
 */
import type { PathRun } from "./model.js";

/** The cumulative series kept per path and policy, per share: BTC and USD from each source. */
export const SERIES = ["btcMining", "btcAi", "usdMining", "usdAi"] as const;
export type SeriesName = (typeof SERIES)[number];

/** The figures kept per path and policy. */
export const METRICS = [
  "totalUsd",
  "totalBtc",
  "miningUsd",
  "aiUsd",
  "irr",
  "irrStatus",
  "npvUsd",
  "paybackDay",
] as const;
export type MetricName = (typeof METRICS)[number];

/** `irrStatus` codes: an IRR, or why there is none (see src/finance/irr.ts). */
export const IRR_STATUS = ["ok", "no-inflow", "no-outflow", "below-range", "above-range", "no-root"] as const;

/** The figures kept per path, whatever the policy: holding the sale price in BTC from day 0. */
export const HOLD_METRICS = ["holdEndUsd", "holdIrr", "holdIrrStatus"] as const;

/** What one share costs and what it is a claim on. */
export interface SaleTerms {
  /** USD per share at the sale. */
  priceUsd: number;
  /** Shares outstanding: one share receives 1 / shares of what holders are paid. */
  shares: number;
  /**
   * Shares outstanding day by day, when the supply changes (the on-chain simulator's): one share receives
   * 1 / sharesByDay[d] of day d's payouts; a day with no share yet passes its payouts to the first day with shares.
   * Overrides `shares` for the payouts (not for the sale price).
   */
  sharesByDay?: ArrayLike<number>;
}

/**
 * A unit of work: paths `from` … `to − 1` of one scenario, every listed policy (what each path is run from: `PathRun`;
 * `poolScenarios` lets the tornado's variants of a pool input, one policy entry each, share their market).
 */
export interface PathJob extends PathRun {
  from: number;
  to: number;
  /** Day indices (ascending, the last is `days − 1`) at whose end the cumulative series are kept. */
  sampleDays: readonly number[];
  sale: SaleTerms;
  /** Discount rate for NPV, per year (0.08 = 8 %). */
  discountRate: number;
}

/**
 * A `PathJob` with its fields in one order and every pool's scenario listed, whichever stage makes it: a thread's
 * compiled code then meets one shape of job, not a second one when the tornado starts (which would throw that code
 * away to compile it again).
 */
export function pathJob(job: PathJob): PathJob {
  const { seed, days, sale, discountRate, sampleDays, from, to, scenario, policies, history } = job;
  const poolScenarios = job.poolScenarios ?? policies.map(() => scenario);
  return { seed, days, sale, discountRate, sampleDays, from, to, scenario, policies, poolScenarios, history };
}

/** The results of a `PathJob`. Arrays are indexed as `seriesIndex`, `metricIndex`, `holdIndex` say. */
export interface PathBlock {
  from: number;
  to: number;
  /** [path][policy][series][sample] */
  series: Float64Array;
  /** [path][sample]: the sale price held in BTC from day 0, in USD at the end of each sample day. */
  holdUsd: Float64Array;
  /** [path][policy][metric] */
  metrics: Float64Array;
  /** [path][hold metric] */
  hold: Float64Array;
}

/** The shape of a block: how many policies and samples. */
export interface BlockShape {
  policies: number;
  samples: number;
}

export function seriesIndex(shape: BlockShape, path: number, policy: number, series: number, sample: number): number {
  return ((path * shape.policies + policy) * SERIES.length + series) * shape.samples + sample;
}

export function metricIndex(shape: BlockShape, path: number, policy: number, metric: MetricName): number {
  return (path * shape.policies + policy) * METRICS.length + METRICS.indexOf(metric);
}

export function holdIndex(path: number, metric: (typeof HOLD_METRICS)[number]): number {
  return path * HOLD_METRICS.length + HOLD_METRICS.indexOf(metric);
}

/**
 * An empty block for `paths` paths. A `shared` block lives in shared memory: a job that carries its arrays to a worker
 * thread (the fan's band jobs) hands over a view of them, where any other block's arrays are copied into the message.
 */
export function allocateBlock(from: number, to: number, shape: BlockShape, { shared = false } = {}): PathBlock {
  const paths = to - from;
  const array = (length: number) =>
    shared
      ? new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT))
      : new Float64Array(length);
  return {
    from,
    to,
    series: array(paths * shape.policies * SERIES.length * shape.samples),
    holdUsd: array(paths * shape.samples),
    metrics: array(paths * shape.policies * METRICS.length),
    hold: array(paths * HOLD_METRICS.length),
  };
}

/** Copies `part` (paths `part.from` …) into `whole` (paths `whole.from` …). */
export function copyBlock(whole: PathBlock, part: PathBlock, shape: BlockShape): void {
  const offset = part.from - whole.from;
  whole.series.set(part.series, offset * shape.policies * SERIES.length * shape.samples);
  whole.holdUsd.set(part.holdUsd, offset * shape.samples);
  whole.metrics.set(part.metrics, offset * shape.policies * METRICS.length);
  whole.hold.set(part.hold, offset * HOLD_METRICS.length);
}

/**
 * The sample days of a `days`-day run: the end of every `step`-th day and the last day. `step` grows with the number
 * of paths so that the series stay within about `budget` numbers (400 MB at the default).
 */
export function sampleDaysFor(days: number, paths: number, policies: number, budget = 50_000_000): number[] {
  const maxSamples = Math.max(2, Math.floor(budget / (paths * policies * SERIES.length)));
  const step = Math.max(7, Math.ceil(days / maxSamples));
  const out: number[] = [];
  for (let d = step - 1; d < days - 1; d += step) out.push(d);
  out.push(days - 1);
  return out;
}
