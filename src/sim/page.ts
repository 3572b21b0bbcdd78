/**
 * The simulator's report page: the key figures, the sections (investor's view, bands, decisions), the policies side by
 * side and the chart, in the shared page shell of src/report/html-page.ts (standalone: inline SVG, no script).
 */
import { formatNumber, formatPayout, formatUsd } from "../cli/amount.js";
import { POLICY_NAMES, type PolicyName } from "../model/index.js";
import { listLabels, POLICY_LABEL } from "./labels.js";
import { escapeHtml, htmlPage } from "../report/html-page.js";
import { horizonLabel, type PolicyLeader, type PolicyTotals } from "./policy-comparison.js";

/** The policies side by side over a projection longer than the chain run (see `projectionDays`). */
export interface PolicyProjection {
  /** Days projected (the first `runDays` are the chain run's). */
  days: number;
  runDays: number;
  totals: Readonly<Record<PolicyName, PolicyTotals>>;
  leader: PolicyLeader;
}

/** The reader's sentence under a policy table: who paid most, or who tied. */
function leaderSentence(leader: PolicyLeader, span: string, starred: boolean): string {
  if (leader.best === null) {
    return `Over ${span} the policies tie: ${listLabels(leader.tied)} paid the same per share, to the cent.`;
  }
  return starred
    ? `★ paid holders most over ${span}.`
    : `Over ${span}, ${POLICY_LABEL[leader.best]} paid holders most.`;
}

/**
 * A standalone HTML page: heading, key figures, the policies side by side, the chart as inline SVG, and links to the
 * data files. The ★ marks the policy that paid one share most over the longest span shown, and none on a tie.
 */
export function reportHtml(input: {
  title: string;
  subtitle: string;
  svg: string;
  figures: ReadonlyArray<readonly [string, string]>;
  /** The policies over the run. */
  policies: Readonly<Record<PolicyName, PolicyTotals>>;
  leader: PolicyLeader;
  /** The model projection past a short run, if any. */
  projection?: PolicyProjection;
  /** HTML sections after the key figures (already escaped). */
  sections?: readonly string[];
  links: ReadonlyArray<readonly [string, string]>;
}): string {
  const figureRows = input.figures
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  const projection = input.projection !== undefined && input.projection.days > input.projection.runDays;
  const shown = projection ? input.projection!.totals : input.policies;
  const starred = projection ? input.projection!.leader.best : input.leader.best;
  const per1000 = (totals: PolicyTotals): string => formatUsd(totals.usdPerShare * 1000);
  const policyRows = POLICY_NAMES.map((policy) => {
    const totals = shown[policy];
    const mark = policy === starred ? " ★" : "";
    const runCell = projection ? `<td>${per1000(input.policies[policy])}</td>` : "";
    return `<tr><th>${escapeHtml(POLICY_LABEL[policy])}${mark}</th>${runCell}<td>${per1000(totals)}</td><td>${formatPayout(totals.wbtc, "wbtc")}</td><td>${formatPayout(totals.usdc, "usdc")}</td><td>${formatUsd(totals.usd, 0)}</td></tr>`;
  }).join("\n");
  let head =
    "<th>USD per 1,000 starting shares</th><th>WBTC to holders</th><th>USDC to holders</th><th>USD to holders</th>";
  const unit =
    "A starting share is 1 TH/s of the fleet mining on day 0, the share the sale price is for: the policies are " +
    "compared on the same shares (a policy that converts on day 0 mints fewer on chain).";
  let notes: string[] = [leaderSentence(input.leader, "the run", true), unit];
  if (projection) {
    const { days, runDays } = input.projection!;
    const span = horizonLabel(days);
    head =
      `<th>USD per 1,000 starting shares, on-chain run (${formatNumber(runDays)} days)</th>` +
      `<th>USD per 1,000 starting shares, ${span}</th><th>WBTC to holders, ${span}</th><th>USDC to holders, ${span}</th>` +
      `<th>USD to holders, ${span}</th>`;
    notes = [
      `Model projection over ${span} (${formatNumber(days)} days) on the same seed and price path; the first ` +
        `${formatNumber(runDays)} days are the on-chain run.`,
      leaderSentence(input.leader, "the on-chain run", false),
      leaderSentence(input.projection!.leader, `the ${span}`, true),
      unit,
    ];
  }
  const policyNotes = notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join("\n");
  return htmlPage({
    title: input.title,
    subtitle: input.subtitle,
    // Wide enough for the chart at its own size (about 1,000 px): its text stays readable.
    maxWidthPx: 1020,
    links: input.links,
    body: `<table>
${figureRows}
</table>
${(input.sections ?? []).join("\n")}
<h2>Policies on the same price path</h2>
<table>
<thead><tr><th>policy</th>${head}</tr></thead>
${policyRows}
</table>
${policyNotes}
${input.svg}`,
  });
}
