/**
 * What bench/analyze.ts times, shared with bench/analyze-run.ts (the run in its own process): the default run of
 * `npx hardhat analyze` on scenarios/default.json — 1,000 paths × 5 years of every policy and the tornado on the first
 * 200 paths — or its paths stage alone. PATHS, YEARS and TORNADO_PATHS override 1000, 5 and 200.
 */
import { ANALYZE_DEFAULTS } from "../src/analyze/defaults.js";
import type { AnalyzeOptions } from "../src/analyze/index.js";
import { loadScenarioFile, POLICY_NAMES, saleOf } from "../src/analyze/model.js";

export const PATHS = Number(process.env.PATHS ?? 1_000);
export const YEARS = Number(process.env.YEARS ?? 5);
export const TORNADO_PATHS = Number(process.env.TORNADO_PATHS ?? ANALYZE_DEFAULTS.tornadoPaths);

/** The two workloads: the default run, and its paths stage alone. */
export const WORKLOADS = [
  { name: "default run (with the tornado)", tornadoPaths: TORNADO_PATHS },
  { name: "paths stage alone (no tornado)", tornadoPaths: 0 },
] as const;

/** The options of a run on `workers` workers, the tornado on `tornadoPaths` paths (0: none). */
export function benchOptions(workers: number, tornadoPaths: number): AnalyzeOptions {
  const scenario = loadScenarioFile(ANALYZE_DEFAULTS.scenario);
  return {
    scenario,
    seed: "bench",
    paths: PATHS,
    years: YEARS,
    policies: POLICY_NAMES,
    sale: saleOf(scenario),
    workers,
    tornadoPaths,
  };
}
