import { UserError } from "./errors.js";

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;
const MAX_UINT256 = (1n << 256n) - 1n;

export interface ParseAmountOptions {
  /** What the amount is called in messages, e.g. "--amount". */
  label?: string;
  /** Accept zero (default false: an amount of nothing is refused). */
  allowZero?: boolean;
}

/**
 * Parses a decimal amount typed by a person ("1.5", "0.00000001", "25") into base units of a token with
 * `decimals` decimals, exactly (bigint arithmetic, no floating point). Refuses, with a one-line
 * {@link UserError}: empty input, negative amounts, anything that is not plain decimal notation (exponents,
 * signs, separators, hex), more fractional digits than the token has (after dropping trailing zeros), zero
 * (unless `allowZero`), and values above 2^256 − 1 base units.
 *
 * @example parseAmount("1.5", 8) === 150_000_000n
 */
export function parseAmount(text: string, decimals: number, options: ParseAmountOptions = {}): bigint {
  const label = options.label ?? "amount";
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) {
    throw new RangeError(`decimals must be an integer in [0, 77], got ${decimals}`);
  }
  const { input, whole, fraction } = splitDecimal(text, label);
  if (fraction.length > decimals) {
    throw new UserError(
      `${label} ${input} has ${fraction.length} decimals but the token has only ${decimals}` +
        (decimals === 0 ? " (whole units only)" : ""),
    );
  }
  const value = BigInt(whole || "0") * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  if (value > MAX_UINT256) throw new UserError(`${label} ${input} is too large`);
  if (value === 0n && options.allowZero !== true) throw new UserError(`${label} must be greater than zero`);
  return value;
}

/**
 * Checks the syntax of an amount before the token's decimals are known, so that a missing, negative, malformed or
 * zero amount is refused before connecting to any network. The exact conversion happens later with
 * {@link parseAmount}.
 */
export function checkAmountSyntax(text: string, label = "amount", allowZero = false): void {
  const { whole, fraction } = splitDecimal(text, label);
  if (!allowZero && /^0*$/.test(whole) && fraction === "") throw new UserError(`${label} must be greater than zero`);
}

/** Validates plain decimal notation and splits it; the fraction loses its trailing zeros. */
function splitDecimal(text: string, label: string): { input: string; whole: string; fraction: string } {
  const input = text.trim();
  if (input === "") throw new UserError(`${label} is missing: give a number such as 1.5`);
  if (input.startsWith("-")) throw new UserError(`${label} must not be negative: ${input}`);
  const match = DECIMAL.exec(input);
  const whole = match?.[1] ?? "";
  const rawFraction = match?.[2] ?? "";
  if (match === null || (whole === "" && rawFraction === "")) {
    throw new UserError(`${label} "${input}" is not a decimal number (write it like 1.5)`);
  }
  return { input, whole, fraction: rawFraction.replace(/0+$/, "") };
}

/**
 * Formats base units as a whole-unit decimal string, exactly: no trailing zeros, no exponent, no grouping.
 *
 * @example formatAmount(150_000_000n, 8) === "1.5"
 */
export function formatAmount(value: bigint, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a non-negative integer`);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(decimals);
  const whole = abs / unit;
  const fraction = decimals === 0 ? "" : (abs % unit).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Formats `value` with its symbol, e.g. "1.5 WBTC". */
export function formatTokenAmount(value: bigint, decimals: number, symbol: string): string {
  return `${formatAmount(value, decimals)} ${symbol}`;
}

/**
 * `part / whole` as a percentage string with `digits` decimals, rounded down (exact bigint arithmetic);
 * "0" when `whole` is 0.
 */
export function formatPercent(part: bigint, whole: bigint, digits = 4): string {
  if (whole === 0n) return "0";
  return formatAmount((part * 100n * 10n ** BigInt(digits)) / whole, digits);
}
