/**
 * How the analyze report writes its figures for people (CSV and JSON keep full precision): thousands grouped,
 * percentages with one decimal, "never" for a band that falls among paths that never got there.
 */
import { formatNumber } from "../cli/amount.js";

/** `0.1234` → `"12.3 %"`; `"n/a"` for NaN. */
export function percent(rate: number, digits = 1): string {
  if (Number.isNaN(rate)) return "n/a";
  return `${formatNumber(rate * 100, digits)} %`;
}

/** `1234.5` → `"1,234.50"` (the project's number formatter). */
export function grouped(value: number, digits = 2): string {
  return formatNumber(value, digits);
}

/** A day count (thousands grouped) or "never". */
export function dayCount(day: number | null): string {
  return day === null ? "never" : `day ${Math.round(day).toLocaleString("en-US")}`;
}
