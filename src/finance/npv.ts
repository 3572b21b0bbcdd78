/**
 * Net present value of daily cash flows at an annual discount rate, terminal value 0 (see cashflows.ts): flow t,
 * t days from now, is worth `flow × (1 + rate)^(−t / 365)` today.
 */
import { DAYS_PER_YEAR } from "../model/constants.js";

/**
 * `Σ flows[t] · z^t` by Horner's rule (one multiply-add per flow, no power): the present value of `flows` when one
 * period discounts by `z`.
 */
export function presentValueAt(flows: ArrayLike<number>, z: number): number {
  let sum = 0;
  for (let t = flows.length - 1; t >= 0; t--) sum = sum * z + flows[t]!;
  return sum;
}

/**
 * NPV of daily `flows` (flow t at t days) at `annualRate` (0.10 = 10 % a year, effective), terminal value 0.
 * @throws RangeError when the rate is not above −100 %
 */
export function npv(flows: ArrayLike<number>, annualRate: number, periodsPerYear = DAYS_PER_YEAR): number {
  if (!(annualRate > -1) || !Number.isFinite(annualRate)) {
    throw new RangeError(`annualRate: must be a finite rate above -1 (got ${String(annualRate)})`);
  }
  return presentValueAt(flows, Math.pow(1 + annualRate, -1 / periodsPerYear));
}
