/**
 * The pool's revenue arithmetic, exactly as `MiningPoolShare` does it: every deposit raises revenue-per-share by
 * ⌊amount·2^128 / supply⌋ plus the carried rounding remainder. Pure: no chain access.
 */

/** The fixed-point scale of revenue per share (2^128). */
export const MAGNITUDE = 1n << 128n;

/**
 * The revenue-per-share increment of one deposit and the carry after it, exactly as `depositRevenue` computes
 * them (magnified by 2^128).
 */
export function depositIncrement(
  amount: bigint,
  supply: bigint,
  carryIn: bigint,
): { increment: bigint; carry: bigint } {
  if (supply <= 0n) throw new RangeError("a deposit needs shares outstanding");
  const magnified = amount * MAGNITUDE;
  let increment = magnified / supply;
  const remainder = magnified % supply;
  let carry = carryIn;
  if (carry >= supply) {
    increment += carry / supply;
    carry %= supply;
  }
  if (remainder >= supply - carry) {
    increment += 1n;
    carry = remainder - (supply - carry);
  } else {
    carry += remainder;
  }
  return { increment, carry };
}
