/**
 * The daily bitcoin history the network model is fitted to and backtested on (`data/btc-daily.csv`, see
 * `data/README.md` for its sources and licence). Any CSV with the same header can be loaded instead, so a
 * commercial user can bring a series licensed for that use.
 *
 * Columns: `date,price_usd,difficulty,fees_btc,hashrate_ehs` — one row per UTC day, no gaps; `difficulty` may be
 * empty (no block count for that day). Invalid input throws an `Error` with a one-line message naming the file,
 * the line and the column.
 *
 * Block heights are derived, not read: a day's block count is `hashrate × 86400 / (difficulty × 2^32)` (the
 * identity behind the hashrate column), and heights are the running sum anchored at a known height
 * (`HEIGHT_ANCHOR`: 840,003 blocks at the end of 2024-04-19, as the data's README documents).
 */
import { readFileSync } from "node:fs";

import { parse } from "csv-parse/sync";
import { z } from "zod";

import { HASHES_PER_EH, SECONDS_PER_DAY, TWO_POW_32 } from "./constants.js";

/** One day of history. */
export interface HistoryDay {
  /** `YYYY-MM-DD`, UTC */
  date: string;
  /** BTC/USD close (the next day's 00:00 UTC fixing) */
  priceUsd: number;
  /** difficulty of the day's last block, or NaN when the file leaves it empty */
  difficulty: number;
  /** fees paid to miners that day, BTC */
  feesBtc: number;
  /** one-day network hashrate estimate, EH/s */
  hashrateEhs: number;
}

/** A loaded history: the days plus what is derived from them (block counts and heights). */
export interface History {
  /** where it was read from (for messages) */
  source: string;
  days: HistoryDay[];
  /** blocks counted on each day (NaN where difficulty is empty) */
  blocks: Float64Array;
  /** height of the last block of each day (NaN where unknown) */
  heightAtEnd: Float64Array;
}

/** A height known from the chain: blocks 840,000–840,003 were counted on 2024-04-19, so 840,003 ends that day. */
export const HEIGHT_ANCHOR = { date: "2024-04-19", height: 840_003 } as const;

/** The shipped history file, relative to the repository root. */
export const SHIPPED_HISTORY = "data/btc-daily.csv";

const HEADER = ["date", "price_usd", "difficulty", "fees_btc", "hashrate_ehs"] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((text) => new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text, "must be a calendar date");
const decimal = (min: "positive" | "nonnegative") =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, "must be a plain decimal number")
    .transform(Number)
    .refine((n) => (min === "positive" ? n > 0 : n >= 0), min === "positive" ? "must be > 0" : "must be ≥ 0");

const rowSchema = z.object({
  date: isoDate,
  price_usd: decimal("positive"),
  difficulty: z.union([z.literal("").transform(() => Number.NaN), decimal("positive")]),
  fees_btc: decimal("nonnegative"),
  hashrate_ehs: decimal("positive"),
});

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Parses history CSV text.
 * @param source a name for messages (the file path)
 * @throws Error `<source> line N, <column>: <reason> (got "...")` on the first bad cell, or on a bad header,
 *   a gap or a duplicate date
 */
export function parseHistory(text: string, source: string): History {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new Error(`${source}: not a CSV file (${(error as Error).message.split("\n")[0]})`);
  }
  const header = records[0];
  if (header === undefined || header.join(",") !== HEADER.join(",")) {
    throw new Error(`${source}: the header must be ${HEADER.join(",")} (got ${header?.join(",") ?? "nothing"})`);
  }
  if (records.length < 2) throw new Error(`${source}: no data rows`);
  const days: HistoryDay[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    const line = i + 1;
    if (cells.length !== HEADER.length) {
      throw new Error(`${source} line ${line}: expected ${HEADER.length} columns (got ${cells.length})`);
    }
    const input = Object.fromEntries(HEADER.map((name, j) => [name, cells[j]!]));
    const result = rowSchema.safeParse(input);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const column = String(issue.path[0]);
      throw new Error(`${source} line ${line}, ${column}: ${issue.message} (got ${JSON.stringify(input[column])})`);
    }
    const row = result.data;
    const previous = days[days.length - 1];
    if (previous !== undefined && row.date !== nextDate(previous.date)) {
      throw new Error(`${source} line ${line}, date: must be the day after ${previous.date} (got "${row.date}")`);
    }
    days.push({
      date: row.date,
      priceUsd: row.price_usd,
      difficulty: row.difficulty,
      feesBtc: row.fees_btc,
      hashrateEhs: row.hashrate_ehs,
    });
  }
  const blocks = blockCounts(days);
  return { source, days, blocks, heightAtEnd: heights(days, blocks) };
}

/** Reads and parses a history CSV file (see `parseHistory`). */
export function loadHistory(path: string = SHIPPED_HISTORY): History {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`history file ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseHistory(text, path);
}

/**
 * Blocks counted each day: `hashrate × 86400 / (difficulty × 2^32)`, rounded. On a retarget day the blocks span
 * two difficulties; the geometric mean of the two is used there (an error of a block or two).
 */
function blockCounts(days: readonly HistoryDay[]): Float64Array {
  const blocks = new Float64Array(days.length).fill(Number.NaN);
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (!Number.isFinite(day.difficulty)) continue;
    const before = i > 0 ? days[i - 1]!.difficulty : Number.NaN;
    const difficulty =
      Number.isFinite(before) && before !== day.difficulty ? Math.sqrt(before * day.difficulty) : day.difficulty;
    blocks[i] = Math.round((day.hashrateEhs * HASHES_PER_EH * SECONDS_PER_DAY) / (difficulty * TWO_POW_32));
  }
  return blocks;
}

/** Heights at the end of each day from the block counts, anchored at `HEIGHT_ANCHOR` when the history holds it. */
function heights(days: readonly HistoryDay[], blocks: Float64Array): Float64Array {
  const result = new Float64Array(days.length).fill(Number.NaN);
  const anchor = days.findIndex((d) => d.date === HEIGHT_ANCHOR.date);
  if (anchor < 0 || !Number.isFinite(blocks[anchor]!)) return result;
  result[anchor] = HEIGHT_ANCHOR.height;
  for (let i = anchor + 1; i < days.length && Number.isFinite(blocks[i]!); i++) result[i] = result[i - 1]! + blocks[i]!;
  for (let i = anchor - 1; i >= 0 && Number.isFinite(blocks[i + 1]!); i--) result[i] = result[i + 1]! - blocks[i + 1]!;
  return result;
}
