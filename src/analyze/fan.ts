/**
 * The fan charts' data: at each sample day, the percentile bands across paths of one share's cumulative payout, per
 * policy, by source (mining, AI, both) and unit (BTC, USD at each day's price), and of the sale price held in BTC.
 */
import { bands } from "../finance/index.js";
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

/** Every band series of `block`; `dateOf(day)` gives a sample day's calendar date. */
export function fanRows(
  block: PathBlock,
  shape: BlockShape,
  policies: readonly PolicyName[],
  sampleDays: readonly number[],
  dateOf: (day: number) => string,
): FanRow[] {
  const paths = block.to - block.from;
  const values = new Float64Array(paths);
  const rows: FanRow[] = [];
  // Path i's value of series `s` at sample j sits at `seriesIndex(shape, i, k, s, j)`: from one path to the next the
  // index moves by `stride`.
  const stride = seriesIndex(shape, 1, 0, 0, 0);
  for (let k = 0; k < policies.length; k++) {
    for (const unit of UNITS) {
      const [miningSeries, aiSeries] =
        unit === "BTC" ? (["btcMining", "btcAi"] as const) : (["usdMining", "usdAi"] as const);
      for (const source of SOURCES) {
        const mining = source === "ai" ? -1 : SERIES.indexOf(miningSeries);
        const ai = source === "mining" ? -1 : SERIES.indexOf(aiSeries);
        sampleDays.forEach((day, j) => {
          const miningAt = mining < 0 ? -1 : seriesIndex(shape, 0, k, mining, j);
          const aiAt = ai < 0 ? -1 : seriesIndex(shape, 0, k, ai, j);
          for (let i = 0; i < paths; i++) {
            values[i] =
              (miningAt < 0 ? 0 : block.series[miningAt + i * stride]!) +
              (aiAt < 0 ? 0 : block.series[aiAt + i * stride]!);
          }
          rows.push({ policy: policies[k]!, source, unit, day, date: dateOf(day), ...bands(values) });
        });
      }
    }
  }
  sampleDays.forEach((day, j) => {
    for (let i = 0; i < paths; i++) values[i] = block.holdUsd[i * shape.samples + j]!;
    rows.push({ policy: "hold", source: "hold", unit: "USD", day, date: dateOf(day), ...bands(values) });
  });
  return rows;
}
