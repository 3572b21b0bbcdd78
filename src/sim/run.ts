/**
 * One simulation run on chain, orchestrated: set up (or resume) the run, plan each day from the economic model and
 * send it, journaling progress, then read the chain back against the plan and write the outputs. The steps live in
 * `setup.ts`, `resume.ts`, `readback.ts` and `results.ts` (summary, outputs); resumability is explained in `journal.ts`.
 */
import type { NetworkConnection } from "hardhat/types/network";

import { formatNumber } from "../cli/amount.js";
import type { PolicyName, Scenario } from "../model/index.js";
import { SimulationError } from "./chain.js";
import { ChainClient } from "./chain-client.js";
import { describeOp, encodeOp, simInterfaces } from "./chain-ops.js";
import { TxSender } from "./tx-sender.js";
import { writeJournal, type Journal, type RunArguments } from "./journal.js";
import type { RunFiles } from "./outputs.js";
import type { PolicyProjection } from "./page.js";
import { Planner, type DayPlan, type Op } from "./plan.js";
import { createProgress } from "./progress.js";
import { readBack, type Holding, type Readback } from "./readback.js";
import type { DailyRow } from "./report.js";
import type { PolicyTotals } from "./policy-comparison.js";
import type { RunBands } from "./bands.js";
import type { DecisionRow } from "./decisions.js";
import { SimulationInterrupted, watchInterrupt } from "./interrupt.js";
import type { InvestorView } from "./investor-view.js";
import { alreadySent, journalTerms, openJournal, reconcileJournal } from "./resume.js";
import { freshDeploymentId, isInProcess, newJournal, requireDevChain, setUpContracts } from "./setup.js";
import { countSend, emptyStats, type RunStats } from "./stats.js";
import { runOutputs } from "./results.js";
import type { Summary } from "./summary.js";

const SECONDS_PER_DAY = 86_400;

/** Where a run can be interrupted on purpose (tests): called around every transaction. */
export interface RunHooks {
  beforeSend?(event: { day: number; index: number; op: Op }): void | Promise<void>;
  afterSend?(event: { day: number; index: number; op: Op }): void | Promise<void>;
  /** Once every day is on chain, before the chain is read back. */
  beforeReadBack?(): void | Promise<void>;
}

export interface RunOptions {
  days: number;
  seed: string;
  policy: PolicyName;
  holders: number;
  scenario: Scenario;
  scenarioPath: string;
  scenarioSha256: string;
  /** Output directory. */
  out: string;
  /** Forget the journal in `out` and start a new run. */
  fresh: boolean;
  /** Ignition parameters used when the contracts must be deployed (ignition/parameters/local.json; the sale at the scenario's price). */
  parametersPath: string;
  /** Ignition deployment ID (http networks; the in-process network keeps no deployment files). */
  deploymentId?: string;
  /** No progress bar. */
  quiet?: boolean;
  /** Model paths of the bands beside the on-chain path (default 200; 0 = no bands). */
  bandPaths?: number;
  /** Read back every account ("full", the default) or only the pool's totals and the treasury ("totals"). */
  verify?: "full" | "totals";
  hooks?: RunHooks;
  /** Told what a person should know before the run goes on (the node's clock moves; a new run replaces an old). */
  warn?: (message: string) => void;
}

export interface RunResult {
  out: string;
  files: RunFiles;
  summary: Summary;
  rows: DailyRow[];
  investors: Holding[];
  treasury: Holding;
  supply: bigint;
  /** The policies over the run's days (pure model, same price path). */
  policies: Record<PolicyName, PolicyTotals>;
  /** The policies over `projectionDays(days)` (the run's days first). */
  projection: PolicyProjection;
  /** The sale price next to the payouts, per investor and for the treasury apart. */
  investorView: InvestorView;
  /** Each decision of the run's policy, with the two values that made it. */
  decisions: DecisionRow[];
  /** The model's bands for the run's scenario, seed and policy beside the on-chain path (null with 0 paths). */
  bands: RunBands | null;
  /** The Ignition deployment the run's contracts belong to (on a node; none in-process). */
  deploymentId?: string;
  resumedFromDay?: number;
  stats: RunStats;
}

/** The arguments that define a run (and that resuming it needs again). */
export function runArguments(options: RunOptions): RunArguments {
  return {
    days: options.days,
    seed: options.seed,
    policy: options.policy,
    holders: options.holders,
    scenario: options.scenarioPath,
    scenarioSha256: options.scenarioSha256,
  };
}

/** Warns that sending `days` days moves the node's clock forward by as much. */
async function warnClock(
  client: ChainClient,
  networkName: string,
  days: number,
  warn: (message: string) => void,
): Promise<void> {
  const latest = await client.block("latest");
  const until = new Date(((latest?.timestamp ?? 0) + days * SECONDS_PER_DAY) * 1000).toISOString().slice(0, 10);
  warn(
    `this run moves the clock of the node of network "${networkName}" forward by ${formatNumber(days)} days ` +
      `(to about ${until}); everything else on that node sees the new time, and only restarting the node turns it back`,
  );
}

