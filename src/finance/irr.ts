/**
 * Internal rate of return of daily cash flows: the annual rate (effective, 0.10 = 10 % a year) at which their NPV
 * (npv.ts, terminal value 0) is zero.
 *
 * Solved by Brent's method (brent.ts) on x = ln(1 + rate) over rates from −99.99 % to +1,000,000 % a year. Flows
 * that change sign once (buy, then payouts) have exactly one IRR; then NPV falls as the rate rises, and the bracket
 * holds it unless the rate is extreme. When there is no IRR the result says why instead of giving a number:
 * - `no-outflow` / `no-inflow`: the flows never change sign (e.g. a share that never paid anything: its IRR would be
 *   −100 %, which no rate reaches);
 * - `out-of-range`: NPV has the same sign at both ends of the bracket (a rate beyond it, or several roots).
 */
import { brentRoot } from "./brent.js";
import { DAYS_PER_YEAR } from "../model/constants.js";
import { presentValueAt } from "./npv.js";

/** Lowest annual rate searched: −99.99 %. */
export const IRR_MIN_RATE = -0.9999;
/** Highest annual rate searched: +1,000,000 % (10,000×). */
export const IRR_MAX_RATE = 1e4;

export type IrrResult =
  { ok: true; rate: number; iterations: number } | { ok: false; reason: "no-outflow" | "no-inflow" | "out-of-range" };

/**
 * The IRR of `flows` (flow t at t periods, `periodsPerYear` periods a year), as an effective annual rate.
 */
export function irr(flows: ArrayLike<number>, periodsPerYear = DAYS_PER_YEAR): IrrResult {
  let outflow = false;
  let inflow = false;
  for (let t = 0; t < flows.length; t++) {
    const flow = flows[t]!;
    if (!Number.isFinite(flow)) throw new RangeError(`flows[${t}]: must be finite (got ${String(flow)})`);
    if (flow < 0) outflow = true;
    else if (flow > 0) inflow = true;
  }
  if (!outflow) return { ok: false, reason: "no-outflow" };
  if (!inflow) return { ok: false, reason: "no-inflow" };
  // x = ln(1 + rate) a year; one period discounts by z = exp(−x / periodsPerYear).
  const value = (x: number): number => presentValueAt(flows, Math.exp(-x / periodsPerYear));
  const root = brentRoot(value, Math.log1p(IRR_MIN_RATE), Math.log1p(IRR_MAX_RATE), 1e-13);
  if (root === undefined) return { ok: false, reason: "out-of-range" };
  return { ok: true, rate: Math.expm1(root.x), iterations: root.iterations };
}
