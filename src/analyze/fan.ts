/**
 * The fan charts' data: at each sample day, the percentile bands across paths of one share's cumulative payout, per
 * policy, by source (mining, AI, both) and unit (BTC, USD at each day's price), and of the sale price held in BTC.
 */
import { bandsOfSorted } from "../finance/index.js";
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
 * order changes little between sample days: an insertion sort that starts from the order of the day before costs
 * about one pass, where sorting (or selecting) afresh costs many. The percentiles are read from the sorted values, so
 * they are exactly `bands` of the same values.
 */
class SortedPaths {
  private readonly order: Int32Array;
  private readonly sorted: Float64Array;

  constructor(paths: number) {
    this.order = Int32Array.from({ length: paths }, (_, i) => i);
    this.sorted = new Float64Array(paths);
  }

  /** The bands of `values[i]` over paths i, after sorting them from the previous order. */
  bands(values: Float64Array): Bands {
    const { order, sorted } = this;
    for (let a = 0; a < order.length; a++) {
      const value = values[order[a]!]!;
      if (!Number.isFinite(value)) throw new RangeError(`percentile of a sample with ${String(value)}`);
      sorted[a] = value;
    }
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
    }
    return bandsOfSorted(sorted);
  }
}

/** Every band series of `block`; `dateOf(day)` gives a sample day's calendar date. */
export function fanRows(
  block: PathBlock,
  shape: BlockShape,
  policies: readonly PolicyName[],
  sampleDays: readonly number[],
  dateOf: (day: number) => string,
): FanRow[] {
  const paths = block.to - block.from;
  const samples = sampleDays.length;
  const rows: FanRow[] = [];
  const dates = sampleDays.map(dateOf);
  // One series of every path, sample by sample: [sample][path], filled path by path (each path's samples lie side by
  // side in the block; reading one sample of every path in turn jumps a cache line per value).
  const bySample = new Float64Array(samples * paths);
  const addSeries = (k: number, name: (typeof SERIES)[number]) => {
    for (let i = 0; i < paths; i++) {
      const from = seriesIndex(shape, i, k, SERIES.indexOf(name), 0);
      for (let j = 0; j < samples; j++) bySample[j * paths + i]! += block.series[from + j]!;
    }
  };
  const pushBands = (row: Omit<FanRow, keyof Bands | "day" | "date">) => {
    const sorted = new SortedPaths(paths);
    for (let j = 0; j < samples; j++) {
      const { p5, p25, p50, p75, p95 } = sorted.bands(bySample.subarray(j * paths, (j + 1) * paths));
      rows.push({
        policy: row.policy,
        source: row.source,
        unit: row.unit,
        day: sampleDays[j]!,
        date: dates[j]!,
        p5,
        p25,
        p50,
        p75,
        p95,
      });
    }
  };
  for (let k = 0; k < policies.length; k++) {
    for (const unit of UNITS) {
      const [miningSeries, aiSeries] =
        unit === "BTC" ? (["btcMining", "btcAi"] as const) : (["usdMining", "usdAi"] as const);
      for (const source of SOURCES) {
        bySample.fill(0);
        if (source !== "ai") addSeries(k, miningSeries);
        if (source !== "mining") addSeries(k, aiSeries);
        pushBands({ policy: policies[k]!, source, unit });
      }
    }
  }
  for (let i = 0; i < paths; i++) {
    for (let j = 0; j < samples; j++) bySample[j * paths + i] = block.holdUsd[i * samples + j]!;
  }
  pushBands({ policy: "hold", source: "hold", unit: "USD" });
  return rows;
}
