import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { NetworkConnection } from "hardhat/types/network";

import { loadScenario } from "../../src/model/index.js";
import {
  readScenarioFile,
  runSimulation,
  type DayPlan,
  type Planner,
  type PlannerConfig,
  type RunOptions,
  type RunResult,
} from "../../src/sim/index.js";

/** A scenario whose AI capacity earns from day 2: short runs deposit both WBTC and USDC. */
export const EARLY_AI = "test/sim/fixtures/early-ai.json";

const SHARE = 10n ** 18n;

/** The hardhat accounts of ignition/parameters/local.json: #1 reports, #0 mints, distributes and is the treasury. */
export const LOCAL_ROLES = {
  reporters: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
  minter: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  distributor: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  treasury: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
};

/** A planner configuration: `ai-only` on the early-AI scenario, 30 investors, 40 days (override anything). */
export function plannerConfig(overrides: Partial<PlannerConfig> = {}): PlannerConfig {
  return {
    scenario: loadScenario(EARLY_AI),
    policy: "ai-only",
    seed: "plan-test",
    days: 40,
    holders: 30,
    terms: { sharesPerTHs: SHARE, pricePerShare: 50_000_000n, maxSharesPerBuyer: 1_000_000n * SHARE },
    roles: LOCAL_ROLES,
    ...overrides,
  };
}

/** The planner's next `days` day plans. */
export function planDays(planner: Planner, days: number): DayPlan[] {
  return Array.from({ length: days }, () => planner.next());
}

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
