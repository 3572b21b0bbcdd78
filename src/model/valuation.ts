/**
 * The two values the arbitrage rule compares, per gross MW, at `discountRate` (ECONOMICS "Allocation policies"):
 *
 * - AI: the present value of one deal's net income — revenue minus operating cost over term + renewal from the
 *   end of the conversion lag, minus the loan instalments, minus the operator's equity paid at signing.
 * - Mining: the present value of the margin (after power, opex and depreciation; 0 on shutdown days) the same
 *   capacity would earn instead over the same days (lag + term + renewal), on the network model's expected path:
 *   no noise, the BTC price at its expected value `S × e^(μ t)`, fees at `feeShare`, halvings and retargets
 *   included, the fleet renewed by its sustaining reserve (fleet.ts). The projection moves in `PROJECTION_STEP_DAYS`
 *   steps.
 */
import { DAYS_PER_YEAR } from "./constants.js";
import { aiOpexPerDay, aiRevenuePerDay, dealFinancing, dailyInstalment, type DealParams, termDays } from "./deals.js";
import { emptyMiningDay, type FleetParams, miningMarginPerMw } from "./fleet.js";
import {
  advanceDay,
  copyNetworkState,
  createNetworkState,
  type NetworkParams,
  type NetworkState,
  zero,
} from "./network.js";
import type { Scenario } from "./scenario.js";

/** Step of the mining projection, days (one difficulty epoch). */
export const PROJECTION_STEP_DAYS = 14;

/** Discount factor of day `day` at `ratePct` a year. */
export function discountFactor(ratePct: number, day: number): number {
  return Math.pow(1 + ratePct / 100, -day / DAYS_PER_YEAR);
}

/** Days the capacity is away from mining when it converts: lag + term + renewal. */
export function dealHorizonDays(p: DealParams): number {
  return p.conversionLag + termDays(p.contractTerm) + termDays(p.renewalTerm);
}

/** PV of one gross MW's AI deal signed today (see the file comment), USD. */
export function aiValuePerMw(p: DealParams, discountRatePct: number): number {
  const { loanUsd, equityUsd } = dealFinancing(p, 1);
  const term = termDays(p.contractTerm);
  const instalment = dailyInstalment(loanUsd, p.loanRate, term);
  const daily = 1 / (1 + discountRatePct / 100) ** (1 / DAYS_PER_YEAR);
  let factor = discountFactor(discountRatePct, p.conversionLag);
  let value = -equityUsd;
  const earning = term + termDays(p.renewalTerm);
  for (let d = 0; d < earning; d++) {
    const revenue = aiRevenuePerDay(p, 1, d);
    value += factor * (revenue - aiOpexPerDay(p, 1, revenue) - (d < term ? instalment : 0));
    factor *= daily;
  }
  return value;
}

// The projection's network, made by `createNetworkState` so that it has the shape of every path's network: the one
// `advanceDay` is compiled for, with its numbers stored unboxed.
const scratchState = createNetworkState({ difficulty: 1, height: 0, margin: 0 });
const scratchDay = emptyMiningDay();

/**
 * Per projection step (`stepDays` each, the last cut at `horizonDays`): the BTC price's expected growth factor
 * `e^(μ t)` and the discount factor at the step's middle day t. The same for every evaluation of a scenario, so the
 * last set is kept and reused while drift, rate and steps stay the same.
 */
interface StepFactors {
  drift: number;
  ratePct: number;
  horizonDays: number;
  stepDays: number;
  growth: Float64Array;
  discount: Float64Array;
}
let lastFactors: StepFactors | undefined;

function stepFactors(drift: number, ratePct: number, horizonDays: number, stepDays: number): StepFactors {
  const last = lastFactors;
  if (
    last !== undefined &&
    Object.is(last.drift, drift) &&
    Object.is(last.ratePct, ratePct) &&
    Object.is(last.horizonDays, horizonDays) &&
    Object.is(last.stepDays, stepDays)
  ) {
    return last;
  }
  const steps = Math.ceil(horizonDays / stepDays);
  const growth = new Float64Array(steps);
  const discount = new Float64Array(steps);
  for (let i = 0, t = 0; t < horizonDays; i++, t += stepDays) {
    const middle = t + Math.min(stepDays, horizonDays - t) / 2;
    growth[i] = Math.exp((drift * middle) / DAYS_PER_YEAR);
    discount[i] = discountFactor(ratePct, middle);
  }
  lastFactors = { drift, ratePct, horizonDays, stepDays, growth, discount };
  return lastFactors;
}

/**
 * PV of one gross MW's mining margin over `horizonDays` from today, on the expected path from `network` (not
 * modified), USD.
 * @param priceUsd today's BTC price
 * @param fleetYears the fleet's age in years of renewal today (fleet.ts); it grows on the projected days the fleet runs
 * @param stepDays days per projection step (`PROJECTION_STEP_DAYS`; 1 projects day by day, for the tests)
 */
export function miningValuePerMw(
  s: FleetParams & Pick<Scenario, "btcDrift" | "feeShare" | "discountRate">,
  params: NetworkParams,
  network: NetworkState,
  priceUsd: number,
  horizonDays: number,
  fleetYears = 0,
  stepDays = PROJECTION_STEP_DAYS,
): number {
  copyNetworkState(network, scratchState);
  const { growth, discount } = stepFactors(s.btcDrift, s.discountRate, horizonDays, stepDays);
  let value = 0;
  let fleetAge = fleetYears;
  for (let i = 0, t = 0; t < horizonDays; i++, t += stepDays) {
    const span = Math.min(stepDays, horizonDays - t);
    const price = priceUsd * growth[i]!;
    advanceDay(scratchState, params, price, s.feeShare / 100, zero, span);
    const margin = miningMarginPerMw(s, scratchState.btcPerHsDay, price, scratchDay, fleetAge);
    if (!scratchDay.shutdown) fleetAge += span / DAYS_PER_YEAR;
    value += margin * span * discount[i]!;
  }
  return value;
}
