/**
 * USD values. The chain holds no prices, so the BTC/USD price comes from `--prices`: a number (one price for all
 * time), a CSV with `date` and `price_usd` columns (the shape of the BTC history data set), or a simulator run's
 * `daily.csv` (`day` and `btcPriceUsd`, dated with the `startTimestamp` of the `journal.json` beside it). A token
 * whose symbol names BTC is valued at that price, one whose symbol names USD at 1; anything else has no USD value.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse/sync";

import { UserError } from "../cli/errors.js";

const DAY = 86_400;

export interface PriceBook {
  /** Where the prices come from, for the page. */
  readonly source: string;
  /** BTC/USD at `timestamp` (the last price at or before it; the first one before the series starts). */
  btcUsd(timestamp: number): number | undefined;
}

/** USD per whole unit of a token with `symbol` at `timestamp`, or undefined when it cannot be valued. */
export function usdPerUnit(prices: PriceBook, symbol: string, timestamp: number): number | undefined {
  const s = symbol.toUpperCase();
  if (s.includes("BTC")) return prices.btcUsd(timestamp);
  if (s.includes("USD")) return 1;
  return undefined;
}

function series(points: Array<[number, number]>, source: string): PriceBook {
  const sorted = points.filter(([, p]) => Number.isFinite(p) && p > 0).sort((a, b) => a[0] - b[0]);
  return {
    source,
    btcUsd(timestamp) {
      if (sorted.length === 0) return undefined;
      let lo = 0;
      let hi = sorted.length - 1;
      if (timestamp < sorted[0]![0]) return sorted[0]![1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sorted[mid]![0] <= timestamp) lo = mid;
        else hi = mid - 1;
      }
      return sorted[lo]![1];
    },
  };
}

/** The price book `--prices` names; with nothing given, no BTC price (USD columns stay empty for BTC). */
export function loadPrices(spec: string | undefined): PriceBook {
  const input = spec?.trim() ?? "";
  if (input === "") return { source: "none (start with --prices to value BTC in USD)", btcUsd: () => undefined };
  if (/^\d+(\.\d+)?$/.test(input)) {
    const price = Number(input);
    return { source: `fixed ${price} USD/BTC`, btcUsd: () => price };
  }
  if (!existsSync(input)) throw new UserError(`--prices ${input}: no such file (give a CSV file or a USD price)`);
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(readFileSync(input, "utf8"), { columns: true, skip_empty_lines: true }) as Array<
      Record<string, string>
    >;
  } catch (error) {
    throw new UserError(`--prices ${input} is not a CSV file: ${error instanceof Error ? error.message : error}`);
  }
  const first = rows[0] ?? {};
  if ("date" in first && "price_usd" in first) {
    return series(
      rows.map((r) => [Date.parse(`${r.date}T00:00:00Z`) / 1000, Number(r.price_usd)]),
      `${path.basename(input)} (daily BTC/USD)`,
    );
  }
  if ("day" in first && "btcPriceUsd" in first) {
    const journal = path.join(path.dirname(input), "journal.json");
    let start: number;
    try {
      start = Number((JSON.parse(readFileSync(journal, "utf8")) as { startTimestamp: unknown }).startTimestamp);
    } catch {
      throw new UserError(`--prices ${input}: a simulator daily.csv needs the run's journal.json beside it`);
    }
    if (!Number.isFinite(start)) throw new UserError(`--prices ${input}: ${journal} has no startTimestamp`);
    return series(
      rows.map((r) => [start + Number(r.day) * DAY, Number(r.btcPriceUsd)]),
      `simulator run ${path.basename(path.dirname(path.resolve(input)))}`,
    );
  }
  throw new UserError(
    `--prices ${input}: expected columns date,price_usd (daily BTC/USD) or a simulator daily.csv (day,btcPriceUsd)`,
  );
}
