/**
 * A finished run's outputs: the daily rows, the policies side by side in the pure model, the investor's view, the
 * policy's decisions, the model's bands beside the on-chain path, summary.json and the files — all from the plan and
 * the chain's read-back, no chain access.
 */
import type { DevChainInfo } from "./chain-client.js";
import { DEFAULT_BAND_PATHS, runBands } from "./bands.js";
import { decisionRows } from "./decisions.js";
import { investorView } from "./investor-view.js";
import type { RunArguments } from "./journal.js";
import { writeOutputs } from "./outputs.js";
import type { PolicyProjection } from "./page.js";
import type { DayPlan, Planner, PoolTerms } from "./plan.js";
import type { Readback } from "./readback.js";
import { dailyRows } from "./report.js";
import { allPolicyPaths, allPolicyTotals, policyLeader, projectionDays } from "./policy-comparison.js";
import type { RunOptions } from "./run.js";
import { buildSummary } from "./summary.js";

/** Builds and writes the outputs of a finished run. */
export async function runOutputs(input: {
  options: RunOptions;
  args: RunArguments;
  info: DevChainInfo;
  planner: Planner;
  plans: readonly DayPlan[];
  readback: Readback;
  terms: PoolTerms;
}) {
  const { options, args, info, planner, plans, readback, terms } = input;
  const rows = dailyRows(plans);
  // The policies side by side in the pure model, on the same seed (so the same price path), over the run and, when
  // the run is short, on past it: the run's days are the first days of the projection.
  const horizon = projectionDays(options.days);
  const paths = allPolicyPaths(options.scenario, options.seed, horizon, terms.sharesPerTHs);
  const policies = allPolicyTotals(paths, options.days);
  const projectionTotals = allPolicyTotals(paths);
  const projection: PolicyProjection = {
    days: horizon,
    runDays: options.days,
    totals: projectionTotals,
    leader: policyLeader(projectionTotals),
  };
  const view = investorView({
    plans,
    terms,
    investors: readback.investors,
    treasury: readback.treasury,
    paid: new Map(planner.investors.map((i) => [i.address, { paidUsdc: i.paidUsdc, entryDay: i.entryDay }])),
  });
  const decisions = decisionRows(planner.path);
  const bands = runBands({
    scenario: options.scenario,
    seed: options.seed,
    policy: options.policy,
    paths: options.bandPaths ?? DEFAULT_BAND_PATHS,
    plans,
    rows,
  });
  const summary = buildSummary({
    args,
    info,
    plans,
    rows,
    readback,
    policies,
    projection,
    terms,
    view,
    decisions,
    bands,
  });
  const files = await writeOutputs({
    out: options.out,
    title: `HashShare simulation — ${options.policy}, seed "${options.seed}", ${options.days} days, ${options.holders} investors`,
    subtitle: `Scenario ${options.scenarioPath} (${options.scenario.name}); every payout deposited on chain and read back.`,
    summary,
    rows,
    paths,
    policy: options.policy,
    policies,
    projection,
    view,
    decisions,
    bands,
  });
  return { rows, paths, policies, projection, view, decisions, bands, summary, files };
}
