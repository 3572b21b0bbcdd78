/**
 * One simulation run on chain: deploy (or find) the contracts, plan each day from the economic model, send it,
 * journal progress, read the chain back against the plan, and write daily.csv, summary.json, chart.svg and
 * report.html. Resumable: see `journal.ts`.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { id } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { formatAmount } from "../cli/amount.js";
import { UserError } from "../cli/errors.js";
import {
  deployHashShareLocal,
  readHashShareParameters,
  resolveHashShareAddresses,
  type HashShareParameters,
} from "../deployment/index.js";
import { POLICY_NAMES, type PolicyName, type Scenario } from "../model/index.js";
import { chartSpec, renderSvg, reportHtml, type PolicyProjection } from "./chart.js";
import {
  ChainClient,
  describeOp,
  encodeOp,
  simInterfaces,
  SimulationError,
  TxSender,
  type SimContracts,
  type SimInterfaces,
} from "./chain.js";
import { argumentDifferences, readJournal, writeJournal, type Journal, type RunArguments } from "./journal.js";
import { TOKENS } from "./ledger.js";
import { Planner, type DayPlan, type Op, type PoolTerms, type Roles } from "./plan.js";
import { createProgress, type Progress } from "./progress.js";
import {
  allPolicyPaths,
  allPolicyTotals,
  dailyCsv,
  dailyRows,
  policyLeader,
  projectionDays,
  roundUsd,
  type DailyRow,
  type PolicyLeader,
  type PolicyTotals,
} from "./report.js";

const SECONDS_PER_DAY = 86_400;

/** Where a run can be interrupted on purpose (tests): called around every transaction. */
export interface RunHooks {
  beforeSend?(event: { day: number; index: number; op: Op }): void | Promise<void>;
  afterSend?(event: { day: number; index: number; op: Op }): void | Promise<void>;
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
  /** Ignition parameters used when the contracts must be deployed (ignition/parameters/local.json). */
  parametersPath: string;
  /** Ignition deployment ID (http networks; the in-process network keeps no deployment files). */
  deploymentId?: string;
  /** No progress bar. */
  quiet?: boolean;
  /** Read back every account ("full", the default) or only the pool's totals and the treasury ("totals"). */
  verify?: "full" | "totals";
  hooks?: RunHooks;
}

/** Where the time went (milliseconds). Never written to daily.csv or summary.json. */
export interface RunStats {
  totalMs: number;
  deployMs: number;
  planMs: number;
  prepareMs: number;
  sendMs: number;
  /** Of `sendMs`: the deposit transactions (the distribution itself). */
  depositMs: number;
  deposits: number;
  journalMs: number;
  otherRpcMs: number;
  verifyMs: number;
  outputMs: number;
  transactions: number;
  /** Days sent by this invocation (not replayed). */
  daysSent: number;
  /** Sending time and count by kind of operation. */
  byKind: Partial<Record<Op["kind"], { count: number; ms: number }>>;
}

/** One investor's (or the treasury's) position at the end, read back from the chain. */
export interface Holding {
  label: string;
  address: string;
  shares: bigint;
  claimed: readonly [bigint, bigint];
  claimable: readonly [bigint, bigint];
}

export interface RunResult {
  out: string;
  files: { csv: string; summary: string; svg: string; html: string; journal: string };
  summary: Summary;
  rows: DailyRow[];
  investors: Holding[];
  treasury: Holding;
  supply: bigint;
  /** The policies over the run's days (pure model, same price path). */
  policies: Record<PolicyName, PolicyTotals>;
  /** The policies over `projectionDays(days)` (the run's days first). */
  projection: PolicyProjection;
  resumedFromDay?: number;
  stats: RunStats;
}

type TokenTotalsJson = { mining: string; ai: string; total: string };