/** Runs (or resumes) one simulation on `connection`. */
export async function runSimulation(connection: NetworkConnection, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const stats = emptyStats();
  const client = new ChainClient(connection.provider);
  const ifaces = simInterfaces();
  const args = runArguments(options);
  const info = await requireDevChain(client, connection.networkName);

  // The journal: resume, refuse, or start over.
  const inProcess = isInProcess(connection);
  const warn = options.warn ?? (() => undefined);
  let journal: Journal | undefined = openJournal(options.out, options.fresh);
  if (journal !== undefined) {
    const verdict = await reconcileJournal(journal, args, client, info.instanceId, options.out, warn);
    if (verdict === "new") journal = undefined;
  }
  const deployStarted = performance.now();
  if (journal === undefined) {
    if (!inProcess) await warnClock(client, connection.networkName, options.days, warn);
    const deploymentId = inProcess
      ? undefined
      : (options.deploymentId ?? (await freshDeploymentId(client, info, options.policy)));
    const setup = await setUpContracts(connection, client, ifaces, {
      parametersPath: options.parametersPath,
      salePriceUsd: options.scenario.salePriceUsd,
      ...(deploymentId === undefined ? {} : { deploymentId }),
    });
    journal = await newJournal({
      networkName: connection.networkName,
      inProcess,
      deploymentId,
      client,
      info,
      args,
      ...setup,
    });
    writeJournal(options.out, journal);
  } else if (!inProcess && journal.completedDays < options.days) {
    await warnClock(client, connection.networkName, options.days - journal.completedDays, warn);
  }
  stats.deployMs = performance.now() - deployStarted;

  const terms = journalTerms(journal);
  const { roles, contracts } = journal;
  const planner = new Planner({
    scenario: options.scenario,
    policy: options.policy,
    seed: options.seed,
    days: options.days,
    holders: options.holders,
    terms,
    roles,
    firstEpoch: Math.floor(journal.startTimestamp / SECONDS_PER_DAY),
  });

  // Replay the days already on chain (no transaction).
  const plans: DayPlan[] = [];
  let planStarted = performance.now();
  while (planner.day < journal.completedDays) plans.push(planner.next());
  stats.planMs += performance.now() - planStarted;
  const resumedFromDay = journal.completedDays > 0 || journal.checkpoint !== null ? journal.completedDays : undefined;

  const sender = await TxSender.create(client);
  const progress = createProgress({
    label: options.policy,
    total: options.days,
    start: journal.completedDays,
    quiet: options.quiet === true,
  });
  // Ctrl-C is heard until the chain is read back: the run stops at the next transaction's end, or before (or after)
  // the read-back once every day is on chain (rerunning the command then writes the report).
  const interrupt = watchInterrupt(() => progress.stop());
  const loopStarted = performance.now();
  let readback: Readback;
  try {
    for (let day = journal.completedDays; day < options.days; day++) {
      if (interrupt.requested) throw new SimulationInterrupted(day, options.days);
      planStarted = performance.now();
      const plan = planner.next();
      plans.push(plan);
      stats.planMs += performance.now() - planStarted;

      // Prepare the day's senders and find what a crashed run already sent.
      const prepareStarted = performance.now();
      const senders = [...new Set(plan.ops.map((op) => op.from))];
      const nonces: Record<string, number> = {};
      for (const from of senders) nonces[from] = await sender.prepare(from);
      stats.prepareMs += performance.now() - prepareStarted;

      let done = new Set<number>();
      if (journal.checkpoint !== null && journal.checkpoint.day === day) {
        done = await alreadySent(plan, journal.checkpoint.nonces, nonces, client, ifaces, contracts);
      } else {
        const journalStarted = performance.now();
        journal = { ...journal, completedDays: day, checkpoint: { day, nonces } };
        writeJournal(options.out, journal);
        stats.journalMs += performance.now() - journalStarted;
      }

      const rpcStarted = performance.now();
      await client.advanceTimeTo(journal.startTimestamp + day * SECONDS_PER_DAY);
      stats.otherRpcMs += performance.now() - rpcStarted;

      for (let index = 0; index < plan.ops.length; index++) {
        if (done.has(index)) continue;
        const op = plan.ops[index]!;
        await options.hooks?.beforeSend?.({ day, index, op });
        const { to, data } = encodeOp(op, contracts, ifaces);
        const sendStarted = performance.now();
        await sender.send(op.from, to, data, () => `day ${day}: ${describeOp(op)}`, ifaces.errors);
        countSend(stats, op.kind, performance.now() - sendStarted);
        await options.hooks?.afterSend?.({ day, index, op });
        if (interrupt.requested) throw new SimulationInterrupted(day, options.days);
      }
      stats.daysSent += 1;
      progress.update(day + 1, stats.transactions, performance.now() - loopStarted);
    }
    progress.stop();
    journal = { ...journal, completedDays: options.days, checkpoint: null, finished: true };
    writeJournal(options.out, journal);

    // Read the chain back and compare it with the plan.
    await options.hooks?.beforeReadBack?.();
    if (interrupt.requested) throw new SimulationInterrupted(options.days, options.days);
    const verifyStarted = performance.now();
    readback = await readBack(client, ifaces, contracts, planner, roles, options.verify ?? "full");
    stats.verifyMs = performance.now() - verifyStarted;
    if (interrupt.requested) throw new SimulationInterrupted(options.days, options.days);
  } finally {
    progress.stop();
    interrupt.dispose();
  }

  const outputStarted = performance.now();
  const { rows, policies, projection, view, decisions, bands, summary, files } = await runOutputs({
    options,
    args,
    info,
    planner,
    plans,
    readback,
    terms,
  });
  stats.outputMs = performance.now() - outputStarted;
  stats.totalMs = performance.now() - started;

  if (!summary.check.ok) {
    throw new SimulationError(
      `the chain disagrees with the simulation (${summary.check.mismatches.length} mismatches, see ${files.summary}): ${summary.check.mismatches.slice(0, 3).join("; ")}`,
    );
  }
  return {
    out: options.out,
    files,
    summary,
    rows,
    investors: readback.investors,
    treasury: readback.treasury,
    supply: readback.supply,
    policies,
    projection,
    investorView: view,
    decisions,
    bands,
    ...(journal.chain.deploymentId === undefined ? {} : { deploymentId: journal.chain.deploymentId }),
    ...(resumedFromDay === undefined ? {} : { resumedFromDay }),
    stats,
  };
}
