/**
 * The `analyze` task's arguments, validated (zod) before any work: each mistake is a one-line `UserError` naming the
 * option, the rule and the value given.
 */
import os from "node:os";
import path from "node:path";

import { z } from "zod";

import { UserError } from "../cli/errors.js";
import { ANALYZE_DEFAULTS } from "./defaults.js";
import { isPolicyName, POLICY_NAMES, type PolicyName } from "./model.js";

export { ANALYZE_DEFAULTS };

export const MAX_PATHS = 1_000_000;
export const MAX_YEARS = 50;
export const MAX_WORKERS = 64;

/** The raw task arguments: text, as typed (empty = not given). */
export interface RawAnalyzeArguments {
  paths: string;
  years: string;
  seed: string;
  workers: string;
  scenario: string;
  policy: string;
  price: string;
  backtest: string;
  out: string;
  tornadoPaths: string;
}

export interface AnalyzeArguments {
  paths: number;
  years: number;
  seed: string;
  workers: number;
  /** As given (relative to the working directory) and resolved. */
  scenarioPath: string;
  policies: PolicyName[];
  /** USD per share; undefined = the network's sale parameters. */
  priceUsd: number | undefined;
  /** `YYYY-MM-DD`, or undefined for no backtest. */
  backtest: string | undefined;
  /** Output directory, absolute. */
  out: string;
  tornadoPaths: number;
}

const text = (fallback: string) => z.string().transform((s) => (s.trim() === "" ? fallback : s.trim()));
const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be at least ${min.toLocaleString("en-US")}`)
        .max(max, `must be at most ${max.toLocaleString("en-US")}`),
    );

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

const schema = z.object({
  paths: text(String(ANALYZE_DEFAULTS.paths)).pipe(whole(1, MAX_PATHS)),
  years: text(String(ANALYZE_DEFAULTS.years)).pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, "must be a number of years such as 5 or 0.5")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1 / 365, "must be at least one day (0.0028 years)")
          .max(MAX_YEARS, `must be at most ${MAX_YEARS}`),
      ),
  ),
  seed: text(ANALYZE_DEFAULTS.seed).pipe(z.string().max(200, "must be at most 200 characters")),
  workers: text(ANALYZE_DEFAULTS.workers).pipe(
    z.union([z.literal("auto").transform(() => defaultWorkers()), whole(1, MAX_WORKERS)], {
      errorMap: () => ({ message: `must be "auto" or a whole number from 1 to ${MAX_WORKERS}` }),
    }),
  ),
  scenario: text(ANALYZE_DEFAULTS.scenario),
  policy: text(ANALYZE_DEFAULTS.policy).transform((value, ctx) => {
    if (value === "all") return [...POLICY_NAMES];
    const names = value.split(",").map((name) => name.trim());
    const unknown = names.filter((name) => !isPolicyName(name));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be "all" or a comma list of ${POLICY_NAMES.join(", ")}`,
      });
      return z.NEVER;
    }
    return POLICY_NAMES.filter((name) => names.includes(name));
  }),
  price: text("").pipe(
    z.union([
      z.literal("").transform(() => undefined),
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, "must be a price in USD such as 50 or 49.5")
        .transform(Number)
        .pipe(z.number().gt(0, "must be more than 0")),
    ]),
  ),
  backtest: text("").pipe(
    z.union([
      z.literal("").transform(() => undefined),
      z.string().refine(isIsoDate, "must be a calendar date YYYY-MM-DD"),
    ]),
  ),
  out: text(ANALYZE_DEFAULTS.out),
  tornadoPaths: text(String(ANALYZE_DEFAULTS.tornadoPaths)).pipe(whole(0, MAX_PATHS)),
});

/** The workers used by default: one per core the process may use. */
export function defaultWorkers(): number {
  return Math.min(MAX_WORKERS, Math.max(1, os.availableParallelism()));
}

const OPTION_NAMES: Record<keyof RawAnalyzeArguments, string> = {
  paths: "--paths",
  years: "--years",
  seed: "--seed",
  workers: "--workers",
  scenario: "--scenario",
  policy: "--policy",
  price: "--price",
  backtest: "--backtest",
  out: "--out",
  tornadoPaths: "--tornado-paths",
};

/**
 * Validates the task's arguments.
 * @throws UserError with one line naming the first invalid option, e.g. `--paths must be at least 1, got "0"`
 */
export function parseAnalyzeArguments(raw: RawAnalyzeArguments): AnalyzeArguments {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path[0] as keyof RawAnalyzeArguments;
    throw new UserError(`${OPTION_NAMES[key]} ${issue.message}, got ${JSON.stringify(raw[key])}`);
  }
  const data = result.data;
  return {
    paths: data.paths,
    years: data.years,
    seed: data.seed,
    workers: data.workers,
    scenarioPath: data.scenario,
    policies: data.policy,
    priceUsd: data.price,
    backtest: data.backtest,
    out: path.resolve(data.out),
    tornadoPaths: data.tornadoPaths,
  };
}