/** summary.json (deterministic: no clock, no addresses). */
export interface Summary {
  arguments: RunArguments;
  network: { chainId: string };
  pool: { sharesPerTHs: string; pricePerShareUsdc: string; finalSupply: string };
  model: {
    wbtc: TokenTotalsJson;
    usdc: TokenTotalsJson;
    undistributed: { wbtc: string; usdc: string };
    daysPaid: { wbtc: number; usdc: number };
    usd: {
      miningNet: number;
      aiNet: number;
      operatorFee: number;
      energyCost: number;
      aiCost: number;
      conversionCapex: number;
    };
  };
  onChain: {
    totalSupply: string;
    wbtc: {
      totalDeposited: string;
      totalClaimed: string;
      revenueBySource: { mining: string; ai: string };
      outstanding: string;
    };
    usdc: {
      totalDeposited: string;
      totalClaimed: string;
      revenueBySource: { mining: string; ai: string };
      outstanding: string;
    };
  };
  check: { ok: boolean; accountsChecked: number; mismatches: string[] };
  perShare: { wbtc: string; usdc: string; usd: number };
  investors: {
    count: number;
    holding: number;
    shares: string;
    bought: string;
    paidUsdc: string;
    claimed: { wbtc: string; usdc: string };
    claimable: { wbtc: string; usdc: string };
  };
  treasury: { shares: string; claimed: { wbtc: string; usdc: string }; claimable: { wbtc: string; usdc: string } };
  activity: { transactions: number; buys: number; transfers: number; claims: number; deposits: number };
  /** The policies over the run's days, in the pure model on the run's price path. */
  policies: Record<PolicyName, PolicyTotalsJson> & PolicyLeader;
  /**
   * The policies in the pure model on the same seed and price path over `days` ≥ the run (at least five years: AI
   * capacity converted during a short run has not earned yet); the first `onChainDays` are the chain run.
   */
  policyProjection: {
    days: number;
    onChainDays: number;
    usdPer1000Shares: Record<PolicyName, number>;
    policies: Record<PolicyName, PolicyTotalsJson>;
  } & PolicyLeader;
}

type PolicyTotalsJson = { wbtc: string; usdc: string; usd: number; usdPer1000Shares: number };

function policyTotalsJson(totals: Readonly<Record<PolicyName, PolicyTotals>>): Record<PolicyName, PolicyTotalsJson> {
  return Object.fromEntries(
    POLICY_NAMES.map((policy) => {
      const t = totals[policy];
      return [
        policy,
        {
          wbtc: t.wbtc.toString(),
          usdc: t.usdc.toString(),
          usd: roundUsd(t.usd),
          usdPer1000Shares: roundUsd(t.usdPerShare * 1000, 4),
        },
      ];
    }),
  ) as Record<PolicyName, PolicyTotalsJson>;
}

const emptyStats = (): RunStats => ({
  totalMs: 0,
  deployMs: 0,
  planMs: 0,
  prepareMs: 0,
  sendMs: 0,
  depositMs: 0,
  deposits: 0,
  journalMs: 0,
  otherRpcMs: 0,
  verifyMs: 0,
  outputMs: 0,
  transactions: 0,
  daysSent: 0,
  byKind: {},
});

function runArguments(options: RunOptions): RunArguments {
  return {
    days: options.days,
    seed: options.seed,
    policy: options.policy,
    holders: options.holders,
    scenario: options.scenarioPath,
    scenarioSha256: options.scenarioSha256,
  };
}

const uint = (hex: string): bigint => BigInt(hex === "0x" ? 0 : hex);

/** Reads uint256 views through raw `eth_call`s, `concurrency` at a time. */
async function readAll(client: ChainClient, calls: ReadonlyArray<{ to: string; data: string }>): Promise<bigint[]> {
  const results: bigint[] = new Array<bigint>(calls.length);
  const concurrency = 64;
  for (let start = 0; start < calls.length; start += concurrency) {
    const chunk = calls.slice(start, start + concurrency);
    const values = await Promise.all(chunk.map((call) => client.call(call.to, call.data)));
    values.forEach((value, i) => (results[start + i] = uint(value)));
  }
  return results;
}

