/**
 * The run's ledger as data: one row per day (for daily.csv and the chart), the policies compared on the same
 * market path, and the summary (summary.json). Pure: built from the planner's days and the chain's read-back
 * values; no clock, so the same seed gives the same bytes.
 */
import { stringify } from "csv-stringify/sync";

import { formatAmount, formatNumber, formatShares } from "../cli/amount.js";
import { POLICY_NAMES, type PolicyName, type Scenario } from "../model/index.js";
import { ONE_SHARE, TOKEN_FACTS, toWhole, toWholeShares } from "../tokens.js";
import { modelDays, modelPath } from "./model-day.js";
import type { DayPlan } from "./plan.js";

/** Extra decimals kept in per-share amounts. */
export const PER_SHARE_EXTRA_DECIMALS = 6;

/** `amount` per one share (1e18 units) of `supply`, as an exact decimal string with 6 more decimals than the token. */
export function perShare(amount: bigint, supply: bigint, decimals: number): string {
  if (supply === 0n) return "0";
  const scaled = (amount * ONE_SHARE * 10n ** BigInt(PER_SHARE_EXTRA_DECIMALS)) / supply;
  return formatAmount(scaled, decimals + PER_SHARE_EXTRA_DECIMALS);
}

/** USD per share of one day's payouts: mining valued at the day's BTC price. */
export function usdPerShare(wbtcSats: bigint, usdcUnits: bigint, supply: bigint, btcPriceUsd: number): number {
  if (supply === 0n) return 0;
  return payoutUsd(wbtcSats, usdcUnits, btcPriceUsd) / toWholeShares(supply);
}

/** A payout in USD: the WBTC valued at `btcPriceUsd`, the USDC at par. */
export function payoutUsd(wbtcSats: bigint, usdcUnits: bigint, btcPriceUsd: number): number {
  return toWhole(wbtcSats, "wbtc") * btcPriceUsd + toWhole(usdcUnits, "usdc");
}

/** One row of daily.csv. Numbers are rounded to fixed decimals so the file reads well and is byte-stable. */
export interface DailyRow {
  day: number;
  date: string;
  /** the model's columns (v2 `PathColumns`, same names; money in USD unless named BTC, power in gross MW) */
  height: string;
  btcPriceUsd: string;
  difficulty: string;
  networkHashrateEhs: string;
  hashpriceUsdPerPhDay: string;
  feeSharePct: string;
  capacityMw: string;
  miningMw: string;
  aiMw: string;
  convertingMw: string;
  shutdown: number;
  /** what the reporters posted, whole TH/s */
  hashrateThs: string;
  supplyShares: string;
  sharesSold: string;
  sharesToTreasury: string;
  miningBtc: string;
  miningRevenueUsd: string;
  miningPowerUsd: string;
  miningOpexUsd: string;
  miningDepreciationUsd: string;
  aiRevenueUsd: string;
  aiOpexUsd: string;
  aiFinancingUsd: string;
  aiEquityUsd: string;
  operatorFeeUsd: string;
  holdersMiningBtc: string;
  holdersMiningUsd: string;
  holdersAiUsd: string;
  carriedLossMiningUsd: string;
  carriedLossAiUsd: string;
  /** what was deposited on chain, whole tokens */
  depositedWbtc: string;
  depositedUsdc: string;
  wbtcPerShare: string;
  usdcPerShare: string;
  /** one share's payout of the day in USD (WBTC at the day's price) and in BTC (USDC at the day's price) */
  usdPerShare: string;
  btcPerShare: string;
  cumulativeUsdPerShare: string;
  cumulativeBtcPerShare: string;
  buys: number;
  transfers: number;
  claims: number;
  transactions: number;
}

const fixed = (value: number, digits: number): string => value.toFixed(digits);

