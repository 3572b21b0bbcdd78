/**
 * `simulatePath`: one seeded path of the market and the pool under one policy, day by day (contract in
 * path-types.ts); `simulatePayouts`: the same path under several policies at once, recording only what holders are
 * paid. Pure and deterministic: the same scenario and options give the same result, value for value, and a policy's
 * columns are the same whether it runs alone or beside others.
 *
 * Each day d:
 * 1. the market opens the day: the BTC price and the fee share move (market.ts);
 * 2. on day 0 and on the first day of each difficulty epoch each policy may sign AI deals (pool.ts, policies.ts);
 * 3. the network mines the day (market.ts, network.ts): hashrate, retargets, halvings, hashprice;
 * 4. each policy's pool mines what it has not committed to AI, earns from its deals and settles the day (pool.ts).
 *
 * The market does not depend on the policy, so several policies on one path share it and draw it once.
 */
import { PathMarket, sameMarket, type MarketOptions } from "./market.js";
import type { PathOptions, PathResult, PolicyName } from "./path-types.js";
import { POLICY_NAMES } from "./path-types.js";
import { PolicyPool, type PayoutColumns } from "./pool.js";
import { allocateColumns } from "./rows.js";
import type { Scenario } from "./scenario.js";

export { MARKET_FIELDS, networkParams, pathSeed, sameMarket, type MarketScenario } from "./market.js";
export type { PayoutColumns } from "./pool.js";

function fits(columns: PathResult["columns"], days: number): boolean {
  return columns.priceUsd.length >= days;
}

function checkOptions(options: MarketOptions, policies: readonly PolicyName[]): void {
  if (!Number.isSafeInteger(options.days) || options.days < 1) {
    throw new Error(`days: must be a positive integer (got ${String(options.days)})`);
  }
  if (!Number.isSafeInteger(options.pathIndex) || options.pathIndex < 0) {
    throw new Error(`pathIndex: must be a non-negative integer (got ${String(options.pathIndex)})`);
  }
  for (const policy of policies) {
    if (!POLICY_NAMES.includes(policy)) {
      throw new Error(`policy: must be one of ${POLICY_NAMES.join(", ")} (got ${JSON.stringify(policy)})`);
    }
  }
  if (typeof options.seed === "number" && !Number.isFinite(options.seed)) {
    throw new Error(`seed: must be a finite number or a string (got ${String(options.seed)})`);
  }
}

/**
 * Simulates one path (see the file comment and path-types.ts).
 * @throws Error with a one-line message on bad options (or a history too short for `days`)
 */
export function simulatePath(s: Scenario, options: PathOptions): PathResult {
  checkOptions(options, [options.policy]);
  const columns =
    options.columns !== undefined && fits(options.columns, options.days)
      ? options.columns
      : allocateColumns(options.days);
  const market = new PathMarket(s, options);
  const [pool] = run(market, [new PolicyPool(s, options.policy, market, { full: columns })], options.days);
  return { scenario: s, options, startDate: market.startDate, days: options.days, columns, decisions: pool!.decisions };
}

/** What `simulatePayouts` returns per policy: its payout columns (days 0 … days − 1) and its decisions. */
export interface PayoutResult {
  policy: PolicyName;
  columns: PayoutColumns;
  decisions: PathResult["decisions"];
}

/**
 * Simulates one path under each of `policies` on one shared market, writing only the payout columns into
 * `columns[k]` (each at least `days` long) for policy k. Pool k runs `scenarios[k]` when given (else `s`): scenarios
 * that differ only outside the market's fields (`sameMarket`), such as the tornado's variants of a pool input. Pool k's
 * columns are those `simulatePath` gives its scenario and policy.
 * @throws Error with a one-line message on bad options
 */
export function simulatePayouts(
  s: Scenario,
  options: MarketOptions & {
    policies: readonly PolicyName[];
    columns: readonly PayoutColumns[];
    scenarios?: readonly Scenario[];
  },
): PayoutResult[] {
  checkOptions(options, options.policies);
  const { policies, columns, scenarios } = options;
  if (columns.length !== policies.length || !columns.every((c) => c.priceUsd.length >= options.days)) {
    throw new Error(`columns: one set of at least ${options.days} days per policy is needed`);
  }
  if (scenarios !== undefined && (scenarios.length !== policies.length || !scenarios.every((p) => sameMarket(s, p)))) {
    throw new Error("scenarios: one per policy is needed, each with the market of the path's scenario");
  }
  const market = new PathMarket(s, options);
  const pools = policies.map(
    (policy, k) => new PolicyPool(scenarios?.[k] ?? s, policy, market, { payouts: columns[k]! }),
  );
  run(market, pools, options.days);
  return pools.map((pool, k) => ({ policy: policies[k]!, columns: columns[k]!, decisions: pool.decisions }));
}

/** The day loop (the file comment's steps). */
function run(market: PathMarket, pools: PolicyPool[], days: number): PolicyPool[] {
  let evaluate = true;
  for (let day = 0; day < days; day++) {
    market.openDay(day);
    for (let k = 0; k < pools.length; k++) pools[k]!.decide(day, evaluate);
    market.mineDay(day);
    evaluate = market.network.retargeted;
    for (let k = 0; k < pools.length; k++) pools[k]!.settle(day);
  }
  return pools;
}