/** The contracts, terms and roles of a fresh run: deploys HashShareLocal when the network has no deployment. */
async function setUpContracts(
  connection: NetworkConnection,
  client: ChainClient,
  ifaces: SimInterfaces,
  options: RunOptions,
): Promise<{ contracts: SimContracts; terms: PoolTerms; roles: Roles }> {
  let parameters: HashShareParameters;
  try {
    parameters = await readHashShareParameters(options.parametersPath);
  } catch (error) {
    throw new UserError(error instanceof Error ? error.message : String(error));
  }
  let contracts: SimContracts;
  try {
    const deployed = await deployHashShareLocal(connection, parameters, {
      ...(options.deploymentId === undefined ? {} : { deploymentId: options.deploymentId }),
    });
    const addresses = resolveHashShareAddresses(deployed, parameters);
    if (!addresses.mockTokens) {
      throw new UserError("the simulator needs the mock WBTC and USDC of HashShareLocal (it mints the revenue)");
    }
    contracts = {
      oracle: addresses.oracle,
      pool: addresses.pool,
      sale: addresses.sale,
      wbtc: addresses.wbtc,
      usdc: addresses.usdc,
    };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `cannot deploy HashShareLocal on ${connection.networkName}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }

  for (const [name, address] of Object.entries(contracts)) {
    if ((await client.code(address)) === "0x") {
      const id = options.deploymentId ?? `chain-${(await client.chainId()).toString()}`;
      throw new UserError(
        `the Ignition deployment ${id} records the ${name} at ${address} but this chain has no contract there ` +
          `(a restarted node?): remove ignition/deployments/${id} and run again`,
      );
    }
  }
  const read = async (to: string, data: string): Promise<bigint> => uint(await client.call(to, data));
  const { pool, sale, oracle } = ifaces;
  const terms: PoolTerms = {
    sharesPerTHs: await read(contracts.pool, pool.encodeFunctionData("sharesPerTHs")),
    pricePerShare: await read(contracts.sale, sale.encodeFunctionData("pricePerShare")),
    maxSharesPerBuyer: await read(contracts.sale, sale.encodeFunctionData("maxSharesPerBuyer")),
  };
  const quorum = Number(await read(contracts.oracle, oracle.encodeFunctionData("quorum")));
  const roles: Roles = {
    reporters: parameters.oracle.reporters.slice(0, quorum),
    minter: parameters.pool.minter,
    distributor: parameters.pool.distributor,
    treasury: parameters.sale.treasury,
  };
  if (roles.reporters.length < quorum) {
    throw new UserError(
      `the oracle's quorum is ${quorum} but the parameters list ${roles.reporters.length} reporter(s)`,
    );
  }
  const hasRole = async (to: string, role: string, account: string): Promise<boolean> =>
    (await read(to, pool.encodeFunctionData("hasRole", [id(role), account]))) === 1n;
  const checks: Array<[boolean, string]> = [
    [await hasRole(contracts.pool, "MINTER_ROLE", roles.minter), `${roles.minter} lacks MINTER_ROLE on the pool`],
    [
      await hasRole(contracts.pool, "DISTRIBUTOR_ROLE", roles.distributor),
      `${roles.distributor} lacks DISTRIBUTOR_ROLE on the pool`,
    ],
  ];
  for (const reporter of roles.reporters) {
    checks.push([await hasRole(contracts.oracle, "REPORTER_ROLE", reporter), `${reporter} lacks REPORTER_ROLE`]);
  }
  const failed = checks.find(([ok]) => !ok);
  if (failed !== undefined) throw new UserError(`the deployment cannot be driven: ${failed[1]}`);

  // A fresh run needs a pristine pool: no shares, no revenue, no report.
  const supply = await read(contracts.pool, pool.encodeFunctionData("totalSupply"));
  const deposited = await read(contracts.pool, pool.encodeFunctionData("totalDeposited", [contracts.wbtc]));
  const latest = ifaces.oracle.decodeFunctionResult(
    "latestHashrate",
    await client.call(contracts.oracle, ifaces.oracle.encodeFunctionData("latestHashrate", [contracts.pool])),
  );
  if (supply !== 0n || deposited !== 0n || latest[2] !== 0n) {
    throw new UserError(
      `the pool ${contracts.pool} on ${connection.networkName} already has shares, revenue or hashrate reports (an earlier run?): ` +
        `resume that run with its own --out, or start from a fresh chain (restart the node)`,
    );
  }
  return { contracts, terms, roles };
}

