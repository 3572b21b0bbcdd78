/**
 * Settling one revenue source for one day (ECONOMICS.md, "What holders receive each day"): the day's net
 * (revenue minus its energy/operating cost) first repays the loss carried from earlier days, then the
 * operator takes `operatorFee` % of what is left, and holders receive the rest. A day whose net, after the
 * carried loss, is negative pays nothing and carries the shortfall forward: a loss is never taken from
 * holders, and the operator earns no fee until the loss is recovered.
 */

/** The outcome of one source's day, in USD. */
export interface Settlement {
  /** paid to holders (≥ 0) */
  payoutUsd: number;
  /** operator fee (≥ 0) */
  operatorFeeUsd: number;
  /** loss carried into the next day (≥ 0) */
  carriedLossUsd: number;
}

/**
 * @param netUsd the day's net before operator fee (may be negative)
 * @param carriedLossUsd loss carried in from earlier days (≥ 0)
 * @param operatorFeePct `operatorFee`, % of net revenue
 */
export function settleDay(netUsd: number, carriedLossUsd: number, operatorFeePct: number): Settlement {
  return settleInto({ payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 0 }, netUsd, carriedLossUsd, operatorFeePct);
}

/** `settleDay` writing into `out` (no allocation, for the model's daily loop); returns `out`. */
export function settleInto(
  out: Settlement,
  netUsd: number,
  carriedLossUsd: number,
  operatorFeePct: number,
): Settlement {
  const available = netUsd - carriedLossUsd;
  if (!(available > 0)) {
    out.payoutUsd = 0;
    out.operatorFeeUsd = 0;
    out.carriedLossUsd = -available > 0 ? -available : 0;
    return out;
  }
  out.operatorFeeUsd = available * (operatorFeePct / 100);
  out.payoutUsd = available - out.operatorFeeUsd;
  out.carriedLossUsd = 0;
  return out;
}

/** floor(amount × 10^decimals) as a bigint base-unit amount; 0 for non-positive or non-finite amounts. */
export function toBaseUnits(amount: number, unitsPerWhole: number): bigint {
  if (!Number.isFinite(amount) || amount <= 0) return 0n;
  return BigInt(Math.floor(amount * unitsPerWhole));
}
