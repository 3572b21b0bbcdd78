/**
 * The `simulate` task's arguments, validated before anything touches the chain: each mistake is a one-line
 * `UserError` naming the option.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { UserError } from "../cli/errors.js";
import { DEFAULT_BAND_PATHS } from "./bands.js";
import type { SimulationInterrupted } from "./interrupt.js";
import { isPolicyName } from "../analyze/model.js";
import { parseScenario, POLICY_NAMES, type PolicyName, type Scenario } from "../model/index.js";

export const DEFAULTS = {
  days: 365,
  seed: "hashshare",
  policy: "arbitrage" as PolicyName,
  holders: 100,
  scenario: "scenarios/default.json",
  reportsDir: "reports",
} as const;

export const MAX_DAYS = 36_500;
export const MAX_HOLDERS = 100_000;
export const MAX_BAND_PATHS = 100_000;

/** The raw task arguments (as Hardhat parses them). */
export interface RawSimulateArguments {
  days: number;
  seed: string;
  policy: string;
  holders: number;
  scenario: string;
  /** Output directory as typed; undefined or "" = the default. */
  out: string | undefined;
  compare: boolean;
  fresh: boolean;
  /** Model paths of the bands beside the on-chain path (0 = none); absent = the default. */
  bandPaths?: number;
}

export interface SimulateArguments {
  days: number;
  seed: string;
  policy: PolicyName;
  holders: number;
  /** The scenario path as given, its validated contents and the SHA-256 of its bytes. */
  scenarioPath: string;
  scenario: Scenario;
  scenarioSha256: string;
  /** Output directory (absolute). */
  out: string;
  compare: boolean;
  fresh: boolean;
  bandPaths: number;
}

/** A seed made safe for a directory name. */
export function seedSlug(seed: string): string {
  return seed.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 64) || "seed";
}

/** `reports/<policy>-<seed>`, or `reports/compare-<seed>` for `--compare`. */
export function defaultOutDir(root: string, policy: PolicyName, seed: string, compare: boolean): string {
  return path.join(root, DEFAULTS.reportsDir, `${compare ? "compare" : policy}-${seedSlug(seed)}`);
}

/** Reads and validates a scenario file; returns it with the SHA-256 of its bytes. */
export function readScenarioFile(file: string): { scenario: Scenario; sha256: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new UserError(`--scenario ${file} cannot be read (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new UserError(
      `--scenario ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let scenario: Scenario;
  try {
    scenario = parseScenario(json);
  } catch (error) {
    throw new UserError(`--scenario ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { scenario, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Validates the task's arguments; `root` is the project root (relative paths resolve against the cwd). */
export function parseSimulateArguments(raw: RawSimulateArguments, root: string): SimulateArguments {
  if (!Number.isSafeInteger(raw.days) || raw.days < 1 || raw.days > MAX_DAYS) {
    throw new UserError(`--days must be a whole number of days from 1 to ${MAX_DAYS}, got ${raw.days}`);
  }
  if (!Number.isSafeInteger(raw.holders) || raw.holders < 1 || raw.holders > MAX_HOLDERS) {
    throw new UserError(`--holders must be a whole number from 1 to ${MAX_HOLDERS}, got ${raw.holders}`);
  }
  const seed = raw.seed.trim();
  if (seed === "" || seed.length > 200) throw new UserError(`--seed must be 1 to 200 characters, got "${raw.seed}"`);
  if (!isPolicyName(raw.policy)) {
    throw new UserError(`--policy must be one of ${POLICY_NAMES.join(", ")}, got "${raw.policy}"`);
  }
  const policy = raw.policy;
  const bandPaths = raw.bandPaths ?? DEFAULT_BAND_PATHS;
  if (!Number.isSafeInteger(bandPaths) || bandPaths < 0 || bandPaths > MAX_BAND_PATHS) {
    throw new UserError(`--band-paths must be a whole number from 0 to ${MAX_BAND_PATHS}, got ${bandPaths}`);
  }
  const scenarioPath = raw.scenario.trim() === "" ? DEFAULTS.scenario : raw.scenario.trim();
  const { scenario, sha256 } = readScenarioFile(path.resolve(scenarioPath));
  const typed = raw.out?.trim() ?? "";
  const out = typed === "" ? defaultOutDir(root, policy, seed, raw.compare) : path.resolve(typed);
  return {
    days: raw.days,
    seed,
    policy,
    holders: raw.holders,
    scenarioPath,
    scenario,
    scenarioSha256: sha256,
    out,
    compare: raw.compare,
    fresh: raw.fresh,
    bandPaths,
  };
}

/** A command-line value, quoted for a POSIX shell when it needs it. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/** The `npx hardhat simulate …` command that runs (or resumes) the run these arguments define. */
export function simulateCommand(parsed: SimulateArguments, network: string | undefined, root: string): string {
  const out = path.relative(root, parsed.out);
  const words = [
    "npx hardhat simulate",
    ...(network === undefined ? [] : ["--network", network]),
    ...["--days", String(parsed.days), "--seed", parsed.seed],
    ...(parsed.compare ? ["--compare"] : ["--policy", parsed.policy]),
    ...["--holders", String(parsed.holders), "--scenario", parsed.scenarioPath],
    ...["--out", out.startsWith("..") || path.isAbsolute(out) ? parsed.out : out],
  ];
  return words.map((word, i) => (i === 0 ? word : shellWord(word))).join(" ");
}

/**
 * What Ctrl-C prints: the day reached and, on a node, the command that resumes the run (or, once every day is on
 * chain, writes its report); an in-process chain ends with the command, so there the run cannot be resumed and the
 * message says how to make one that can.
 */
export function interruptedMessage(
  interrupted: SimulationInterrupted,
  parsed: SimulateArguments,
  network: string | undefined,
  root: string,
): string {
  const { day, days } = interrupted;
  const allOnChain = day >= days;
  const reached = allOnChain
    ? `interrupted after all ${days} days were on chain, before the report was written`
    : `interrupted on day ${day + 1} of ${days} (${day} days fully on chain)`;
  if (network === undefined || network === "default") {
    return (
      `${reached}: the in-process chain ended with the command, so this run cannot be resumed; start \`npx hardhat node\` ` +
      `and run \`${simulateCommand(parsed, "localhost", root)}\` for a run that can be resumed`
    );
  }
  const command = simulateCommand(parsed, network, root);
  return `${reached}: ${allOnChain ? "write it" : "resume"} with \`${command}\``;
}