/** Runs (or resumes) one simulation on `connection`. */
export async function runSimulation(connection: NetworkConnection, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const stats = emptyStats();
  const client = new ChainClient(connection.provider);
  const ifaces = simInterfaces();
  const args = runArguments(options);

  const info = await client.devChainInfo();
  if (info === undefined) {
    throw new UserError(
      `network ${connection.networkName} is not a Hardhat development chain: the simulator impersonates its investors and ` +
        `mints the mock tokens, so run it in-process (no --network) or against \`npx hardhat node\` (--network localhost)`,
    );
  }
  if (!(await client.automine())) {
    throw new UserError(
      `network ${connection.networkName} does not automine: the simulator needs one block per transaction`,
    );
  }

  // The journal: resume, refuse, or start over.
  mkdirSync(options.out, { recursive: true });
  if (options.fresh) rmSync(path.join(options.out, "journal.json"), { force: true });
  let journal: Journal | undefined;
  try {
    journal = readJournal(options.out);
  } catch (error) {
    throw new UserError(`${error instanceof Error ? error.message : String(error)}: pass --fresh to start over`);
  }

  const deployStarted = performance.now();
  if (journal !== undefined) {
    await checkJournal(journal, args, client, info.instanceId, options.out);
  } else {
    const { contracts, terms, roles } = await setUpContracts(connection, client, ifaces, options);
    const deployBlock = await client.deploymentBlock(contracts.pool);
    const block = deployBlock === undefined ? undefined : await client.block(deployBlock);
    const latest = await client.block("latest");
    if (block === undefined || latest === undefined)
      throw new SimulationError(`the pool ${contracts.pool} has no code`);
    journal = {
      version: 1,
      arguments: args,
      chain: {
        network: connection.networkName,
        chainId: info.chainId.toString(),
        instanceId: info.instanceId,
        pool: contracts.pool,
        deployBlock: block.number,
        deployBlockHash: block.hash,
      },
      contracts,
      terms: {
        sharesPerTHs: terms.sharesPerTHs.toString(),
        pricePerShare: terms.pricePerShare.toString(),
        maxSharesPerBuyer: terms.maxSharesPerBuyer.toString(),
      },
      roles: { ...roles, reporters: [...roles.reporters] },
      startTimestamp: latest.timestamp + 1,
      completedDays: 0,
      checkpoint: null,
      finished: false,
    };
    writeJournal(options.out, journal);
  }
  stats.deployMs = performance.now() - deployStarted;

  const terms: PoolTerms = {
    sharesPerTHs: BigInt(journal.terms.sharesPerTHs),
    pricePerShare: BigInt(journal.terms.pricePerShare),
    maxSharesPerBuyer: BigInt(journal.terms.maxSharesPerBuyer),
  };
  const roles: Roles = journal.roles;
  const contracts = journal.contracts;
  const planner = new Planner({
    scenario: options.scenario,
    policy: options.policy,
    seed: options.seed,
    days: options.days,
    holders: options.holders,
    terms,
    roles,
  });

  // Replay the days already on chain (no transaction).
  const plans: DayPlan[] = [];
  let planStarted = performance.now();
  while (planner.day < journal.completedDays) plans.push(planner.next());
  stats.planMs += performance.now() - planStarted;
  const resumedFromDay = journal.completedDays > 0 || journal.checkpoint !== null ? journal.completedDays : undefined;

  const sender = await TxSender.create(client);
  const progress: Progress = createProgress({
    label: options.policy,
    total: options.days,
    start: journal.completedDays,
    quiet: options.quiet === true,
  });
  const loopStarted = performance.now();
  try {
    for (let day = journal.completedDays; day < options.days; day++) {
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
        const elapsed = performance.now() - sendStarted;
        stats.sendMs += elapsed;
        stats.transactions += 1;
        if (op.kind === "deposit") {
          stats.depositMs += elapsed;
          stats.deposits += 1;
        }
        const kind = (stats.byKind[op.kind] ??= { count: 0, ms: 0 });
        kind.count += 1;
        kind.ms += elapsed;
        await options.hooks?.afterSend?.({ day, index, op });
      }
      stats.daysSent += 1;
      progress.update(day + 1, stats.transactions, performance.now() - loopStarted);
    }
  } finally {
    progress.stop();
  }
  journal = { ...journal, completedDays: options.days, checkpoint: null, finished: true };
  writeJournal(options.out, journal);

  // Read the chain back and compare it with the plan.
  const verifyStarted = performance.now();
  const readback = await readBack(client, ifaces, contracts, planner, roles, options.verify ?? "full");
  stats.verifyMs = performance.now() - verifyStarted;

  const outputStarted = performance.now();
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
  const summary = buildSummary({ options, info, plans, rows, readback, policies, projection, terms });
  const files = {
    csv: path.join(options.out, "daily.csv"),
    summary: path.join(options.out, "summary.json"),
    svg: path.join(options.out, "chart.svg"),
    html: path.join(options.out, "report.html"),
    journal: path.join(options.out, "journal.json"),
  };
  writeFileSync(files.csv, dailyCsv(rows));
  writeFileSync(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  const title = `HashShare simulation — ${options.policy}, seed "${options.seed}", ${options.days} days, ${options.holders} investors`;
  const svg = await renderSvg(chartSpec({ title, rows, paths, policy: options.policy }));
  writeFileSync(files.svg, svg);
  writeFileSync(
    files.html,
    reportHtml({
      title,
      subtitle: `Scenario ${options.scenarioPath} (${options.scenario.name}); every payout deposited on chain and read back.`,
      svg,
      figures: [
        [
          "Paid to holders in WBTC (mining)",
          `${summary.onChain.wbtc.totalDeposited === "0" ? "0" : formatAmount(BigInt(summary.onChain.wbtc.totalDeposited), 8)} WBTC`,
        ],
        ["Paid to holders in USDC (AI)", `${formatAmount(BigInt(summary.onChain.usdc.totalDeposited), 6)} USDC`],
        ["Per share (WBTC)", summary.perShare.wbtc],
        ["Per share (USDC)", summary.perShare.usdc],
        ["Per share, in USD at each day's price", summary.perShare.usd.toFixed(6)],
        ["Shares outstanding", formatAmount(readback.supply, 18)],
        [
          "On-chain totals match the model",
          summary.check.ok ? "yes" : `NO: ${summary.check.mismatches.length} mismatches`,
        ],
      ],
      policies,
      leader: policyLeader(policies),
      projection,
      links: [
        ["daily.csv", "daily ledger (CSV)"],
        ["summary.json", "summary (JSON)"],
        ["chart.svg", "chart (SVG)"],
      ],
    }),
  );
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
    ...(resumedFromDay === undefined ? {} : { resumedFromDay }),
    stats,
  };
}

