/**
 * Payback and yield of a share bought at a price (see cashflows.ts for the timing convention).
 */

/**
 * The first day d (0-based) whose payout brings the payouts of days 0…d to at least `price`, undiscounted; `null`
 * when the payouts never repay the price within `payouts`.
 */
export function paybackDay(price: number, payouts: ArrayLike<number>): number | null {
  if (price <= 0) return price === 0 ? 0 : null;
  let sum = 0;
  for (let d = 0; d < payouts.length; d++) {
    sum += payouts[d]!;
    if (sum >= price) return d;
  }
  return null;
}

/**
 * Cash yield per year on the price paid: `total payouts / price / years` (0.08 = 8 % a year), undiscounted.
 * @throws RangeError when the price or the number of years is not positive
 */
export function yieldPerYear(totalPayout: number, price: number, years: number): number {
  if (!(price > 0)) throw new RangeError(`price: must be > 0 (got ${String(price)})`);
  if (!(years > 0)) throw new RangeError(`years: must be > 0 (got ${String(years)})`);
  return totalPayout / price / years;
}
