import path from "node:path";

import Table from "cli-table3";

/**
 * JSON for `--json`: bigints become decimal strings (base units, exact), undefined fields are dropped, two-space
 * indentation.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
}

/** Aligns `label: value` pairs under a title, one per line; values that are blocks are indented. */
export function formatKeyValues(pairs: ReadonlyArray<readonly [string, string]>, indent = "  "): string {
  const width = Math.max(0, ...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${indent}${`${label}:`.padEnd(width + 2)}${value}`).join("\n");
}

/** cli-table3 drawn as a plain table: no frame, two spaces between columns, a rule of dashes under the header. */
const PLAIN_CHARS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "-",
  "mid-mid": "  ",
  right: "",
  "right-mid": "",
  middle: "  ",
} as const;

/**
 * A plain-text table (cli-table3, the project's one table renderer): a header row, a rule and the rows, columns
 * padded to their widest cell. Columns listed in `alignRight` (by index) are right-aligned, for numbers.
 */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  alignRight: readonly number[] = [],
  indent = "  ",
): string {
  const table = new Table({
    head: [...headers],
    colAligns: headers.map((_, i) => (alignRight.includes(i) ? "right" : "left")),
    chars: PLAIN_CHARS,
    style: { head: [], border: [], compact: true, "padding-left": 0, "padding-right": 0 },
  });
  for (const row of rows) table.push(headers.map((_, i) => row[i] ?? ""));
  return table
    .toString()
    .split("\n")
    .map((line) => `${indent}${line}`.trimEnd())
    .join("\n");
}

/** A duration in seconds as "2d 3h 4m 5s" (largest units first, zero units left out; "0s" for zero). */
export function formatDuration(seconds: bigint): string {
  const negative = seconds < 0n;
  let rest = negative ? -seconds : seconds;
  const parts: string[] = [];
  for (const [unit, size] of [
    ["d", 86_400n],
    ["h", 3_600n],
    ["m", 60n],
    ["s", 1n],
  ] as const) {
    const count = rest / size;
    rest %= size;
    if (count > 0n) parts.push(`${count}${unit}`);
  }
  return `${negative ? "-" : ""}${parts.length === 0 ? "0s" : parts.join(" ")}`;
}

/** A unix timestamp (seconds) as an ISO-8601 UTC string without milliseconds. */
export function formatTimestamp(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}

/** `file` relative to `from` (the working directory) when it lies inside it, else absolute; `from` itself is ".". */
export function displayPath(file: string, from: string = process.cwd()): string {
  const relative = path.relative(from, file);
  if (relative === "") return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