/** The rows of daily.csv, from the planned (and executed) days in order. */
export function dailyRows(plans: readonly DayPlan[]): DailyRow[] {
  let cumulative = 0;
  let cumulativeBtc = 0;
  const btcDecimals = TOKEN_FACTS.wbtc.decimals;
  return plans.map((plan) => {
    const r = plan.result;
    const usd = usdPerShare(plan.depositedWbtc, plan.depositedUsdc, plan.supply, r.priceUsd);
    const btc = r.priceUsd > 0 ? usd / r.priceUsd : 0;
    cumulative += usd;
    cumulativeBtc += btc;
    return {
      day: r.day,
      date: r.date,
      height: fixed(r.height, 0),
      btcPriceUsd: fixed(r.priceUsd, 2),
      difficulty: fixed(r.difficulty, 0),
      networkHashrateEhs: fixed(r.networkHashrateEhs, 3),
      hashpriceUsdPerPhDay: fixed(r.hashpriceUsd, 4),
      feeSharePct: fixed(r.feeSharePct, 4),
      capacityMw: fixed(r.capacityMw, 4),
      miningMw: fixed(r.miningMw, 4),
      aiMw: fixed(r.aiMw, 4),
      convertingMw: fixed(r.convertingMw, 4),
      shutdown: r.shutdown,
      hashrateThs: r.hashrateThs.toString(),
      supplyShares: formatShares(plan.supply),
      sharesSold: formatShares(plan.sold),
      sharesToTreasury: formatShares(plan.treasuryMinted),
      miningBtc: fixed(r.miningBtc, btcDecimals),
      miningRevenueUsd: fixed(r.miningRevenueUsd, 2),
      miningPowerUsd: fixed(r.miningPowerUsd, 2),
      miningOpexUsd: fixed(r.miningOpexUsd, 2),
      miningDepreciationUsd: fixed(r.miningDepreciationUsd, 2),
      aiRevenueUsd: fixed(r.aiRevenueUsd, 2),
      aiOpexUsd: fixed(r.aiOpexUsd, 2),
      aiFinancingUsd: fixed(r.aiFinancingUsd, 2),
      aiEquityUsd: fixed(r.aiEquityUsd, 2),
      operatorFeeUsd: fixed(r.operatorFeeUsd, 2),
      holdersMiningBtc: fixed(r.holdersMiningBtc, btcDecimals),
      holdersMiningUsd: fixed(r.holdersMiningUsd, 2),
      holdersAiUsd: fixed(r.holdersAiUsd, 2),
      carriedLossMiningUsd: fixed(r.carriedLossMiningUsd, 2),
      carriedLossAiUsd: fixed(r.carriedLossAiUsd, 2),
      depositedWbtc: formatAmount(plan.depositedWbtc, btcDecimals),
      depositedUsdc: formatAmount(plan.depositedUsdc, TOKEN_FACTS.usdc.decimals),
      wbtcPerShare: perShare(plan.depositedWbtc, plan.supply, btcDecimals),
      usdcPerShare: perShare(plan.depositedUsdc, plan.supply, TOKEN_FACTS.usdc.decimals),
      usdPerShare: fixed(usd, 8),
      btcPerShare: fixed(btc, 12),
      cumulativeUsdPerShare: fixed(cumulative, 8),
      cumulativeBtcPerShare: fixed(cumulativeBtc, 12),
      buys: plan.buys,
      transfers: plan.transfers,
      claims: plan.claims,
      transactions: plan.ops.length,
    };
  });
}

/** daily.csv: a header and one line per day. */
export function dailyCsv(rows: readonly DailyRow[]): string {
  const first = rows[0];
  const columns = first === undefined ? ["day"] : Object.keys(first);
  return stringify(rows as unknown as Record<string, unknown>[], { header: true, columns });
}

/**
 * The policy comparison's horizon, days: at least five years. Capacity a policy converts to AI stops mining at once
 * but earns only after `conversionLag` (540 days by default), so a one-year run shows the cost of converting and not
 * yet its income; the pure model carries the same seed and price path on to show where the policies end up.
 */
export const PROJECTION_MIN_DAYS = 5 * 365;

/** The days the policies are compared over, for a chain run of `runDays`: `max(runDays, PROJECTION_MIN_DAYS)`. */
export function projectionDays(runDays: number): number {
  return Math.max(runDays, PROJECTION_MIN_DAYS);
}

/** "5 years" for a whole number of 365-day years, else "400 days". */
export function horizonLabel(days: number): string {
  if (days % 365 === 0) return days === 365 ? "1 year" : `${days / 365} years`;
  return days === 1 ? "1 day" : `${formatNumber(days)} days`;
}

/**
 * The scenario's starting shares, in base units: one per TH/s of the fleet mining on day 0 (`scenario.shares`, the
 * shares its sale price is for). The policies are compared per starting share, the same for every policy, as
 * `hardhat analyze` compares them: a policy that converts capacity on day 0 reports less hashrate, so its chain mints
 * fewer shares, and per share of its own chain the same payouts to holders would read as more.
 */
export function startingSupply(scenario: Scenario, sharesPerTHs: bigint): bigint {
  return BigInt(scenario.shares) * sharesPerTHs;
}

/** One policy's path on the shared market path: what one starting share earned each day. */
export interface PolicyPoint {
  day: number;
  date: string;
  /** The day's BTC price (the same for every policy): values the WBTC paid. */
  btcPriceUsd: number;
  wbtcSats: bigint;
  usdcUnits: bigint;
  /** Supply after the day's mints: the highest backing so far (the simulator mints the whole backing). */
  supply: bigint;
  /** The day's payouts per starting share (`startingSupply`), USD. */
  usdPerShare: number;
  cumulativeUsdPerShare: number;
}

