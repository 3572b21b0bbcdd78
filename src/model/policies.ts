/**
 * Allocation policies (ECONOMICS.md, "Allocation policies"). Policies act only on evaluation days — day 0
 * and each day in which a new difficulty epoch begins ("once per difficulty epoch") — by starting the
 * conversion of a slice of capacity; and at the end of a contract term, by renewing it or releasing it to
 * mining. Committed AI capacity (earning + converting) never exceeds `maxAiShare` % of capacity: the
 * simulator clamps every conversion to the headroom.
 *
 * Capacity converted before the pool started (`aiMwAtStart`, see allocation.ts) is under a contract signed
 * before the pool existed: every policy honours it until its term ends, and only then applies its own renewal
 * rule to it, as to any tranche. So `mining-only` too earns AI revenue from it until that day, then returns it to
 * mining; `ai-only` renews it; `arbitrage` renews it while the spread is positive. It counts against
 * `maxAiShare`, so it leaves that much less headroom for new conversions.
 *
 * - `mining-only`: never converts and never renews; every MW mines once the contracts it started with end.
 * - `ai-only`: converts all the headroom up to `maxAiShare` on every evaluation day (day 0, then whatever
 *   capacity growth adds), whatever the economics, and always renews. The rest of the capacity mines.
 * - `arbitrage`: on an evaluation day, compares the expected margin per MWh of capacity of AI and of mining,
 *   mining valued at the trailing `arbitrageLookbackDays` mean network hashprice; it converts a further slice
 *   (`arbitrageSlice` % of capacity, clamped to the headroom) only when the spread, discounted over the
 *   contract term and starting after `conversionLag`, pays the slice's `conversionCapex`. At the end of a
 *   term it renews (capex sunk) when the spread is still positive, else the slice returns to mining.
 *
 * The mining forecast is the trailing hashprice held flat over the term (as ECONOMICS.md specifies): it does
 * not anticipate halvings or difficulty growth.
 */
import { type AiParams, aiMarginUsdPerMwh } from "./ai.js";
import { HOURS_PER_YEAR, DAYS_PER_YEAR } from "./constants.js";
import { miningMarginUsdPerMwh } from "./mining.js";
import type { Scenario } from "./scenario.js";

/** The allocation policies the simulator offers. */
export type PolicyName = "mining-only" | "ai-only" | "arbitrage";

/** Every policy name, in report order. */
export const POLICY_NAMES: readonly PolicyName[] = ["mining-only", "ai-only", "arbitrage"];

/** What a policy sees when it decides. */
export interface PolicyContext {
  day: number;
  /** pool capacity, MW */
  capacityMw: number;
  /** AI capacity earning or converting, MW */
  committedAiMw: number;
  /** `maxAiShare × capacity`, MW */
  maxAiMw: number;
  /** mean network hashprice over the trailing `arbitrageLookbackDays` days (today included), USD/PH/day */
  trailingHashpriceUsdPerPhDay: number;
  scenario: Scenario;
}

/** An allocation policy. */
export interface Policy {
  readonly name: PolicyName;
  /** MW to start converting today (called on evaluation days only; the simulator clamps it to the headroom). */
  convertMw(context: PolicyContext): number;
  /** Whether a tranche whose contract ends today signs a new term. */
  renew(context: PolicyContext): boolean;
}

/** AI parameters of a scenario. */
export function aiParams(scenario: Scenario): AiParams {
  return {
    aiMode: scenario.aiMode,
    aiColoRevenue: scenario.aiColoRevenue,
    aiColoMargin: scenario.aiColoMargin,
    gpuRentH100: scenario.gpuRentH100,
    powerPerGpu: scenario.powerPerGpu,
    gpuUtilization: scenario.gpuUtilization,
    gpuOwnershipCost: scenario.gpuOwnershipCost,
    powerPrice: scenario.powerPrice,
  };
}

/** AI margin minus mining margin, USD per MWh of capacity, mining valued at `hashpriceUsdPerPhDay`. */
export function spreadUsdPerMwh(hashpriceUsdPerPhDay: number, scenario: Scenario): number {
  return aiMarginUsdPerMwh(aiParams(scenario)) - miningMarginUsdPerMwh(hashpriceUsdPerPhDay, scenario);
}

/** Continuous discount rate per year: `ln(1 + discountRate / 100)`. */
export function continuousRate(scenario: Pick<Scenario, "discountRate">): number {
  return Math.log(1 + scenario.discountRate / 100);
}

/** Present value of 1 USD a year paid continuously for `years`: `(1 − e^(−r·years)) / r` (`years` when r = 0). */
export function annuityFactor(rate: number, years: number): number {
  return rate > 0 ? (1 - Math.exp(-rate * years)) / rate : years;
}

/**
 * Present value, USD per MW, of converting one MW today: the spread earned for `contractTerm` years from
 * `conversionLag` days on, discounted at `discountRate`; minus, when converting capacity cannot mine
 * (`mineWhileConverting` false), the mining margin it forgoes during the lag.
 */
export function conversionValueUsdPerMw(hashpriceUsdPerPhDay: number, scenario: Scenario): number {
  const rate = continuousRate(scenario);
  const lagYears = scenario.conversionLag / DAYS_PER_YEAR;
  const spread = spreadUsdPerMwh(hashpriceUsdPerPhDay, scenario);
  const value = spread * HOURS_PER_YEAR * annuityFactor(rate, scenario.contractTerm) * Math.exp(-rate * lagYears);
  if (scenario.mineWhileConverting) return value;
  const forgone = Math.max(0, miningMarginUsdPerMwh(hashpriceUsdPerPhDay, scenario));
  return value - forgone * HOURS_PER_YEAR * annuityFactor(rate, lagYears);
}

/** Whether converting pays: a positive spread whose discounted value covers `conversionCapex` (per MW). */
export function conversionPays(hashpriceUsdPerPhDay: number, scenario: Scenario): boolean {
  return (
    spreadUsdPerMwh(hashpriceUsdPerPhDay, scenario) > 0 &&
    conversionValueUsdPerMw(hashpriceUsdPerPhDay, scenario) >= scenario.conversionCapex * 1e6
  );
}

function headroom(context: PolicyContext): number {
  return Math.max(0, context.maxAiMw - context.committedAiMw);
}

const miningOnly: Policy = {
  name: "mining-only",
  convertMw: () => 0,
  renew: () => false,
};

const aiOnly: Policy = {
  name: "ai-only",
  convertMw: (context) => headroom(context),
  renew: () => true,
};

const arbitrage: Policy = {
  name: "arbitrage",
  convertMw: (context) => {
    if (!conversionPays(context.trailingHashpriceUsdPerPhDay, context.scenario)) return 0;
    return Math.min(headroom(context), (context.scenario.arbitrageSlice / 100) * context.capacityMw);
  },
  renew: (context) => spreadUsdPerMwh(context.trailingHashpriceUsdPerPhDay, context.scenario) > 0,
};

/** True when `name` is one of `POLICY_NAMES`. */
export function isPolicyName(name: unknown): name is PolicyName {
  return typeof name === "string" && (POLICY_NAMES as readonly string[]).includes(name);
}

/** The policy called `name`. @throws Error naming the accepted values */
export function getPolicy(name: PolicyName): Policy {
  switch (name) {
    case "mining-only":
      return miningOnly;
    case "ai-only":
      return aiOnly;
    case "arbitrage":
      return arbitrage;
    default:
      throw new Error(`policy: must be one of ${POLICY_NAMES.join(", ")} (got ${JSON.stringify(name)})`);
  }
}
