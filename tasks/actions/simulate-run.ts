import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { UserError } from "../../src/cli/errors.js";
import { formatNumber, formatTokenAmount, formatUsd } from "../../src/cli/amount.js";
import { displayPath } from "../../src/cli/output.js";
import { TOKEN_FACTS, type PayoutToken } from "../../src/tokens.js";
import { parametersPathFor } from "../../src/deployment/index.js";
import { POLICY_NAMES, type PolicyName } from "../../src/model/index.js";
import {
  bandLine,
  decisionLines,
  describeLeader,
  horizonLabel,
  holdingsTable,
  interruptedMessage,
  investorLines,
  parseSimulateArguments,
  runComparison,
  runSimulation,
  SimulationInterrupted,
  type CompareResult,
  type RawSimulateArguments,
  type RunOptions,
  type RunResult,
} from "../../src/sim/index.js";
import { connectionError } from "../../src/connection/errors.js";
import { taskAction, type CommonArguments } from "./run.js";

/** The `simulate` task's options: those the run is defined by, and how to print it. */
export interface SimulateTaskArguments extends CommonArguments, RawSimulateArguments {
  top: number;
  quiet: boolean;
}

/** Connects to the selected network, turning connection failures into one line. */
async function connect(hre: HardhatRuntimeEnvironment): Promise<NetworkConnection> {
  return withConnectionErrors(hre, () => hre.network.create());
}

