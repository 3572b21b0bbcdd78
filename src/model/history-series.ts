/**
 * Series derived from a loaded history, shared by the fit, the backtest, the realism check and the market on history:
 * each day's fee share of the subsidy and hashprice (USD per PH/s per day), the days on which the difficulty changed,
 * and the index of a date. (Reading and checking the file is history.ts's; this file needs neither.)
 *
 * Hashprice follows the data README's (and Luxor's) definition:
 * `(subsidy + fees / blocks) × price × 86400 × 1e15 / (difficulty × 2^32)`, subsidy by the day's last height.
 */
import { subsidyBtc } from "./halving.js";
import type { History } from "./history.js";
import { hashpriceFor } from "./network.js";

/** Fees as a fraction of the subsidy on day `i` (0.01 = 1 %); NaN where blocks or height are unknown. */
export function feeShareOn(history: History, i: number): number {
  const blocks = history.blocks[i]!;
  const height = history.heightAtEnd[i]!;
  if (!(blocks > 0) || !Number.isFinite(height)) return Number.NaN;
  return history.days[i]!.feesBtc / (blocks * subsidyBtc(height));
}

/** Hashprice on day `i`, USD per PH/s per day; NaN where difficulty, blocks or height are unknown. */
export function hashpriceOn(history: History, i: number): number {
  const day = history.days[i]!;
  const blocks = history.blocks[i]!;
  const height = history.heightAtEnd[i]!;
  if (!(blocks > 0) || !Number.isFinite(height)) return Number.NaN;
  return hashpriceFor(day.difficulty, subsidyBtc(height) + day.feesBtc / blocks, day.priceUsd);
}

/** Indices of the days whose difficulty differs from the day before (the retarget days, as the data dates them). */
export function retargetDays(history: History, from = 1, to = history.days.length): number[] {
  const result: number[] = [];
  for (let i = Math.max(1, from); i < to; i++) {
    const today = history.days[i]!.difficulty;
    const before = history.days[i - 1]!.difficulty;
    if (Number.isFinite(today) && Number.isFinite(before) && today !== before) result.push(i);
  }
  return result;
}

/** Years from `from` to `to` (dates `YYYY-MM-DD`), 365 days a year. */
export function yearsBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (86_400_000 * 365);
}

/** Index of `date` in the history. @throws Error when the history does not hold that day */
export function dayIndex(history: History, date: string): number {
  const index = history.days.findIndex((d) => d.date === date);
  if (index < 0) {
    const first = history.days[0]!.date;
    const last = history.days[history.days.length - 1]!.date;
    throw new Error(`${history.source}: no row for ${date} (the file covers ${first} to ${last})`);
  }
  return index;
}