/** Totals of one policy over the run. */
export interface PolicyTotals {
  /** Base units paid to holders. */
  wbtc: bigint;
  usdc: bigint;
  /** The payouts in USD, mining valued at each day's price. */
  usd: number;
  /** What one share received, in USD: per starting share (`startingSupply`) when policies are compared. */
  usdPerShare: number;
}

/**
 * The pure model's path for `policy`: the same market path as the chain run (the model's market does not depend on
 * the policy), the supply as the simulator mints it (the running maximum of hashrate × sharesPerTHs), and the payouts
 * per starting share (`startingSupply`: the same shares for every policy).
 */
export function policyPath(
  scenario: Scenario,
  policy: PolicyName,
  seed: string,
  days: number,
  sharesPerTHs: bigint,
): PolicyPoint[] {
  let supply = 0n;
  let cumulative = 0;
  const starting = startingSupply(scenario, sharesPerTHs);
  const held = { wbtc: 0n, usdc: 0n };
  return modelDays(modelPath(scenario, policy, seed, days)).map((r) => {
    const backing = r.hashrateThs * sharesPerTHs;
    if (backing > supply) supply = backing;
    // A payout with no share outstanding waits for the first share (as the chain run carries it).
    held.wbtc += r.payoutWbtcSats;
    held.usdc += r.payoutUsdcUnits;
    const wbtcSats = supply === 0n ? 0n : held.wbtc;
    const usdcUnits = supply === 0n ? 0n : held.usdc;
    if (supply > 0n) held.wbtc = held.usdc = 0n;
    const usd = usdPerShare(wbtcSats, usdcUnits, starting, r.priceUsd);
    cumulative += usd;
    return {
      day: r.day,
      date: r.date,
      btcPriceUsd: r.priceUsd,
      wbtcSats,
      usdcUnits,
      supply,
      usdPerShare: usd,
      cumulativeUsdPerShare: cumulative,
    };
  });
}

/** What `path` paid holders in all, WBTC valued at each day's price. */
export function policyTotals(path: readonly PolicyPoint[]): PolicyTotals {
  let wbtc = 0n;
  let usdc = 0n;
  let usd = 0;
  for (const point of path) {
    wbtc += point.wbtcSats;
    usdc += point.usdcUnits;
    usd += payoutUsd(point.wbtcSats, point.usdcUnits, point.btcPriceUsd);
  }
  return { wbtc, usdc, usd, usdPerShare: path.at(-1)?.cumulativeUsdPerShare ?? 0 };
}

/** Every policy's totals over the first `days` days of `paths` (all of them by default). */
export function allPolicyTotals(
  paths: Readonly<Record<PolicyName, readonly PolicyPoint[]>>,
  days?: number,
): Record<PolicyName, PolicyTotals> {
  const totals = {} as Record<PolicyName, PolicyTotals>;
  for (const policy of POLICY_NAMES) totals[policy] = policyTotals(paths[policy].slice(0, days));
  return totals;
}

/** Every policy's path on the run's market path. */
export function allPolicyPaths(
  scenario: Scenario,
  seed: string,
  days: number,
  sharesPerTHs: bigint,
): Record<PolicyName, PolicyPoint[]> {
  const paths = {} as Record<PolicyName, PolicyPoint[]>;
  for (const policy of POLICY_NAMES) paths[policy] = policyPath(scenario, policy, seed, days, sharesPerTHs);
  return paths;
}

/** The policy that paid one share most, or `null` when several tie for the top; `tied` lists them (else empty). */
export interface PolicyLeader {
  best: PolicyName | null;
  tied: PolicyName[];
}

/** USD per 1,000 starting shares to the cent, as printed: policies whose figures read the same pay the same. */
const centsPer1000Shares = (totals: PolicyTotals): string => (totals.usdPerShare * 1000).toFixed(2);

/**
 * The policy whose share earned the most USD. Policies that pay the same per 1,000 starting shares to the cent tie: then
 * there is no best, and `tied` names them in `POLICY_NAMES` order.
 */
export function policyLeader(totals: Readonly<Record<PolicyName, PolicyTotals>>): PolicyLeader {
  let top = totals[POLICY_NAMES[0]!].usdPerShare;
  for (const policy of POLICY_NAMES) top = Math.max(top, totals[policy].usdPerShare);
  const topCents = (top * 1000).toFixed(2);
  const leaders = POLICY_NAMES.filter((policy) => centsPer1000Shares(totals[policy]) === topCents);
  return leaders.length === 1 ? { best: leaders[0]!, tied: [] } : { best: null, tied: leaders };
}

/** "best: ai-only", or "tie (mining-only, ai-only, arbitrage)". */
export function describeLeader(leader: PolicyLeader): string {
  return leader.best === null ? `tie (${leader.tied.join(", ")})` : `best: ${leader.best}`;
}

/** USD with 2 decimals, as a JSON number that always prints the same. */
export function roundUsd(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
