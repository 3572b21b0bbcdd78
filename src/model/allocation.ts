/**
 * The pool's capacity and how it is split between mining and AI (ECONOMICS.md, "Allocation policies").
 *
 * Capacity grows linearly: `capacityMw + capacityGrowthMwPerYear × day / 365`; new capacity mines.
 * AI capacity is held in tranches. A tranche is converted on its `startDay` (the policy's decision), earns AI
 * revenue from `startDay + conversionLag` for `contractTerm` years, and may then be renewed (no capex, no lag:
 * the site is already converted) or released back to mining. While converting, a tranche mines when
 * `mineWhileConverting` (the default, "capacity that AI leaves idle can mine") and is idle otherwise.
 *
 * Conversion capex (`conversionCapex` M USD per MW) is paid out of AI revenue: it is amortized linearly over
 * the tranche's first contract term (`capex / termDays` a day, from the first earning day), and deducted from
 * the AI source's net before the operator fee. A day whose AI revenue does not cover it carries the
 * shortfall forward like any AI loss; holders never fund capex from mining revenue or their own pockets.
 *
 * The pool may start with capacity the operator had already converted before the share sale
 * (`aiMwAtStart` MW, `aiContractAgeAtStartDays` into its current `contractTerm`): one tranche that earns from
 * day 0 and whose contract ends on day `termDays − aiContractAgeAtStartDays`. Its conversion capex was paid
 * by the operator before the pool sold its shares, so it is sunk: the tranche amortizes nothing and holders
 * receive its AI margin in full. Every policy honours that contract until its term ends; what happens then is
 * the policy's renewal rule, as for any tranche (see policies.ts).
 */
import { DAYS_PER_YEAR } from "./constants.js";
import type { Scenario } from "./scenario.js";

/** A slice of capacity committed to AI. */
export interface Tranche {
  /** MW of capacity */
  mw: number;
  /** day the conversion started (the policy's decision) */
  startDay: number;
  /** first day of AI revenue: `startDay + conversionLag` */
  earnStartDay: number;
  /** first day the current contract no longer covers: `earnStartDay + termDays` (moved on each renewal) */
  endDay: number;
  /** total conversion capex of the tranche, USD */
  capexUsd: number;
  /** first day after the capex amortization (end of the first term) */
  amortizationEndDay: number;
}

/** How the capacity is used on one day, MW. */
export interface Allocation {
  capacityMw: number;
  /** AI capacity that earns */
  aiMw: number;
  /** AI capacity still being converted */
  convertingMw: number;
  /** `aiMw + convertingMw`: what counts against `maxAiShare` */
  committedAiMw: number;
  /** capacity that mines */
  miningMw: number;
  /** capex amortized on this day, USD */
  capexUsd: number;
}

/** Days of one contract term: `round(contractTerm × 365)`, at least 1. */
export function contractTermDays(scenario: Pick<Scenario, "contractTerm">): number {
  return Math.max(1, Math.round(scenario.contractTerm * DAYS_PER_YEAR));
}

/** Pool capacity on `day`, MW. */
export function capacityOnDay(scenario: Pick<Scenario, "capacityMw" | "capacityGrowthMwPerYear">, day: number): number {
  return scenario.capacityMw + (scenario.capacityGrowthMwPerYear * day) / DAYS_PER_YEAR;
}

/** The cap on committed AI capacity on a day: `maxAiShare × capacity`. */
export function maxAiMw(scenario: Pick<Scenario, "maxAiShare">, capacityMw: number): number {
  return (scenario.maxAiShare / 100) * capacityMw;
}

/** A new tranche of `mw` MW whose conversion starts on `day`. */
export function newTranche(
  scenario: Pick<Scenario, "conversionLag" | "contractTerm" | "conversionCapex">,
  mw: number,
  day: number,
): Tranche {
  const earnStartDay = day + scenario.conversionLag;
  const endDay = earnStartDay + contractTermDays(scenario);
  return {
    mw,
    startDay: day,
    earnStartDay,
    endDay,
    capexUsd: mw * scenario.conversionCapex * 1e6,
    amortizationEndDay: endDay,
  };
}

/**
 * The tranche of capacity converted before the simulation starts (`aiMwAtStart` MW), or none when
 * `aiMwAtStart` is 0. It earned from day `−aiContractAgeAtStartDays` (its conversion finished then), so it earns
 * on day 0, and its contract ends on day `contractTermDays − aiContractAgeAtStartDays` (> 0: the scenario
 * refuses an age of a whole term or more). Its capex is sunk (paid before the share sale): `capexUsd` is 0.
 */
export function startingTranche(
  scenario: Pick<Scenario, "aiMwAtStart" | "aiContractAgeAtStartDays" | "conversionLag" | "contractTerm">,
): Tranche | undefined {
  if (!(scenario.aiMwAtStart > 0)) return undefined;
  const earnStartDay = -scenario.aiContractAgeAtStartDays;
  return {
    mw: scenario.aiMwAtStart,
    startDay: earnStartDay - scenario.conversionLag,
    earnStartDay,
    endDay: earnStartDay + contractTermDays(scenario),
    capexUsd: 0,
    amortizationEndDay: earnStartDay,
  };
}

/** The capex a tranche amortizes on `day`, USD. */
export function trancheCapexOnDay(tranche: Tranche, day: number): number {
  if (day < tranche.earnStartDay || day >= tranche.amortizationEndDay) return 0;
  return tranche.capexUsd / (tranche.amortizationEndDay - tranche.earnStartDay);
}

/** Splits `capacityMw` between mining and the live tranches on `day`. */
export function allocate(
  tranches: readonly Tranche[],
  capacityMw: number,
  day: number,
  mineWhileConverting: boolean,
): Allocation {
  let aiMw = 0;
  let convertingMw = 0;
  let capexUsd = 0;
  for (const tranche of tranches) {
    if (day < tranche.startDay || day >= tranche.endDay) continue;
    if (day < tranche.earnStartDay) convertingMw += tranche.mw;
    else aiMw += tranche.mw;
    capexUsd += trancheCapexOnDay(tranche, day);
  }
  const committedAiMw = aiMw + convertingMw;
  const idleMw = mineWhileConverting ? aiMw : committedAiMw;
  return { capacityMw, aiMw, convertingMw, committedAiMw, miningMw: Math.max(0, capacityMw - idleMw), capexUsd };
}
