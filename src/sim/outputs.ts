/**
 * The run's files in its output directory: daily.csv (one row per day), summary.json, chart.svg and report.html
 * (the chart inline, with the key figures and the policies side by side).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { formatShares, formatTokenAmount } from "../cli/amount.js";
import type { PolicyName } from "../model/index.js";
import { chartSpec, renderSvg, type ChartInput } from "./chart.js";
import { investorsCsv, investorSection } from "./investor-report.js";
import type { InvestorView } from "./investor-view.js";
import { journalPath } from "./journal.js";
import { reportHtml, type PolicyProjection } from "./page.js";
import { dailyCsv, policyLeader, type DailyRow, type PolicyTotals } from "./report.js";
import type { Summary } from "./summary.js";

/** The files a run writes. */
export interface RunFiles {
  csv: string;
  summary: string;
  svg: string;
  html: string;
  investors: string;
  journal: string;
}

export function runFiles(out: string): RunFiles {
  return {
    csv: path.join(out, "daily.csv"),
    summary: path.join(out, "summary.json"),
    svg: path.join(out, "chart.svg"),
    html: path.join(out, "report.html"),
    investors: path.join(out, "investors.csv"),
    journal: journalPath(out),
  };
}

/** The report's key figures, label and value. */
export function keyFigures(summary: Summary): Array<[string, string]> {
  const grouped = { grouped: true } as const;
  return [
    [
      "Paid to holders in WBTC (mining)",
      formatTokenAmount(BigInt(summary.onChain.wbtc.totalDeposited), "wbtc", grouped),
    ],
    ["Paid to holders in USDC (AI)", formatTokenAmount(BigInt(summary.onChain.usdc.totalDeposited), "usdc", grouped)],
    ["Per share (WBTC)", summary.perShare.wbtc],
    ["Per share (USDC)", summary.perShare.usdc],
    ["Per share, in USD at each day's price", summary.perShare.usd.toFixed(6)],
    ["Shares outstanding", formatShares(BigInt(summary.onChain.totalSupply), grouped)],
    ["On-chain totals match the model", summary.check.ok ? "yes" : `NO: ${summary.check.mismatches.length} mismatches`],
  ];
}

/** Writes daily.csv, summary.json, chart.svg and report.html into `out`. */
export async function writeOutputs(input: {
  out: string;
  title: string;
  subtitle: string;
  summary: Summary;
  rows: readonly DailyRow[];
  paths: ChartInput["paths"];
  policy: PolicyName;
  policies: Readonly<Record<PolicyName, PolicyTotals>>;
  projection: PolicyProjection;
  view: InvestorView;
}): Promise<RunFiles> {
  const files = runFiles(input.out);
  writeFileSync(files.csv, dailyCsv(input.rows));
  writeFileSync(files.summary, `${JSON.stringify(input.summary, null, 2)}\n`);
  writeFileSync(files.investors, investorsCsv(input.view));
  const svg = await renderSvg(
    chartSpec({ title: input.title, rows: input.rows, paths: input.paths, policy: input.policy }),
  );
  writeFileSync(files.svg, svg);
  writeFileSync(
    files.html,
    reportHtml({
      title: input.title,
      subtitle: input.subtitle,
      svg,
      figures: keyFigures(input.summary),
      policies: input.policies,
      leader: policyLeader(input.policies),
      projection: input.projection,
      sections: [investorSection(input.view)],
      links: [
        ["daily.csv", "daily ledger (CSV)"],
        ["investors.csv", "investors (CSV)"],
        ["summary.json", "summary (JSON)"],
        ["chart.svg", "chart (SVG)"],
      ],
    }),
  );
  return files;
}
