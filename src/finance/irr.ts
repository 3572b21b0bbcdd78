/**
 * Internal rate of return of daily cash flows: the annual rate (effective, 0.10 = 10 % a year) at which their NPV
 * (npv.ts, terminal value 0) is zero.
 *
 * Solved by Brent's method (brent.ts) on x = ln(1 + rate) over rates from −99.99 % to +1,000,000 % a year. Flows
 * that change sign once (buy, then payouts) have exactly one IRR; then NPV falls as the rate rises, and the bracket
 * holds it unless the rate is extreme. When there is no IRR the result says why instead of giving a number:
 * - `no-outflow` / `no-inflow`: the flows never change sign (e.g. a share that never paid anything: its IRR would be
 *   −100 %, which no rate reaches);
 * - `below-range`: the flows change sign once and NPV is negative even at −99.99 % (payouts so small that the IRR is
 *   lower still: for an investor, practically a total loss);
 * - `above-range`: the flows change sign once and NPV is positive even at the highest rate searched;
 * - `no-root`: the flows change sign more than once and NPV has the same sign at both ends of the bracket (there may
 *   be no IRR, or several).
 */
import { brentRoot } from "./brent.js";
import { DAYS_PER_YEAR } from "../model/constants.js";
import { presentValueAt } from "./npv.js";

/** Lowest annual rate searched: −99.99 %. */
export const IRR_MIN_RATE = -0.9999;
/** Highest annual rate searched: +1,000,000 % (10,000×). */
export const IRR_MAX_RATE = 1e4;

/** Why flows have no IRR (see the file comment). */
export type NoIrrReason = "no-outflow" | "no-inflow" | "below-range" | "above-range" | "no-root";

export type IrrResult = { ok: true; rate: number; iterations: number } | { ok: false; reason: NoIrrReason };

/**
 * The IRR of `flows` (flow t at t periods, `periodsPerYear` periods a year), as an effective annual rate.
 */
export function irr(flows: ArrayLike<number>, periodsPerYear = DAYS_PER_YEAR): IrrResult {
  let outflow = false;
  let inflow = false;
  let signChanges = 0;
  let lastSign = 0;
  for (let t = 0; t < flows.length; t++) {
    const flow = flows[t]!;
    if (!Number.isFinite(flow)) throw new RangeError(`flows[${t}]: must be finite (got ${String(flow)})`);
    if (flow === 0) continue;
    const sign = flow < 0 ? -1 : 1;
    if (sign < 0) outflow = true;
    else inflow = true;
    if (lastSign !== 0 && sign !== lastSign) signChanges++;
    lastSign = sign;
  }
  if (!outflow) return { ok: false, reason: "no-outflow" };
  if (!inflow) return { ok: false, reason: "no-inflow" };
  // x = ln(1 + rate) a year; one period discounts by z = exp(−x / periodsPerYear).
  const value = (x: number): number => presentValueAt(flows, Math.exp(-x / periodsPerYear));
  const lo = Math.log1p(IRR_MIN_RATE);
  const hi = Math.log1p(IRR_MAX_RATE);
  const root = brentRoot(value, lo, hi, 1e-13);
  if (root === undefined) {
    if (signChanges > 1) return { ok: false, reason: "no-root" };
    // One sign change: NPV is monotonic in the rate, so the root lies beyond the end where NPV keeps its sign.
    const startsWithOutflow = flows[firstNonZero(flows)]! < 0;
    const npvAtLow = value(lo);
    return { ok: false, reason: npvAtLow < 0 === startsWithOutflow ? "below-range" : "above-range" };
  }
  return { ok: true, rate: Math.expm1(root.x), iterations: root.iterations };
}

function firstNonZero(flows: ArrayLike<number>): number {
  let t = 0;
  while (flows[t] === 0) t++;
  return t;
}
