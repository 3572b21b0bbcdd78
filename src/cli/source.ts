import { UserError } from "./errors.js";

/** Revenue sources by their on-chain number (`MiningPoolShare`: 0 = mining, 1 = AI). */
export const SOURCE_NAMES = ["mining", "ai"] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Parses `mining` / `ai` (any case) or `0` / `1` to the on-chain source number. */
export function parseSource(text: string, label = "--source"): 0 | 1 {
  const input = text.trim().toLowerCase();
  if (input === "") throw new UserError(`${label} is missing: give mining or ai`);
  if (input === "mining" || input === "0") return 0;
  if (input === "ai" || input === "1") return 1;
  throw new UserError(`unknown revenue ${label} "${text.trim()}": use mining or ai`);
}

/** The name of a source number ("source 7" for one the pool does not know). */
export function sourceName(source: number | bigint): string {
  const index = Number(source);
  return SOURCE_NAMES[index] ?? `source ${index}`;
}
