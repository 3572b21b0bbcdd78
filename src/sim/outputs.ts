/**
 * The run's files in its output directory: daily.csv (one row per day), investors.csv, decisions.csv (the policy's
 * decisions with their two values), bands.csv (the model's bands beside the on-chain path), summary.json, chart.svg
 * and report.html (the chart inline, with the key figures, the investor's view, the bands, the decisions and the
 * policies side by side).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { formatNumber, formatShares, formatTokenAmount } from "../cli/amount.js";
import type { PolicyName } from "../model/index.js";
import { stringify } from "csv-stringify/sync";

import type { RunBands } from "./bands.js";
import { chartSpec, renderSvg, type ChartInput } from "./chart.js";
import { decisionsCsv, decisionSection, type DecisionRow } from "./decisions.js";
import { investorsCsv, investorSection } from "./investor-report.js";
import type { InvestorView } from "./investor-view.js";
import { journalPath } from "./journal.js";
import { escapeHtml } from "../report/html-page.js";
import { reportHtml, type PolicyProjection } from "./page.js";
import { SATS_PER_BTC } from "../tokens.js";
import { dailyCsv, type DailyRow } from "./report.js";
import { policyLeader, type PolicyTotals } from "./policy-comparison.js";
import type { Summary } from "./summary.js";

/** The files a run writes. */
export interface RunFiles {
  csv: string;
  summary: string;
  svg: string;
  html: string;
  investors: string;
  decisions: string;
  bands: string;
  journal: string;
}

export function runFiles(out: string): RunFiles {
  return {
    csv: path.join(out, "daily.csv"),
    summary: path.join(out, "summary.json"),
    svg: path.join(out, "chart.svg"),
    html: path.join(out, "report.html"),
    investors: path.join(out, "investors.csv"),
    decisions: path.join(out, "decisions.csv"),
    bands: path.join(out, "bands.csv"),
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
  decisions: readonly DecisionRow[];
  bands: RunBands | null;
}): Promise<RunFiles> {
  const files = runFiles(input.out);
  writeFileSync(files.csv, dailyCsv(input.rows));
  writeFileSync(files.summary, `${JSON.stringify(input.summary, null, 2)}\n`);
  writeFileSync(files.investors, investorsCsv(input.view));
  writeFileSync(files.decisions, decisionsCsv(input.decisions));
  writeFileSync(files.bands, bandsCsv(input.bands));
  const svg = await renderSvg(
    chartSpec({
      title: input.title,
      rows: input.rows,
      paths: input.paths,
      policy: input.policy,
      bands: input.bands,
    }),
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
      sections: [investorSection(input.view), bandSection(input.bands), decisionSection(input.decisions, input.policy)],
      links: [
        ["daily.csv", "daily ledger (CSV)"],
        ["investors.csv", "investors (CSV)"],
        ["decisions.csv", "policy decisions (CSV)"],
        ["bands.csv", "model bands beside the on-chain path (CSV)"],
        ["summary.json", "summary (JSON)"],
        ["chart.svg", "chart (SVG)"],
      ],
    }),
  );
  return files;
}

/** bands.csv: every sample day's bands and the on-chain value, per share of the chain (exact, for programs). */
export function bandsCsv(bands: RunBands | null): string {
  const columns = ["unit", "day", "date", "p5", "p25", "p50", "p75", "p95", "on_chain"];
  const digits = (unit: string): number => (unit === "USD" ? 8 : 12);
  const rows = (bands?.points ?? []).map((p) => [
    p.unit,
    p.day,
    p.date,
    ...[p.p5, p.p25, p.p50, p.p75, p.p95, p.onChain].map((v) => v.toFixed(digits(p.unit))),
  ]);
  return stringify(rows, { header: true, columns });
}

/** The report page's section on the bands: the last sample day's figures (the chart has the whole path). */
export function bandSection(bands: RunBands | null): string {
  if (bands === null) return "";
  const lastOf = (unit: "USD" | "BTC") => bands.points.filter((p) => p.unit === unit).at(-1)!;
  const usd = lastOf("USD");
  const btc = lastOf("BTC");
  const sats = Number(SATS_PER_BTC);
  const cells = (p: typeof usd, scale: number, digits: number): string =>
    [p.p5, p.p25, p.p50, p.p75, p.p95, p.onChain].map((v) => `<td>${formatNumber(v * scale, digits)}</td>`).join("");
  return `<h2>The on-chain run inside the model's spread</h2>
<p class="note">${formatNumber(bands.paths)} paths of the model for the same scenario, seed and policy (${escapeHtml(bands.policy)}; the
on-chain run is path 0), as <code>hardhat analyze</code> computes them, per share of this pool, cumulated to ${usd.date}
(day ${formatNumber(usd.day)}). The chart below shows the whole path.</p>
<table>
<thead><tr><th>cumulative payout per share</th><th>p5</th><th>p25</th><th>median</th><th>p75</th><th>p95</th><th>on chain</th></tr></thead>
<tr><th>USD (at each day's price)</th>${cells(usd, 1, 4)}</tr>
<tr><th>sats (BTC at each day's price)</th>${cells(btc, sats, 0)}</tr>
</table>
<p class="note">Every sample day: <a href="bands.csv">bands.csv</a>.</p>`;
}
