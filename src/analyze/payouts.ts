/**
 * The hot path of `hardhat analyze` into the model: one path under every policy, the payout columns only. Apart from
 * model.ts (the rest of the door to the model) so that a worker thread loads the model's day loop and nothing else
 * (no scenario validation, no history file reader).
 *
 * Every policy of path i sees the same market path (the model's market does not depend on the policy).
 */
import type { History } from "../model/history.js";
import { simulatePayouts, type PayoutColumns } from "../model/path.js";
import type { PolicyName } from "../model/path-types.js";
import type { Scenario } from "../model/scenario.js";

/** What analyze reads of one path under one policy: the model's payout columns (index = day; see path-types.ts). */
export type PathPayouts = PayoutColumns;

/** Drives a path from the shipped history from `start` instead of random draws (the backtest). */
export interface HistoryDrive {
  data: History;
  start: string;
}

/** Payout columns per policy, one set per thread, reused from path to path (the model writes into them). */
let reusable: PathPayouts[] = [];

/** What one path of a job is run from (a `PathJob`'s fields, block.ts). */
export interface PathRun {
  scenario: Scenario;
  policies: readonly PolicyName[];
  seed: string;
  days: number;
  /** On the history from its start date, with the network's actual difficulty, instead of random draws. */
  history?: HistoryDrive;
  /** Policy k's pool runs `poolScenarios[k]` on `scenario`'s market. */
  poolScenarios?: readonly Scenario[];
}

/**
 * Simulates path `pathIndex` of `run.seed` under each of `run.policies` for `run.days` days (one market, shared).
 * Element k holds policy k's columns; they are overwritten by the next call: read them first.
 */
export function simulatePolicyPaths(run: PathRun, pathIndex: number): readonly PathPayouts[] {
  const { scenario, policies, seed, days, history, poolScenarios } = run;
  if (reusable.length < policies.length || reusable[0]!.priceUsd.length < days) {
    reusable = policies.map(() => ({
      priceUsd: new Float64Array(days),
      holdersMiningBtc: new Float64Array(days),
      holdersAiUsd: new Float64Array(days),
    }));
  }
  const columns = reusable.slice(0, policies.length);
  simulatePayouts(scenario, {
    columns,
    seed,
    pathIndex,
    days,
    policies,
    ...(poolScenarios === undefined ? {} : { scenarios: poolScenarios }),
    ...(history === undefined ? {} : { history: { data: history.data, start: history.start, network: "actual" } }),
  });
  return columns;
}
