/**
 * Coverage gate: reads the lcov report written by `npx hardhat test --coverage` and fails when the line coverage
 * of the deployable contracts (contracts/, excluding contracts/mocks/) is below the minimum.
 *
 * Usage: npx node scripts/check-coverage.ts [--lcov coverage/lcov.info] [--min 98] [--exclude contracts/bench/]...
 * Counts every lcov source under contracts/ except contracts/mocks/ and any `--exclude` path prefix (repeatable).
 * Prints the line % of every counted file and the total; exits 1 with a one-line message below the minimum or on
 * a missing or empty report, 0 otherwise.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const DEFAULT_LCOV = "coverage/lcov.info";
const DEFAULT_MIN = 98;

interface FileCoverage {
  file: string;
  found: number;
  hit: number;
}

function fail(message: string): never {
  console.error(`check-coverage: ${message}`);
  process.exit(1);
}

interface Options {
  lcov: string;
  min: number;
  excluded: string[];
}

function parseArgs(argv: readonly string[]): Options {
  let lcov = DEFAULT_LCOV;
  let min = DEFAULT_MIN;
  const excluded = ["contracts/mocks/"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--lcov" && value !== undefined) {
      lcov = value;
      i++;
    } else if (arg === "--min" && value !== undefined) {
      min = Number(value);
      if (!Number.isFinite(min) || min < 0 || min > 100) fail(`--min must be a percentage, got "${value}"`);
      i++;
    } else if (arg === "--exclude" && value !== undefined) {
      excluded.push(normalize(value));
      i++;
    } else {
      fail(
        `unknown argument "${arg}" (usage: check-coverage.ts [--lcov <file>] [--min <percent>] [--exclude <prefix>]...)`,
      );
    }
  }
  return { lcov, min, excluded };
}

function normalize(file: string): string {
  return file.split(path.sep).join("/").replace(/^\.\//, "");
}

/** Whether an lcov source path is a deployable contract: under contracts/ and under no excluded prefix. */
function isCounted(file: string, excluded: readonly string[]): boolean {
  const normalized = normalize(file);
  return normalized.startsWith("contracts/") && !excluded.some((prefix) => normalized.startsWith(prefix));
}

/**
 * Per-file line coverage from the DA records (line, count). A file listed in several records is merged: a line
 * counts as hit if any record hit it.
 */
function parseLcov(text: string): FileCoverage[] {
  const lines = new Map<string, Map<number, boolean>>();
  let current: Map<number, boolean> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("SF:")) {
      const file = line.slice(3);
      current = lines.get(file) ?? new Map<number, boolean>();
      lines.set(file, current);
    } else if (line.startsWith("DA:") && current !== undefined) {
      const [lineNumber, count] = line.slice(3).split(",");
      const n = Number(lineNumber);
      current.set(n, (current.get(n) ?? false) || Number(count) > 0);
    } else if (line === "end_of_record") {
      current = undefined;
    }
  }
  return [...lines.entries()].map(([file, hits]) => ({
    file,
    found: hits.size,
    hit: [...hits.values()].filter(Boolean).length,
  }));
}

function percent(hit: number, found: number): number {
  return found === 0 ? 100 : (100 * hit) / found;
}

const { lcov, min, excluded } = parseArgs(process.argv.slice(2));
if (!existsSync(lcov)) fail(`${lcov} not found: run \`npx hardhat test --coverage\` first`);

const files = parseLcov(readFileSync(lcov, "utf8"))
  .filter((f) => isCounted(f.file, excluded))
  .sort((a, b) => a.file.localeCompare(b.file));
if (files.length === 0) fail(`${lcov} lists no file under contracts/ outside ${excluded.join(", ")}`);

const width = Math.max(...files.map((f) => f.file.length), "Total".length);
for (const f of files) {
  const pct = percent(f.hit, f.found).toFixed(2).padStart(6);
  console.log(`${f.file.padEnd(width)}  ${pct} %  (${f.hit}/${f.found} lines)`);
}
const found = files.reduce((n, f) => n + f.found, 0);
const hit = files.reduce((n, f) => n + f.hit, 0);
const total = percent(hit, found);
console.log(`${"Total".padEnd(width)}  ${total.toFixed(2).padStart(6)} %  (${hit}/${found} lines)`);

if (total < min) {
  fail(
    `line coverage of contracts/ (excluding ${excluded.join(", ")}) is ${total.toFixed(2)} %, below the ${min} % minimum`,
  );
}
console.log(`check-coverage: line coverage ${total.toFixed(2)} % ≥ ${min} %`);
