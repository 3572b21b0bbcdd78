import { SHARE_DECIMALS, TOKEN_FACTS, type PayoutToken } from "../tokens.js";
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

/** How {@link formatAmount} shows an amount. */
export interface FormatAmountOptions {
  /** Show exactly this many decimals, rounded down (default: every significant decimal, no trailing zeros). */
  shown?: number;
  /** Group thousands with commas, for people (default false: plain, for files and programs). */
  grouped?: boolean;
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * Formats base units as a whole-unit decimal string, exactly (bigint arithmetic): by default no trailing zeros, no
 * exponent, no grouping; with `shown`, that many decimals rounded down; with `grouped`, thousands separators.
 * The one amount formatter of the project: reports, tables and tasks all go through it.
 *
 * @example formatAmount(150_000_000n, 8) === "1.5"
 * @example formatAmount(123_456_789_000n, 6, { shown: 2, grouped: true }) === "123,456.78"
 */
export function formatAmount(value: bigint, decimals: number, options: FormatAmountOptions = {}): string {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a non-negative integer`);
  const { shown, grouped = false } = options;
  if (shown !== undefined && (!Number.isInteger(shown) || shown < 0)) {
    throw new RangeError(`shown decimals must be a non-negative integer`);
  }
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(decimals);
  const whole = (abs / unit).toString();
  const digits = decimals === 0 ? "" : (abs % unit).toString().padStart(decimals, "0");
  const fraction = shown === undefined ? digits.replace(/0+$/, "") : digits.slice(0, shown).padEnd(shown, "0");
  const sign = negative && (abs / unit > 0n || /[1-9]/.test(fraction)) ? "-" : "";
  return `${sign}${grouped ? groupThousands(whole) : whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Formats a payout token amount with its symbol, e.g. "1.5 WBTC" (options as {@link formatAmount}). */
export function formatTokenAmount(value: bigint, token: PayoutToken, options: FormatAmountOptions = {}): string {
  const facts = TOKEN_FACTS[token];
  return `${formatAmount(value, facts.decimals, options)} ${facts.symbol}`;
}

/**
 * A payout amount for people: the token's shown decimals (every satoshi, USDC to the cent), thousands grouped, no
 * symbol — for table cells. Add the symbol with {@link formatTokenAmount}.
 */
export function formatPayout(value: bigint, token: PayoutToken): string {
  const facts = TOKEN_FACTS[token];
  return formatAmount(value, facts.decimals, { shown: facts.shown, grouped: true });
}

/** Formats share base units as whole shares (options as {@link formatAmount}). */
export function formatShares(value: bigint, options: FormatAmountOptions = {}): string {
  return formatAmount(value, SHARE_DECIMALS, options);
}

/**
 * A floating-point figure (USD, a count, a ratio) for people: `digits` decimals, thousands grouped.
 *
 * @example formatNumber(1234.5, 2) === "1,234.50"
 */
export function formatNumber(value: number, digits = 0): string {
  const rounded = Number(value.toFixed(digits));
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** USD for people: to the cent by default, thousands grouped, e.g. "1,234.50". */
export function formatUsd(value: number, digits = 2): string {
  return formatNumber(value, digits);
}

/**
 * `part / whole` as a percentage string with `digits` decimals, rounded down (exact bigint arithmetic);
 * "0" when `whole` is 0.
 */
export function formatPercent(part: bigint, whole: bigint, digits = 4): string {
  if (whole === 0n) return "0";
  return formatAmount((part * 100n * 10n ** BigInt(digits)) / whole, digits);
}