/** Refuses a journal whose arguments or chain are not these. */
async function checkJournal(
  journal: Journal,
  args: RunArguments,
  client: ChainClient,
  instanceId: string,
  out: string,
): Promise<void> {
  const differences = argumentDifferences(journal.arguments, args);
  if (differences.length > 0) {
    throw new UserError(
      `${out} holds a run with other arguments (${differences.join(", ")}): rerun with the same arguments to resume it, ` +
        `or pass --fresh to start over, or choose another --out`,
    );
  }
  const chainId = (await client.chainId()).toString();
  const block = await client.block(journal.chain.deployBlock);
  const sameChain =
    chainId === journal.chain.chainId &&
    instanceId === journal.chain.instanceId &&
    block !== undefined &&
    block.hash === journal.chain.deployBlockHash &&
    (await client.code(journal.chain.pool)) !== "0x";
  if (!sameChain) {
    throw new UserError(
      `${out} holds a run on another chain (chain ${journal.chain.chainId}, pool ${journal.chain.pool} deployed in block ` +
        `${journal.chain.deployBlock}) and this chain is not it (a fresh in-process chain, or a restarted node): ` +
        `pass --fresh to start over there, or choose another --out`,
    );
  }
}

/**
 * The indexes of `plan`'s operations that a crashed run already sent: per sender, as many of its operations (in
 * plan order) as its nonce moved since the checkpoint. Deposits are cross-checked with `isEpochFunded`.
 */
