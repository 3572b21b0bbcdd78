/**
 * An investor's cash flows, one per day: what a share costs on the day it is bought and what it pays after.
 *
 * Convention (used by every figure of `src/finance`): flow 0 is the purchase (`−price`) at time 0; the payout of
 * simulated day d (0, 1, 2, …) arrives at the end of that day, at time d + 1 days, so it is flow d + 1. A year is
 * the model's 365 days (`DAYS_PER_YEAR`). Nothing is received after the horizon: the share's value at the end is taken as 0 (terminal value 0).
 */
/**
 * The cash flows of buying at `price` and receiving `payouts[d]` at the end of each day d: `[−price, payouts[0],
 * payouts[1], …]`.
 */
export function investorCashFlows(price: number, payouts: ArrayLike<number>): Float64Array {
  const flows = new Float64Array(payouts.length + 1);
  flows[0] = -price;
  for (let d = 0; d < payouts.length; d++) flows[d + 1] = payouts[d]!;
  return flows;
}
