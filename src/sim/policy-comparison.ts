/**
 * The policies compared on the run's market path: each policy's payouts to one starting share, day by day, from the
 * model (path 0 of the run's seed, the path the chain follows), over at least five years; their totals, and the
 * policy that paid most (or the tie). Pure.
 */
import { formatNumber } from "../cli/amount.js";
import { POLICY_NAMES, type PolicyName, type Scenario } from "../model/index.js";
import { modelDays, modelPath } from "./model-day.js";
import { payoutUsd, usdPerShare } from "./report.js";

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
