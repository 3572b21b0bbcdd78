import { UserError } from "./errors.js";

/**
 * Parses a whole number typed by a person (an epoch, a hashrate in TH/s) that must fit an unsigned `bits`-bit
 * integer. Refuses empty, negative, fractional, exponent and non-decimal input with a one-line {@link UserError}.
 */
export function parseUint(text: string, bits: number, label: string): bigint {
  const input = text.trim();
  if (input === "") throw new UserError(`${label} is missing: give a whole number`);
  if (input.startsWith("-")) throw new UserError(`${label} must not be negative: ${input}`);
  if (!/^\d+$/.test(input)) throw new UserError(`${label} "${input}" is not a whole number`);
  const value = BigInt(input);
  if (value >= 1n << BigInt(bits)) throw new UserError(`${label} ${input} is too large (it must fit in uint${bits})`);
  return value;
}
