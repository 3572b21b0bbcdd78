import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { NetworkConnection } from "hardhat/types/network";

import { readScenarioFile, runSimulation, type RunOptions, type RunResult } from "../../src/sim/index.js";

/** A scenario whose AI capacity earns from day 2: short runs deposit both WBTC and USDC. */
export const EARLY_AI = "test/sim/fixtures/early-ai.json";

const created: string[] = [];

/** A new temporary output directory (removed by `removeTempOuts`). */
export function tempOut(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hashshare-sim-${label}-`));
  created.push(dir);
  return dir;
}

/** Removes every directory `tempOut` created. */
export function removeTempOuts(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A small, fast run: `ai-only` on the early-AI scenario, 12 investors, 16 days (override anything). */
export function smallRun(out: string, overrides: Partial<RunOptions> = {}): RunOptions {
  const scenarioPath = overrides.scenarioPath ?? EARLY_AI;
  const { scenario, sha256 } = readScenarioFile(scenarioPath);
  return {
    days: 16,
    seed: "resume-test",
    policy: "ai-only",
    holders: 12,
    scenario,
    scenarioPath,
    scenarioSha256: sha256,
    out,
    fresh: false,
    parametersPath: "ignition/parameters/local.json",
    quiet: true,
    ...overrides,
  };
}

export async function simulate(connection: NetworkConnection, options: RunOptions): Promise<RunResult> {
  return runSimulation(connection, options);
}

/** The two files that must be byte-identical for the same seed. */
export function outputs(out: string): { csv: string; summary: string } {
  return {
    csv: readFileSync(path.join(out, "daily.csv"), "utf8"),
    summary: readFileSync(path.join(out, "summary.json"), "utf8"),
  };
}