/** Runs `body`, turning the errors of an unreachable or misconfigured network into one line. */
async function withConnectionErrors<T>(hre: HardhatRuntimeEnvironment, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw connectionError(error, hre.globalOptions.network ?? "default") ?? error;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const grouped = (n: number): string => formatNumber(n);
/** To the cent, thousands grouped: the precision at which policies tie. */
const cents = (usd: number): string => formatUsd(usd);
const shown = (token: PayoutToken) => ({ shown: TOKEN_FACTS[token].shown, grouped: true });
const wbtc = (value: bigint): string => formatTokenAmount(value, "wbtc", shown("wbtc"));
const usdc = (value: bigint): string => formatTokenAmount(value, "usdc", shown("usdc"));

function runLines(result: RunResult, networkName: string, root: string): string[] {
  const s = result.summary;
  const rate = result.stats.sendMs > 0 ? Math.round((result.stats.transactions * 1000) / result.stats.totalMs) : 0;
  const resumed = result.resumedFromDay === undefined ? "" : ` (resumed at day ${result.resumedFromDay})`;
  const figures = (per1000: (policy: PolicyName) => number): string =>
    POLICY_NAMES.map((policy) => `${policy} ${cents(per1000(policy))}`).join(" · ");
  const projection = s.policyProjection;
  return [
    `Simulated ${s.arguments.days} days of ${s.arguments.policy} (seed "${s.arguments.seed}", ${s.arguments.holders} investors) on network "${networkName}"${resumed}`,
    `  ${grouped(result.stats.transactions)} transactions in ${seconds(result.stats.totalMs)} (${grouped(rate)} tx/s); ` +
      `on-chain totals match the model: ${s.check.ok ? "yes" : "NO"} (${s.check.accountsChecked} accounts read back)`,
    `  paid to holders: ${wbtc(BigInt(s.onChain.wbtc.totalDeposited))} (mining, ${s.model.daysPaid.wbtc} days), ` +
      `${usdc(BigInt(s.onChain.usdc.totalDeposited))} (AI, ${s.model.daysPaid.usdc} days)`,
    `  one share from day 0 received ${s.perShare.wbtc} WBTC + ${s.perShare.usdc} USDC ≈ ${s.perShare.usd.toFixed(4)} USD`,
    `  policies on this price path over the run, USD per 1,000 starting shares (1 TH/s of the day-0 fleet each): ` +
      `${figures((policy) => s.policies[policy].usdPer1000Shares)} → ${describeLeader(s.policies)}`,
    ...(projection.days > s.arguments.days
      ? [
          `  model projection over ${horizonLabel(projection.days)} on the same price path (the first ${s.arguments.days} days are this run): ` +
            `${figures((policy) => projection.usdPer1000Shares[policy])} → ${describeLeader(projection)}`,
        ]
      : []),
    `  wrote ${displayPath(result.out, root)}/{daily.csv, investors.csv, decisions.csv, bands.csv, summary.json, chart.svg, report.html}`,
  ];
}

/**
 * The command that opens the dashboard on the run's deployment: with `--deployment` when the dashboard task has that
 * option, else through HASHSHARE_DEPLOYMENT_ID (which every task reads).
 */
export function dashboardCommand(hre: HardhatRuntimeEnvironment, networkName: string, deploymentId: string): string {
  let hasOption = false;
  try {
    hasOption = hre.tasks.getTask("dashboard").options.has("deployment");
  } catch {
    hasOption = false;
  }
  return hasOption
    ? `npx hardhat dashboard --network ${networkName} --deployment ${deploymentId}`
    : `HASHSHARE_DEPLOYMENT_ID=${deploymentId} npx hardhat dashboard --network ${networkName}`;
}

function compareLines(result: CompareResult, root: string): string[] {
  const lines = [`Policies compared on chain (seed "${result.runs[result.ranking[0]!].summary.arguments.seed}"):`];
  // Policies that paid the same to the cent share a rank.
  const rounded = (policy: PolicyName): number => Number((result.totals[policy].usdPerShare * 1000).toFixed(2));
  result.ranking.forEach((policy) => {
    const totals = result.totals[policy];
    const rank = 1 + result.ranking.filter((other) => rounded(other) > rounded(policy)).length;
    lines.push(
      `  ${rank}. ${policy.padEnd(11)} ${cents(totals.usdPerShare * 1000).padStart(10)} USD per 1,000 starting shares  ` +
        `(${wbtc(totals.wbtc)} + ${usdc(totals.usdc)} to holders)`,
    );
  });
  lines.push(
    result.best === null
      ? `  ${describeLeader(result)}: they paid holders the same per share, to the cent`
      : `  ${result.best} paid holders most`,
  );
  lines.push(
    `  wrote ${displayPath(result.out, root)}/{compare.json, compare.svg, compare.html} and one folder per policy`,
  );
  return lines;
}

/** `simulate`, stage two: validate, connect, run (or compare), print. */
export default taskAction<SimulateTaskArguments>(async (args, session) => {
  const hre = session.hre;
  const root = hre.config.paths.root;
  if (!Number.isSafeInteger(args.top) || args.top < 0)
    throw new UserError(`--top must be a whole number, got ${args.top}`);
  const parsed = parseSimulateArguments(args, root);
  const networkName = hre.globalOptions.network ?? "default";
  const base: Omit<RunOptions, "policy" | "out" | "deploymentId"> = {
    days: parsed.days,
    seed: parsed.seed,
    holders: parsed.holders,
    scenario: parsed.scenario,
    scenarioPath: parsed.scenarioPath,
    scenarioSha256: parsed.scenarioSha256,
    fresh: parsed.fresh,
    parametersPath: parametersPathFor(networkName, hre.config.paths.ignition),
    bandPaths: parsed.bandPaths,
    quiet: args.quiet || args.json,
    warn: (message) => console.error(`Warning: ${message}`),
  };
  // Ctrl-C: one line with the day reached and the command that resumes (the progress bar is already stopped).
  const interrupted = (error: unknown): never => {
    if (!(error instanceof SimulationInterrupted)) throw error;
    throw new UserError(interruptedMessage(error, parsed, hre.globalOptions.network, root));
  };

  if (parsed.compare) {
    const result = await withConnectionErrors(hre, () =>
      runComparison(
        async () => connect(hre),
        { ...base, out: parsed.out },
        (policy) => {
          if (!args.json) console.error(`  ${policy}: done`);
        },
      ).catch(interrupted),
    );
    return {
      text: compareLines(result, root).join("\n"),
      json: {
        best: result.best,
        tied: result.tied,
        ranking: result.ranking,
        files: result.files,
        summaries: Object.fromEntries(Object.entries(result.runs).map(([policy, run]) => [policy, run.summary])),
      },
    };
  }

  const connection = await connect(hre);
  try {
    const result = await withConnectionErrors(hre, () =>
      runSimulation(connection, { ...base, policy: parsed.policy, out: parsed.out }).catch(interrupted),
    );
    const deployment =
      result.deploymentId === undefined
        ? []
        : [
            `  Ignition deployment: ${result.deploymentId}; watch it with \`${dashboardCommand(hre, connection.networkName, result.deploymentId)}\``,
          ];
    const text = [
      ...runLines(result, connection.networkName, root),
      ...deployment,
      "",
      ...decisionLines(result.decisions, parsed.policy),
      ...(result.bands === null ? [] : [bandLine(result.bands)]),
      "",
      holdingsTable({ investors: result.investors, treasury: result.treasury, supply: result.supply }, args.top),
      "",
      ...investorLines(result.investorView),
    ].join("\n");
    return {
      text,
      json: {
        ...result.summary,
        files: result.files,
        ...(result.deploymentId === undefined ? {} : { deploymentId: result.deploymentId }),
      },
    };
  } finally {
    await connection.close();
  }
});