async function alreadySent(
  plan: DayPlan,
  checkpoint: Record<string, number>,
  current: Record<string, number>,
  client: ChainClient,
  ifaces: SimInterfaces,
  contracts: SimContracts,
): Promise<Set<number>> {
  const bySender = new Map<string, number[]>();
  plan.ops.forEach((op, index) => {
    const list = bySender.get(op.from) ?? [];
    list.push(index);
    bySender.set(op.from, list);
  });
  const done = new Set<number>();
  const day = plan.result.day;
  for (const [from, indexes] of bySender) {
    const before = checkpoint[from];
    const now = current[from];
    if (before === undefined || now === undefined || now - before < 0 || now - before > indexes.length) {
      throw new UserError(
        `the chain does not match the journal on day ${day}: ${from} sent ${now === undefined || before === undefined ? "?" : now - before} ` +
          `transaction(s) since the day began, the plan has ${indexes.length}; pass --fresh to start over`,
      );
    }
    for (const index of indexes.slice(0, now - before)) done.add(index);
  }
  for (let i = 0; i < done.size; i++) {
    if (!done.has(i)) {
      throw new UserError(
        `the chain does not match the journal on day ${day}: operation ${i} is missing; pass --fresh to start over`,
      );
    }
  }
  for (const [index, op] of plan.ops.entries()) {
    if (op.kind !== "deposit") continue;
    const token = op.token === "wbtc" ? contracts.wbtc : contracts.usdc;
    const funded =
      uint(
        await client.call(
          contracts.pool,
          ifaces.pool.encodeFunctionData("isEpochFunded", [token, op.source, op.epoch]),
        ),
      ) === 1n;
    if (funded !== done.has(index)) {
      throw new UserError(
        `the chain does not match the journal: epoch ${op.epoch} of ${op.token.toUpperCase()} (source ${op.source}) is ` +
          `${funded ? "" : "not "}funded; pass --fresh to start over`,
      );
    }
  }
  return done;
}

interface Readback {
  supply: bigint;
  tokens: Array<{ totalDeposited: bigint; totalClaimed: bigint; bySource: [bigint, bigint]; poolBalance: bigint }>;
  investors: Holding[];
  treasury: Holding;
  accountsChecked: number;
  mismatches: string[];
}

/** Reads the pool's totals and every account's position and compares them with the planner's mirror. */
async function readBack(
  client: ChainClient,
  ifaces: SimInterfaces,
  contracts: SimContracts,
  planner: Planner,
  roles: Roles,
  mode: "full" | "totals",
): Promise<Readback> {
  const { pool, token } = ifaces;
  const shadow = planner.shadow;
  const mismatches: string[] = [];
  const expect = (label: string, chain: bigint, planned: bigint): void => {
    if (chain !== planned) mismatches.push(`${label}: chain ${chain}, plan ${planned}`);
  };
  const tokenAddresses = [contracts.wbtc, contracts.usdc] as const;
  const [supply, ...tokenValues] = await readAll(client, [
    { to: contracts.pool, data: pool.encodeFunctionData("totalSupply") },
    ...tokenAddresses.flatMap((address) => [
      { to: contracts.pool, data: pool.encodeFunctionData("totalDeposited", [address]) },
      { to: contracts.pool, data: pool.encodeFunctionData("totalClaimed", [address]) },
      { to: contracts.pool, data: pool.encodeFunctionData("revenueBySource", [address, 0]) },
      { to: contracts.pool, data: pool.encodeFunctionData("revenueBySource", [address, 1]) },
      { to: address, data: token.encodeFunctionData("balanceOf", [contracts.pool]) },
    ]),
  ]);
  expect("totalSupply", supply!, shadow.supply);
  const tokens = TOKENS.map((name, t) => {
    const [totalDeposited, totalClaimed, mining, ai, poolBalance] = tokenValues.slice(t * 5, t * 5 + 5) as [
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
    ];
    const planned = shadow.totals(t as 0 | 1);
    expect(`${name} totalDeposited`, totalDeposited, planned.totalDeposited);
    expect(`${name} totalClaimed`, totalClaimed, planned.totalClaimed);
    expect(`${name} revenueBySource(0)`, mining, planned.bySource[0]);
    expect(`${name} revenueBySource(1)`, ai, planned.bySource[1]);
    expect(`${name} pool balance`, poolBalance, totalDeposited - totalClaimed);
    return { totalDeposited, totalClaimed, bySource: [mining, ai] as [bigint, bigint], poolBalance };
  });

  // Accounts: the treasury always; every investor in "full" mode (else the mirror's values are reported).
  const accounts = [
    { label: "treasury", address: roles.treasury, investor: false },
    ...planner.investors.map((investor) => ({
      label: `#${investor.index + 1}`,
      address: investor.address,
      investor: true,
    })),
  ];
  const checked = mode === "full" ? accounts : accounts.slice(0, 1);
  const calls = checked.flatMap(({ address, investor }) => [
    { to: contracts.pool, data: pool.encodeFunctionData("balanceOf", [address]) },
    { to: contracts.pool, data: pool.encodeFunctionData("claimable", [address, contracts.wbtc]) },
    { to: contracts.pool, data: pool.encodeFunctionData("claimable", [address, contracts.usdc]) },
    ...(investor
      ? [
          { to: contracts.wbtc, data: token.encodeFunctionData("balanceOf", [address]) },
          { to: contracts.usdc, data: token.encodeFunctionData("balanceOf", [address]) },
        ]
      : []),
  ]);
  const values = await readAll(client, calls);
  let cursor = 0;
  const holdings: Holding[] = accounts.map(({ label, address, investor }, i) => {
    const planned = shadow.account(address);
    if (i >= checked.length) {
      return { label, address, shares: planned.balance, claimed: planned.claimed, claimable: planned.claimable };
    }
    const shares = values[cursor++]!;
    const claimable: [bigint, bigint] = [values[cursor++]!, values[cursor++]!];
    expect(`${label} balanceOf`, shares, planned.balance);
    expect(`${label} claimable(WBTC)`, claimable[0], planned.claimable[0]);
    expect(`${label} claimable(USDC)`, claimable[1], planned.claimable[1]);
    if (investor) {
      // An investor's WBTC and USDC are exactly what it claimed (its faucet USDC all went to the sale).
      expect(`${label} WBTC balance`, values[cursor++]!, planned.claimed[0]);
      expect(`${label} USDC balance`, values[cursor++]!, planned.claimed[1]);
    }
    return { label, address, shares, claimed: planned.claimed, claimable };
  });
  return {
    supply: supply!,
    tokens,
    treasury: holdings[0]!,
    investors: holdings.slice(1),
    accountsChecked: checked.length,
    mismatches,
  };
}

