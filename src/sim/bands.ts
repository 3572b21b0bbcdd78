/**
 * The on-chain path beside the model's spread: `hardhat analyze`'s percentile bands (src/analyze, unchanged) for the
 * run's scenario, seed and policy — paths 0 … n − 1 of the seed, the chain run being path 0 — next to what one share
 * of the chain received, cumulated, in USD and in BTC.
 *
 * Analyze counts a share as `1 / scenario.shares` of what holders receive — one share per TH/s of the fleet mining on
 * day 0, the chain's first supply; the chain's share is `1 / supply` (supply = the highest backing reported, hashrate
 * × sharesPerTHs), which grows as the renewed fleet's TH/s does. The bands are put on the chain's share by giving
 * analyze the chain's supply of each day (`sharesByDay`), so both lines read "per share of this pool".
 */
import {
  dateOf,
  discountRateOf,
  fanRows,
  saleOf,
  sampleDaysFor,
  simulateBlock,
  type BlockShape,
} from "../analyze/index.js";
import { formatNumber } from "../cli/amount.js";
import type { PolicyName, Scenario } from "../model/index.js";
import { toWholeShares } from "../tokens.js";
import type { DayPlan } from "./plan.js";
import type { DailyRow } from "./report.js";

/** Paths of the bands by default. */
export const DEFAULT_BAND_PATHS = 200;

/** The bands' units. */
export type BandUnit = "USD" | "BTC";

/** One sample day: the bands across the model's paths and the chain's own value, per share of the chain. */
export interface BandPoint {
  unit: BandUnit;
  day: number;
  date: string;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /** what one share held from day 0 received on chain, cumulated to the end of the day */
  onChain: number;
}

/** The bands of a run. */
export interface RunBands {
  paths: number;
  seed: string;
  policy: PolicyName;
  points: BandPoint[];
}

/**
 * Runs analyze's paths for the run (in this thread) and pairs its bands with the chain's cumulative payouts.
 * `rows` and `plans` are the run's days; returns null when `paths` is 0.
 */
export function runBands(input: {
  scenario: Scenario;
  seed: string;
  policy: PolicyName;
  paths: number;
  plans: readonly DayPlan[];
  rows: readonly DailyRow[];
}): RunBands | null {
  const { scenario, seed, policy, paths, plans, rows } = input;
  if (paths <= 0 || rows.length === 0) return null;
  // analyze's own steps, in this thread: the block of paths, then its fan rows (percentiles across paths).
  const days = rows.length;
  const sampleDays = sampleDaysFor(days, paths, 1);
  const shape: BlockShape = { policies: 1, samples: sampleDays.length };
  const block = simulateBlock({
    scenario,
    policies: [policy],
    seed,
    from: 0,
    to: paths,
    days,
    sampleDays,
    sale: { ...saleOf(scenario), sharesByDay: plans.slice(0, days).map((plan) => toWholeShares(plan.supply)) },
    discountRate: discountRateOf(scenario) / 100,
  });
  const fans = fanRows(block, shape, [policy], sampleDays, (day) => dateOf(scenario, day));
  const points: BandPoint[] = [];
  for (const fan of fans) {
    if (fan.policy !== policy || fan.source !== "total") continue;
    const row = rows[fan.day]!;
    points.push({
      unit: fan.unit,
      day: fan.day,
      date: fan.date,
      p5: fan.p5,
      p25: fan.p25,
      p50: fan.p50,
      p75: fan.p75,
      p95: fan.p95,
      onChain: Number(fan.unit === "USD" ? row.cumulativeUsdPerShare : row.cumulativeBtcPerShare),
    });
  }
  return { paths, seed, policy, points };
}

/** The terminal's line: where the on-chain run ends up inside the model's spread (USD per share, last sample day). */
export function bandLine(bands: RunBands): string {
  const last = bands.points.filter((p) => p.unit === "USD").at(-1)!;
  const usd = (value: number): string => formatNumber(value, 4);
  return (
    `Model bands (${formatNumber(bands.paths)} paths, ${bands.policy}), USD per share to ${last.date}: ` +
    `p5 ${usd(last.p5)} · p25 ${usd(last.p25)} · median ${usd(last.p50)} · p75 ${usd(last.p75)} · p95 ${usd(last.p95)}; ` +
    `on chain ${usd(last.onChain)}`
  );
}
