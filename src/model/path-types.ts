/**
 * The contract of the v2 model's entry point, `simulatePath` (path.ts): what the analyze and sim parts call.
 *
 * A path is one seeded draw of the market (BTC price, fees, network) and the pool's response to it under one
 * allocation policy, day by day. Output is columnar (one `Float64Array` per quantity, index = day) so a Monte
 * Carlo run of millions of path-days allocates nothing per day; `rowOf(result, day)` gives one day as an object
 * for code that works day by day (the on-chain simulator).
 *
 * Units: money in USD unless the name says BTC; power in gross MW (facility power, what the pool's capacity is
 * measured in); hashprice in USD per PH/s per day.
 */
import type { History } from "./history.js";
import type { Scenario } from "./scenario.js";

/** The allocation policies. */
export type PolicyName = "mining-only" | "ai-only" | "arbitrage";

/** Every policy, in report order. */
export const POLICY_NAMES: readonly PolicyName[] = ["mining-only", "ai-only", "arbitrage"];

/** Options of one path. */
export interface PathOptions {
  /** the run's seed: with the scenario it fixes every path, byte for byte */
  seed: string | number;
  /** which path of the run (0, 1, …): path i's randomness is derived from (seed, i) alone */
  pathIndex: number;
  /** days to simulate (day 0 … days − 1) */
  days: number;
  policy: PolicyName;
  /**
   * Drive the market from history instead of random draws: BTC price and fees from the history from
   * `history.start`; the network is the history's own difficulty (`"actual"`) or the model run freely on those
   * prices (`"model"`). The scenario's `startHeight`, `difficulty0` and `btcPrice0` are then ignored.
   */
  history?: { data: History; start: string; network: "actual" | "model" };
  /**
   * Columns to write into instead of allocating new ones (a Monte Carlo loop can reuse one set per worker); used
   * when they hold at least `days` days, and overwritten for days 0 … days − 1. The result's `columns` is this object.
   */
  columns?: PathColumns;
}

/** Why a policy converted capacity or not on an evaluation day (day 0 and each new difficulty epoch). */
export interface Decision {
  day: number;
  policy: PolicyName;
  /** gross MW it started converting (0 when it held) */
  convertedMw: number;
  /** PV at discountRate of one dealSize block's AI net income over term + renewal, USD per gross MW */
  aiValueUsdPerMw: number;
  /** PV of the mining margin that block would earn instead, on the network's expected path, USD per gross MW */
  miningValueUsdPerMw: number;
  /** one line a person can read: the comparison and the outcome */
  reason: string;
}

/** The daily columns of a path (index = day). */
export interface PathColumns {
  /** USD per BTC */
  priceUsd: Float64Array;
  /** network difficulty at the end of the day */
  difficulty: Float64Array;
  /** network hashrate, EH/s */
  networkHashrateEhs: Float64Array;
  /** height of the last block of the day (expected, fractional) */
  height: Float64Array;
  /** network hashprice, USD per PH/s per day, fees included, before pool fee */
  hashpriceUsd: Float64Array;
  /** fees, % of the subsidy */
  feeSharePct: Float64Array;
  /** the pool's gross capacity, MW (`capacityMw` plus `capacityGrowthMwPerYear` pro rata) */
  capacityMw: Float64Array;
  /** TH/s of the capacity not committed to AI (installed: not zeroed on a shutdown day) */
  poolHashrateThs: Float64Array;
  /** gross MW that mine (0 on a shutdown day) / earn AI / are being converted */
  miningMw: Float64Array;
  aiMw: Float64Array;
  convertingMw: Float64Array;
  /** (AI earning + converting) / capacity, 0–1 */
  aiShare: Float64Array;
  /** 1 when the miners stopped under the shutdown rule */
  shutdown: Uint8Array;
  /** BTC the mining pool paid (after pool fee and uptime) */
  miningBtc: Float64Array;
  /** that BTC in USD at the day's price */
  miningRevenueUsd: Float64Array;
  /** mining power (PUE and uptime included), non-power opex and fleet depreciation, USD */
  miningPowerUsd: Float64Array;
  miningOpexUsd: Float64Array;
  miningDepreciationUsd: Float64Array;
  /** AI revenue and operating cost (colocation: (1 − margin) of revenue; GPU cloud: the GPUs' power), USD */
  aiRevenueUsd: Float64Array;
  aiOpexUsd: Float64Array;
  /** loan repayments (interest included) and the operator's equity recovered from AI revenue, USD */
  aiFinancingUsd: Float64Array;
  aiEquityUsd: Float64Array;
  /** operator fee, both sources, USD */
  operatorFeeUsd: Float64Array;
  /** what holders receive from mining, in BTC and at the day's price in USD */
  holdersMiningBtc: Float64Array;
  holdersMiningUsd: Float64Array;
  /** what holders receive from AI, USD */
  holdersAiUsd: Float64Array;
  /** losses carried into the next day, USD */
  carriedLossMiningUsd: Float64Array;
  carriedLossAiUsd: Float64Array;
}

/** A simulated path. */
export interface PathResult {
  scenario: Scenario;
  options: PathOptions;
  /** `YYYY-MM-DD` of day 0 */
  startDate: string;
  days: number;
  columns: PathColumns;
  /** every evaluation of the policy, in day order */
  decisions: Decision[];
}

/** One day of a path as an object (see `PathColumns` for each field). */
export type PathRow = { day: number; date: string } & { [K in keyof PathColumns]: number };