function buildSummary(input: {
  options: RunOptions;
  info: { chainId: bigint };
  plans: readonly DayPlan[];
  rows: readonly DailyRow[];
  readback: Readback;
  policies: Record<PolicyName, PolicyTotals>;
  projection: PolicyProjection;
  terms: PoolTerms;
}): Summary {
  const { options, plans, readback, policies, projection, terms } = input;
  const sum = (f: (plan: DayPlan) => bigint): bigint => plans.reduce((total, plan) => total + f(plan), 0n);
  const sumNumber = (f: (plan: DayPlan) => number): number => plans.reduce((total, plan) => total + f(plan), 0);
  const modelWbtc = sum((p) => p.result.payoutWbtcSats);
  const modelUsdc = sum((p) => p.result.payoutUsdcUnits);
  const undistributedWbtc = sum((p) => p.undistributedWbtc);
  const undistributedUsdc = sum((p) => p.undistributedUsdc);
  const mismatches = [...readback.mismatches];
  // The model's totals, less anything that could not be deposited, must be what the chain holds.
  const [wbtcChain, usdcChain] = readback.tokens as [Readback["tokens"][0], Readback["tokens"][0]];
  if (wbtcChain.totalDeposited !== modelWbtc - undistributedWbtc) {
    mismatches.push(`WBTC: model ${modelWbtc - undistributedWbtc}, chain totalDeposited ${wbtcChain.totalDeposited}`);
  }
  if (usdcChain.totalDeposited !== modelUsdc - undistributedUsdc) {
    mismatches.push(`USDC: model ${modelUsdc - undistributedUsdc}, chain totalDeposited ${usdcChain.totalDeposited}`);
  }
  const lastRow = input.rows.at(-1);
  const investors = readback.investors;
  const add = (f: (h: Holding) => bigint): bigint => investors.reduce((total, h) => total + f(h), 0n);
  const onChainToken = (t: Readback["tokens"][0]) => ({
    totalDeposited: t.totalDeposited.toString(),
    totalClaimed: t.totalClaimed.toString(),
    revenueBySource: { mining: t.bySource[0].toString(), ai: t.bySource[1].toString() },
    outstanding: (t.totalDeposited - t.totalClaimed).toString(),
  });
  const projected = policyTotalsJson(projection.totals);
  return {
    arguments: runArguments(options),
    network: { chainId: input.info.chainId.toString() },
    pool: {
      sharesPerTHs: terms.sharesPerTHs.toString(),
      pricePerShareUsdc: terms.pricePerShare.toString(),
      finalSupply: readback.supply.toString(),
    },
    model: {
      wbtc: { mining: modelWbtc.toString(), ai: "0", total: modelWbtc.toString() },
      usdc: { mining: "0", ai: modelUsdc.toString(), total: modelUsdc.toString() },
      undistributed: { wbtc: undistributedWbtc.toString(), usdc: undistributedUsdc.toString() },
      daysPaid: {
        wbtc: plans.filter((p) => p.depositedWbtc > 0n).length,
        usdc: plans.filter((p) => p.depositedUsdc > 0n).length,
      },
      usd: {
        miningNet: roundUsd(sumNumber((p) => p.result.miningUsdNet)),
        aiNet: roundUsd(sumNumber((p) => p.result.aiUsdNet)),
        operatorFee: roundUsd(sumNumber((p) => p.result.operatorFeeUsd)),
        energyCost: roundUsd(sumNumber((p) => p.result.energyCostUsd)),
        aiCost: roundUsd(sumNumber((p) => p.result.aiCostUsd)),
        conversionCapex: roundUsd(sumNumber((p) => p.result.conversionCapexUsd)),
      },
    },
    onChain: {
      totalSupply: readback.supply.toString(),
      wbtc: onChainToken(wbtcChain),
      usdc: onChainToken(usdcChain),
    },
    check: { ok: mismatches.length === 0, accountsChecked: readback.accountsChecked, mismatches },
    perShare: {
      wbtc: perShareOverRun(plans, "wbtc"),
      usdc: perShareOverRun(plans, "usdc"),
      usd: Number(lastRow?.cumulativeUsdPerShare ?? 0),
    },
    investors: {
      count: investors.length,
      holding: investors.filter((h) => h.shares > 0n).length,
      shares: add((h) => h.shares).toString(),
      bought: sum((p) => p.sold).toString(),
      paidUsdc: sum((p) => p.ops.reduce((t, op) => (op.kind === "buy" ? t + op.cost : t), 0n)).toString(),
      claimed: { wbtc: add((h) => h.claimed[0]).toString(), usdc: add((h) => h.claimed[1]).toString() },
      claimable: { wbtc: add((h) => h.claimable[0]).toString(), usdc: add((h) => h.claimable[1]).toString() },
    },
    treasury: {
      shares: readback.treasury.shares.toString(),
      claimed: { wbtc: readback.treasury.claimed[0].toString(), usdc: readback.treasury.claimed[1].toString() },
      claimable: { wbtc: readback.treasury.claimable[0].toString(), usdc: readback.treasury.claimable[1].toString() },
    },
    activity: {
      transactions: sumNumber((p) => p.ops.length),
      buys: sumNumber((p) => p.buys),
      transfers: sumNumber((p) => p.transfers),
      claims: sumNumber((p) => p.claims),
      deposits: sumNumber((p) => p.ops.filter((op) => op.kind === "deposit").length),
    },
    policies: { ...policyTotalsJson(policies), ...policyLeader(policies) },
    policyProjection: {
      days: projection.days,
      onChainDays: projection.runDays,
      usdPer1000Shares: Object.fromEntries(
        POLICY_NAMES.map((policy) => [policy, projected[policy].usdPer1000Shares]),
      ) as Record<PolicyName, number>,
      ...projection.leader,
      policies: projected,
    },
  };
}

/** What one share held from day 0 received over the run, per token (exact decimal, per-day rounding summed). */
function perShareOverRun(plans: readonly DayPlan[], token: "wbtc" | "usdc"): string {
  // Σ amount_d / supply_d, exact in units of 1e-6 base unit per share, then formatted.
  let scaled = 0n;
  for (const plan of plans) {
    const amount = token === "wbtc" ? plan.depositedWbtc : plan.depositedUsdc;
    if (plan.supply === 0n) continue;
    scaled += (amount * 10n ** 18n * 10n ** 6n) / plan.supply;
  }
  return formatAmount(scaled, (token === "wbtc" ? 8 : 6) + 6);
}
