/**
 * AI deals (ECONOMICS "Formulas"): a block of the pool's gross MW signed to an AI tenant.
 *
 * - IT MW = gross MW / `itToGrossMw`. Nothing is earned, and nothing mined, for `conversionLag` days; then the
 *   deal earns for `contractTerm` years plus one `renewalTerm`, and the capacity returns to mining.
 * - Colocation: `IT MW × aiColoRevenue × (1 + aiEscalator)^years / 365` a day (years = whole contract years
 *   since the first earning day), cost `(1 − aiColoMargin)` of it.
 * - GPU cloud: `GPUs × 24 × (gpuRentH100 × gpuUtilization − gpuOwnershipCost)` a day with
 *   `GPUs = gross MW × 1000 / powerPerGpu` (power per GPU includes PUE), minus the GPUs' power at `powerPrice`. Rent is
 *   earned on the hours a GPU is rented; its ownership cost (its capex spread over 5 years, per GPU-hour) accrues on
 *   every hour, rented or idle.
 * - Capex: `IT MW × conversionCapex`, of which the tenant pays `tenantCapexShare`. Of the operator's part,
 *   `loanToCost` is borrowed at `loanRate` (interest capitalized during the conversion) and repaid in equal daily
 *   instalments over the first term; the rest (equity) is repaid to the operator from the deal's net income
 *   first, before holders receive any of it.
 */
import { DAYS_PER_YEAR } from "./constants.js";
import type { Scenario } from "./scenario.js";

export type DealParams = Pick<
  Scenario,
  | "aiMode"
  | "itToGrossMw"
  | "aiColoRevenue"
  | "aiEscalator"
  | "aiColoMargin"
  | "conversionCapex"
  | "tenantCapexShare"
  | "loanToCost"
  | "loanRate"
  | "conversionLag"
  | "contractTerm"
  | "renewalTerm"
  | "gpuRentH100"
  | "gpuOwnershipCost"
  | "powerPerGpu"
  | "gpuUtilization"
  | "powerPrice"
>;

/** A signed deal. `equityOwedUsd` is the only field that changes after signing. */
export interface Deal {
  grossMw: number;
  signDay: number;
  /** first earning day: `signDay + conversionLag` */
  earnDay: number;
  /** first day after the loan's last instalment */
  loanEndDay: number;
  /** first day the capacity mines again: after term + renewal */
  endDay: number;
  /** loan instalment a day, USD */
  loanPaymentUsd: number;
  /** equity the operator has still to recover from the deal's income, USD */
  equityOwedUsd: number;
}

/** Days of one term of `years` years. */
export function termDays(years: number): number {
  return Math.round(years * DAYS_PER_YEAR);
}

/** Equal daily instalment repaying `principal` over `days` days at yearly rate `ratePct` (daily compounding). */
export function dailyInstalment(principal: number, ratePct: number, days: number): number {
  if (days <= 0) return 0;
  const r = ratePct / 100 / DAYS_PER_YEAR;
  return r === 0 ? principal / days : (principal * r) / (1 - Math.pow(1 + r, -days));
}

/** The operator's capex for `grossMw`: split into loan principal (at the first earning day) and equity, USD. */
export function dealFinancing(p: DealParams, grossMw: number): { loanUsd: number; equityUsd: number } {
  const operatorCapex = (grossMw / p.itToGrossMw) * p.conversionCapex * 1e6 * (1 - p.tenantCapexShare / 100);
  const borrowed = operatorCapex * (p.loanToCost / 100);
  const capitalized = borrowed * Math.pow(1 + p.loanRate / 100 / DAYS_PER_YEAR, p.conversionLag);
  return { loanUsd: capitalized, equityUsd: operatorCapex - borrowed };
}

/** Signs a deal of `grossMw` on `day`. `sunk` (a deal made before day 0) has no capex left to pay. */
export function signDeal(p: DealParams, grossMw: number, day: number, sunk = false): Deal {
  const earnDay = day + p.conversionLag;
  const term = termDays(p.contractTerm);
  const { loanUsd, equityUsd } = sunk ? { loanUsd: 0, equityUsd: 0 } : dealFinancing(p, grossMw);
  return {
    grossMw,
    signDay: day,
    earnDay,
    loanEndDay: earnDay + term,
    endDay: earnDay + term + termDays(p.renewalTerm),
    loanPaymentUsd: dailyInstalment(loanUsd, p.loanRate, term),
    equityOwedUsd: equityUsd,
  };
}

/** Revenue of `grossMw` earning AI capacity `daysEarning` days after its first earning day, USD a day. */
export function aiRevenuePerDay(p: DealParams, grossMw: number, daysEarning: number): number {
  if (p.aiMode === "colocation") {
    const years = Math.floor(daysEarning / DAYS_PER_YEAR);
    const itMw = grossMw / p.itToGrossMw;
    return (itMw * p.aiColoRevenue * 1e6 * Math.pow(1 + p.aiEscalator / 100, years)) / DAYS_PER_YEAR;
  }
  const gpus = (grossMw * 1000) / p.powerPerGpu;
  return gpus * 24 * (p.gpuRentH100 * (p.gpuUtilization / 100) - p.gpuOwnershipCost);
}

/** Operating cost of that capacity for a day given its revenue, USD. */
export function aiOpexPerDay(p: DealParams, grossMw: number, revenueUsd: number): number {
  if (p.aiMode === "colocation") return revenueUsd * (1 - p.aiColoMargin / 100);
  const gpus = (grossMw * 1000) / p.powerPerGpu;
  return ((gpus * p.powerPerGpu * 24) / 1000) * p.powerPrice;
}
