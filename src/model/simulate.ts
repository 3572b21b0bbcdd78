/**
 * The day-by-day simulation of one pool under one allocation policy (ECONOMICS.md). Pure and deterministic:
 * the same scenario, policy and seed give the same `DayResult`s, value for value (no clock, no
 * `Math.random`). The market path (price, fees, difficulty) comes from `createMarket`, which does not depend
 * on the policy, so the three policies can be compared on one path.
 *
 * The pool may start with AI capacity already converted and earning (`aiMwAtStart`, see allocation.ts): its
 * contract is honoured under every policy until its term ends, then renewed or released like any other.
 *
 * Each day:
 * 1. the market moves (see market.ts); contracts ending today are renewed or released; on evaluation days
 *    (day 0 and every day a difficulty epoch begins) the policy may start converting capacity to AI, clamped so
 *    that committed AI never exceeds `maxAiShare` % of capacity;
 * 2. mining: the pool's whole-TH/s hashrate `floor(miningMw × 1e6 / fleetEfficiency)` earns
 *    `btcPerDay × (1 − poolFee) × uptime` BTC (`miningBtcGross`), minus the energy cost converted to BTC at the
 *    day's price, minus the loss carried from earlier days, minus `operatorFee` % of what is left;
 * 3. AI: earning capacity's revenue (`aiUsdGross`) minus its operating cost (`aiCostUsd`: colocation opex, or
 *    GPU power in gpu-cloud mode) minus the day's conversion-capex amortization (`conversionCapexUsd`, see
 *    allocation.ts) minus the carried AI loss, minus `operatorFee` % of what is left;
 * 4. a source whose day is negative pays 0 and carries the loss (USD) forward; losses of one source are never
 *    offset against the other's revenue, and never taken from holders.
 *
 * Payouts are floored to the payout tokens' base units: WBTC 8 decimals (satoshi), USDC 6 decimals.
 */
import { aiDay } from "./ai.js";
import {
  allocate,
  capacityOnDay,
  contractTermDays,
  maxAiMw,
  newTranche,
  startingTranche,
  type Tranche,
} from "./allocation.js";
import { SATS_PER_BTC, USDC_UNITS_PER_USD } from "./constants.js";
import { createMarket } from "./market.js";
import { hashrateThsForPower, miningDay } from "./mining.js";
import { aiParams, getPolicy, isPolicyName, POLICY_NAMES, type PolicyContext, type PolicyName } from "./policies.js";
import type { Seed } from "./rng.js";
import { parseScenario, type Scenario } from "./scenario.js";
import { settleDay, toBaseUnits } from "./settlement.js";

export type { PolicyName } from "./policies.js";

/** Conversions smaller than this many MW are ignored (float dust). */
const MIN_CONVERSION_MW = 1e-9;

/** One simulated day. Money in USD or BTC as named; MW of power; `*Net` are the amounts holders receive. */
export interface DayResult {
  /** 0, 1, 2, ... */
  day: number;
  /** `YYYY-MM-DD` (UTC), `startDate + day` */
  date: string;
  /** height of the day's first block */
  height: number;
  /** USD per BTC */
  btcPriceUsd: number;
  /** network difficulty in force for the day's first block */
  difficulty: number;
  /** network hashprice, USD per PH/s per day, fees included, before pool fee (block-weighted over the day) */
  hashpriceUsdPerPhDay: number;
  /** pool capacity, MW */
  capacityMw: number;
  /** capacity that mines, MW */
  miningMw: number;
  /** AI capacity that earns, MW */
  aiMw: number;
  /** AI capacity being converted (not yet earning), MW */
  convertingMw: number;
  /** the pool's mining hashrate, whole TH/s (nameplate: uptime applies to revenue and energy, not to this) */
  hashrateThs: number;
  /** BTC the mining pool pays: after pool fee and uptime, before energy and operator fee */
  miningBtcGross: number;
  /** BTC holders receive from mining (after energy, carried loss, operator fee); ≥ 0 */
  miningBtcNet: number;
  /** `miningBtcGross` in USD */
  miningUsdGross: number;
  /** `miningBtcNet` in USD */
  miningUsdNet: number;
  /** mining energy cost, USD (GPU power is in `aiCostUsd`) */
  energyCostUsd: number;
  /** AI revenue, USD */
  aiUsdGross: number;
  /** USD holders receive from AI (after cost, capex, carried loss, operator fee); ≥ 0 */
  aiUsdNet: number;
  /** AI operating cost, USD: colocation `(1 − aiColoMargin)` of revenue; gpu-cloud GPU power (+ ownership) */
  aiCostUsd: number;
  /** operator fee of both sources, USD */
  operatorFeeUsd: number;
  /** conversion capex amortized and charged to AI this day, USD */
  conversionCapexUsd: number;
  /** what holders receive that day, in payout-token base units: WBTC 8 decimals, USDC 6 decimals */
  payoutWbtcSats: bigint;
  payoutUsdcUnits: bigint;
  /** mining loss carried into the next day, USD */
  carriedLossMiningUsd: number;
  /** AI loss carried into the next day, USD */
  carriedLossAiUsd: number;
}

/** A running simulation. */
export interface Simulation {
  readonly scenario: Scenario;
  readonly policy: PolicyName;
  /** Simulates the next day: day 0, 1, 2, ... */
  next(): DayResult;
}

