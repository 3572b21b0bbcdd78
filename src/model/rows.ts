/** Column storage of a path and day-by-day access to it (see path-types.ts). */
import type { PathColumns, PathResult, PathRow } from "./path-types.js";

/** The column names, in a fixed order (CSV header order). */
export const COLUMN_NAMES: readonly (keyof PathColumns)[] = [
  "priceUsd",
  "difficulty",
  "networkHashrateEhs",
  "height",
  "hashpriceUsd",
  "feeSharePct",
  "capacityMw",
  "poolHashrateThs",
  "miningMw",
  "aiMw",
  "convertingMw",
  "aiShare",
  "shutdown",
  "miningBtc",
  "miningRevenueUsd",
  "miningPowerUsd",
  "miningOpexUsd",
  "miningDepreciationUsd",
  "aiRevenueUsd",
  "aiOpexUsd",
  "aiFinancingUsd",
  "aiEquityUsd",
  "operatorFeeUsd",
  "holdersMiningBtc",
  "holdersMiningUsd",
  "holdersAiUsd",
  "carriedLossMiningUsd",
  "carriedLossAiUsd",
];

/** Zero-filled columns for `days` days. */
export function allocateColumns(days: number): PathColumns {
  const columns = {} as Record<keyof PathColumns, Float64Array | Uint8Array>;
  for (const name of COLUMN_NAMES) columns[name] = name === "shutdown" ? new Uint8Array(days) : new Float64Array(days);
  return columns as unknown as PathColumns;
}

/** `YYYY-MM-DD` of `start` plus `day` days. */
export function dateOfDay(start: string, day: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Day `day` of a path as an object. @throws RangeError outside 0 … days − 1 */
export function rowOf(result: PathResult, day: number): PathRow {
  if (!Number.isInteger(day) || day < 0 || day >= result.days) {
    throw new RangeError(`day: must be an integer in 0…${result.days - 1} (got ${day})`);
  }
  const row: Record<string, number | string> = { day, date: dateOfDay(result.startDate, day) };
  for (const name of COLUMN_NAMES) row[name] = result.columns[name][day]!;
  return row as PathRow;
}
