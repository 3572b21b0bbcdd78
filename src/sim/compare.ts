/**
 * `--compare`: the three allocation policies run on chain on the same seed (so on the same price, difficulty and fee
 * path), each on its own deployment — its own fresh in-process chain, or its own Ignition deployment on a node —
 * in `<out>/<policy>/`, then ranked by what one starting share received (the holders' payouts over the scenario's
 * starting shares, the same for every policy: `startingSupply`), with a chart and a standalone page.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

import type { NetworkConnection } from "hardhat/types/network";

import { formatTokenAmount } from "../cli/amount.js";
import { POLICY_NAMES, type PolicyName } from "../model/index.js";
import { chartSpec, renderSvg } from "./chart.js";
import { reportHtml } from "./page.js";
import { toWholeShares } from "../tokens.js";
import { roundUsd } from "./report.js";
import { policyLeader, startingSupply, type PolicyTotals } from "./policy-comparison.js";
import { runSimulation, type RunOptions, type RunResult } from "./run.js";

export interface CompareResult {
  out: string;
  runs: Record<PolicyName, RunResult>;
  totals: Record<PolicyName, PolicyTotals>;
  ranking: PolicyName[];
  /** The policy that paid one share most; null when the top policies paid the same to the cent (see `tied`). */
  best: PolicyName | null;
  tied: PolicyName[];
  files: { json: string; svg: string; html: string };
}

/** What the holders of a chain run received each day, cumulated, per starting share (`starting`, base units). */
export function chainPath(
  run: RunResult,
  starting: bigint,
): Array<{ date: string; usd: number; cumulativeUsdPerShare: number }> {
  const shares = toWholeShares(starting);
  let usd = 0;
  return run.rows.map((row) => {
    usd += Number(row.depositedWbtc) * Number(row.btcPriceUsd) + Number(row.depositedUsdc);
    return { date: row.date, usd, cumulativeUsdPerShare: usd / shares };
  });
}

/** What the holders of a chain run received: deposits read back, USD at each day's price, per starting share. */
export function chainTotals(run: RunResult, starting: bigint): PolicyTotals {
  const last = chainPath(run, starting).at(-1);
  return {
    wbtc: BigInt(run.summary.onChain.wbtc.totalDeposited),
    usdc: BigInt(run.summary.onChain.usdc.totalDeposited),
    usd: last?.usd ?? 0,
    usdPerShare: last?.cumulativeUsdPerShare ?? 0,
  };
}

/** Policies from the most to the least paid per share (ties keep `POLICY_NAMES` order). */
export function rankPolicies(totals: Readonly<Record<PolicyName, PolicyTotals>>): PolicyName[] {
  return [...POLICY_NAMES].sort((a, b) => totals[b].usdPerShare - totals[a].usdPerShare);
}

/**
 * Runs every policy. `connect(policy)` gives the connection to run it on (a new in-process chain each, or the same
 * node, where each fresh run deploys its own contracts).
 */
export async function runComparison(
  connect: (policy: PolicyName) => Promise<NetworkConnection>,
  options: Omit<RunOptions, "policy" | "out" | "deploymentId"> & { out: string },
  onRun?: (policy: PolicyName, result: RunResult) => void,
): Promise<CompareResult> {
  const runs = {} as Record<PolicyName, RunResult>;
  for (const policy of POLICY_NAMES) {
    const connection = await connect(policy);
    try {
      runs[policy] = await runSimulation(connection, { ...options, policy, out: path.join(options.out, policy) });
    } finally {
      await connection.close();
    }
    onRun?.(policy, runs[policy]);
  }

  const starting = (policy: PolicyName): bigint =>
    startingSupply(options.scenario, BigInt(runs[policy].summary.pool.sharesPerTHs));
  const totals = Object.fromEntries(
    POLICY_NAMES.map((policy) => [policy, chainTotals(runs[policy], starting(policy))]),
  ) as Record<PolicyName, PolicyTotals>;
  const ranking = rankPolicies(totals);
  const leader = policyLeader(totals);
  const { best, tied } = leader;
  // The chart's top panels show one run: the best, or the first of a tie (then no policy is highlighted).
  const shown = best ?? ranking[0]!;
  const files = {
    json: path.join(options.out, "compare.json"),
    svg: path.join(options.out, "compare.svg"),
    html: path.join(options.out, "compare.html"),
  };
  const json = {
    arguments: {
      days: options.days,
      seed: options.seed,
      holders: options.holders,
      scenario: options.scenarioPath,
      scenarioSha256: options.scenarioSha256,
    },
    best,
    tied,
    ranking,
    policies: Object.fromEntries(
      POLICY_NAMES.map((policy) => {
        const run = runs[policy];
        return [
          policy,
          {
            wbtc: totals[policy].wbtc.toString(),
            usdc: totals[policy].usdc.toString(),
            usd: roundUsd(totals[policy].usd),
            usdPer1000Shares: roundUsd(totals[policy].usdPerShare * 1000, 4),
            perShare: run.summary.perShare,
            finalSupply: run.summary.onChain.totalSupply,
            check: run.summary.check.ok,
          },
        ];
      }),
    ),
  };
  writeFileSync(files.json, `${JSON.stringify(json, null, 2)}\n`);

  const paths = Object.fromEntries(
    POLICY_NAMES.map((policy) => [policy, chainPath(runs[policy], starting(policy))]),
  ) as Record<PolicyName, ReturnType<typeof chainPath>>;
  const title = `HashShare policies compared on chain — seed "${options.seed}", ${options.days} days, ${options.holders} investors`;
  const svg = await renderSvg(
    chartSpec({ title, rows: runs[shown].rows, paths, ...(best === null ? {} : { policy: best }) }),
  );
  writeFileSync(files.svg, svg);
  const per1000 = (policy: PolicyName): string => (totals[policy].usdPerShare * 1000).toFixed(2);
  writeFileSync(
    files.html,
    reportHtml({
      title,
      subtitle:
        best === null
          ? `Each policy ran on its own deployment and the policies tied (${tied.join(", ")}); the top panels show ${shown}'s run. Scenario ${options.scenarioPath}.`
          : `Each policy ran on its own deployment; the top panels show the best policy (${best}). Scenario ${options.scenarioPath}.`,
      svg,
      figures: [
        ...(best === null
          ? [["Tie", `${tied.join(", ")}: ${per1000(tied[0]!)} USD per 1,000 starting shares each`] as const]
          : [["Paid holders most", `${best}: ${per1000(best)} USD per 1,000 starting shares`] as const]),
        ...ranking
          .filter((policy) => policy !== best && !tied.includes(policy))
          .map((policy) => [policy, `${per1000(policy)} USD per 1,000 starting shares`] as const),
        ...POLICY_NAMES.map(
          (policy) =>
            [
              `${policy} on chain`,
              `${formatTokenAmount(totals[policy].wbtc, "wbtc")} + ${formatTokenAmount(totals[policy].usdc, "usdc")} deposited`,
            ] as const,
        ),
      ],
      policies: totals,
      leader,
      links: [
        ["compare.json", "comparison (JSON)"],
        ...POLICY_NAMES.map((policy) => [`${policy}/report.html`, `${policy} report`] as const),
      ],
    }),
  );
  return { out: options.out, runs, totals, ranking, best, tied, files };
}