/**
 * Starts a simulation of `scenario` under `policy` with randomness `seed`.
 * @throws Error when the scenario is invalid (field and reason) or the policy unknown
 */
export function createSimulation(scenario: Scenario, policy: PolicyName, seed: Seed): Simulation {
  if (!isPolicyName(policy)) {
    throw new Error(`policy: must be one of ${POLICY_NAMES.join(", ")} (got ${JSON.stringify(policy)})`);
  }
  const s = parseScenario(scenario);
  const rules = getPolicy(policy);
  const market = createMarket(s, seed);
  const ai = aiParams(s);
  // Capacity converted before the pool started (`aiMwAtStart`): earning on day 0, capex sunk.
  const existing = startingTranche(s);
  const tranches: Tranche[] = existing === undefined ? [] : [existing];
  const trailing: number[] = [];
  let trailingSum = 0;
  let carriedLossMiningUsd = 0;
  let carriedLossAiUsd = 0;

  function context(day: number, capacityMw: number): PolicyContext {
    const committed = allocate(tranches, capacityMw, day, s.mineWhileConverting).committedAiMw;
    return {
      day,
      capacityMw,
      committedAiMw: committed,
      maxAiMw: maxAiMw(s, capacityMw),
      trailingHashpriceUsdPerPhDay: trailingSum / trailing.length,
      scenario: s,
    };
  }

  function next(): DayResult {
    const m = market.next();
    const day = m.day;
    trailing.push(m.hashpriceUsdPerPhDay);
    trailingSum += m.hashpriceUsdPerPhDay;
    if (trailing.length > s.arbitrageLookbackDays) trailingSum -= trailing.shift()!;
    // Recompute the sum now and then so float drift cannot accumulate over long runs.
    if (day % 1024 === 0) trailingSum = trailing.reduce((a, b) => a + b, 0);

    const capacityMw = capacityOnDay(s, day);

    // Contracts ending today: renew for a new term (no capex, no lag) or release to mining.
    for (let i = tranches.length - 1; i >= 0; i--) {
      const tranche = tranches[i]!;
      if (tranche.endDay !== day) continue;
      if (rules.renew(context(day, capacityMw))) {
        tranche.endDay += contractTermDays(s);
      } else {
        tranches.splice(i, 1);
      }
    }

    if (m.newEpoch) {
      const ctx = context(day, capacityMw);
      const mw = Math.min(rules.convertMw(ctx), Math.max(0, ctx.maxAiMw - ctx.committedAiMw));
      if (mw > MIN_CONVERSION_MW) tranches.push(newTranche(s, mw, day));
    }

    const allocation = allocate(tranches, capacityMw, day, s.mineWhileConverting);

    const hashrateThs = hashrateThsForPower(allocation.miningMw, s.fleetEfficiency);
    const mining = miningDay({
      hashrateThs,
      btcPerHsDay: m.btcPerHsDay,
      btcPriceUsd: m.btcPriceUsd,
      poolFeePct: s.poolFee,
      uptimePct: s.uptime,
      fleetEfficiency: s.fleetEfficiency,
      powerPrice: s.powerPrice,
    });
    const miningSettled = settleDay(mining.netUsd, carriedLossMiningUsd, s.operatorFee);
    carriedLossMiningUsd = miningSettled.carriedLossUsd;
    const miningBtcNet = miningSettled.payoutUsd / m.btcPriceUsd;

    const aiToday = aiDay(allocation.aiMw, ai);
    const aiNetUsd = aiToday.grossUsd - aiToday.costUsd - allocation.capexUsd;
    const aiSettled = settleDay(aiNetUsd, carriedLossAiUsd, s.operatorFee);
    carriedLossAiUsd = aiSettled.carriedLossUsd;

    return {
      day,
      date: m.date,
      height: m.height,
      btcPriceUsd: m.btcPriceUsd,
      difficulty: m.difficulty,
      hashpriceUsdPerPhDay: m.hashpriceUsdPerPhDay,
      capacityMw,
      miningMw: allocation.miningMw,
      aiMw: allocation.aiMw,
      convertingMw: allocation.convertingMw,
      hashrateThs,
      miningBtcGross: mining.btcGross,
      miningBtcNet,
      miningUsdGross: mining.usdGross,
      miningUsdNet: miningSettled.payoutUsd,
      energyCostUsd: mining.energyCostUsd,
      aiUsdGross: aiToday.grossUsd,
      aiUsdNet: aiSettled.payoutUsd,
      aiCostUsd: aiToday.costUsd,
      operatorFeeUsd: miningSettled.operatorFeeUsd + aiSettled.operatorFeeUsd,
      conversionCapexUsd: allocation.capexUsd,
      payoutWbtcSats: toBaseUnits(miningBtcNet, SATS_PER_BTC),
      payoutUsdcUnits: toBaseUnits(aiSettled.payoutUsd, USDC_UNITS_PER_USD),
      carriedLossMiningUsd,
      carriedLossAiUsd,
    };
  }

  return { scenario: s, policy, next };
}

/** Simulates days 0 … `days − 1` (see `createSimulation`). */
export function simulateDays(scenario: Scenario, policy: PolicyName, seed: Seed, days: number): DayResult[] {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new Error(`days: must be a non-negative integer (got ${String(days)})`);
  }
  const simulation = createSimulation(scenario, policy, seed);
  const results: DayResult[] = [];
  for (let i = 0; i < days; i++) results.push(simulation.next());
  return results;
}
