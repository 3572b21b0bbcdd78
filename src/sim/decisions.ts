/**
 * The policy's decisions, explained: on day 0 and on the first day of each difficulty epoch the v2 model's policy
 * values one block of AI capacity two ways — the present value of its AI net income and of the mining margin it would
 * earn instead, both in USD per gross MW at the scenario's discount rate (src/model/valuation.ts) — and converts
 * or keeps mining (src/model/policies.ts). This file only reads those decisions off the run's model path and puts
 * them into words, tables and CSV; it decides nothing itself.
 */
import { stringify } from "csv-stringify/sync";

import { formatNumber } from "../cli/amount.js";
import { dateOfDay, type Decision, type PathResult } from "../model/index.js";
import { escapeHtml } from "../report/html-page.js";

/** One decision of the run, as the report shows it. */
export interface DecisionRow {
  day: number;
  date: string;
  /** true when the policy started converting capacity to AI that day */
  converted: boolean;
  /** gross MW it started converting (0 when it kept mining) */
  convertedMw: number;
  /** present value of one block's AI net income, USD per gross MW */
  aiValueUsdPerMw: number;
  /** present value of the mining margin that block would earn instead, USD per gross MW */
  miningValueUsdPerMw: number;
  /** the sentence a person reads */
  explanation: string;
}

/** USD per MW, whole dollars, thousands grouped. */
const usdPerMw = (usd: number): string => `${formatNumber(Math.round(usd))} USD/MW`;

/** The sentence of one decision: the day, what the policy did, and the two values that decided it. */
export function explainDecision(decision: Decision, date: string): string {
  const ai = usdPerMw(decision.aiValueUsdPerMw);
  const mining = usdPerMw(decision.miningValueUsdPerMw);
  const when = `${date} (day ${formatNumber(decision.day)})`;
  if (decision.policy === "ai-only") {
    return (
      `${when}: converted ${formatNumber(decision.convertedMw, 1)} MW to AI, as ai-only always does while AI capacity ` +
      `is below maxAiShare (AI value ${ai}, mining value ${mining})`
    );
  }
  return decision.convertedMw > 0
    ? `${when}: converted ${formatNumber(decision.convertedMw, 1)} MW to AI, because the AI value ${ai} is above the mining value ${mining}`
    : `${when}: kept mining, because the AI value ${ai} is not above the mining value ${mining}`;
}

/** The decisions of `path` on days 0 … `days − 1` (all of them by default), in day order. */
export function decisionRows(path: PathResult, days = path.days): DecisionRow[] {
  return path.decisions
    .filter((decision) => decision.day < days)
    .map((decision) => {
      const date = dateOfDay(path.startDate, decision.day);
      return {
        day: decision.day,
        date,
        converted: decision.convertedMw > 0,
        convertedMw: decision.convertedMw,
        aiValueUsdPerMw: decision.aiValueUsdPerMw,
        miningValueUsdPerMw: decision.miningValueUsdPerMw,
        explanation: explainDecision(decision, date),
      };
    });
}

/** What a run with no decision says instead (mining-only never converts; a full pool has nothing to decide). */
export function noDecisionText(policy: string): string {
  return policy === "mining-only"
    ? "mining-only never converts capacity: it makes no decision"
    : "no decision: no block of AI capacity fitted under maxAiShare on any evaluation day";
}

/** decisions.csv: exact values for programs (no separators). */
export function decisionsCsv(rows: readonly DecisionRow[]): string {
  return stringify(
    rows.map((r) => [
      r.day,
      r.date,
      r.converted ? "converted" : "kept mining",
      r.convertedMw.toFixed(4),
      r.aiValueUsdPerMw.toFixed(2),
      r.miningValueUsdPerMw.toFixed(2),
    ]),
    {
      header: true,
      columns: ["day", "date", "decision", "converted_mw", "ai_value_usd_per_mw", "mining_value_usd_per_mw"],
    },
  );
}

/** The terminal's lines: one per decision (the first `max`, then how many more). */
export function decisionLines(rows: readonly DecisionRow[], policy: string, max = 8): string[] {
  if (rows.length === 0) return [`Decisions: ${noDecisionText(policy)}.`];
  const lines = [
    `Decisions (${policy}; values are present values at the scenario's discount rate, USD per gross MW):`,
    ...rows.slice(0, max).map((r) => `  ${r.explanation}`),
  ];
  if (rows.length > max) lines.push(`  … ${formatNumber(rows.length - max)} more in decisions.csv`);
  return lines;
}

/** The report page's section: every decision in a table. */
export function decisionSection(rows: readonly DecisionRow[], policy: string): string {
  const intro =
    `<p class="note">On day 0 and on the first day of each difficulty epoch the policy values one block of AI ` +
    `capacity twice: the AI value (present value of its AI net income over the contract and its renewal) and the ` +
    `mining value (present value of the mining margin the same capacity would earn instead), both in USD per gross ` +
    `MW at the scenario's discount rate. Arbitrage converts when the AI value is higher; ai-only converts whatever ` +
    `the values.</p>`;
  if (rows.length === 0) return `<h2>Policy decisions</h2>\n<p class="note">${escapeHtml(noDecisionText(policy))}.</p>`;
  const body = rows
    .map(
      (r) =>
        `<tr><th>${r.date}</th><td>${formatNumber(r.day)}</td><td>${r.converted ? `converted ${formatNumber(r.convertedMw, 1)} MW` : "kept mining"}</td>` +
        `<td>${formatNumber(Math.round(r.aiValueUsdPerMw))}</td><td>${formatNumber(Math.round(r.miningValueUsdPerMw))}</td></tr>`,
    )
    .join("\n");
  return `<h2>Policy decisions (${escapeHtml(policy)})</h2>
${intro}
<table>
<thead><tr><th>date (UTC)</th><th>day</th><th>decision</th><th>AI value (USD per gross MW)</th><th>mining value (USD per gross MW)</th></tr></thead>
${body}
</table>
<p class="note">Every decision: <a href="decisions.csv">decisions.csv</a>.</p>`;
}
