/**
 * The analyze report page: a standalone HTML file (inline SVG, no script, no network) with the investor's figures per
 * policy, the BTC holding beside them, the fan charts and the tornado, and what each figure means.
 */
import { dayCount, grouped, percent } from "./format.js";
import type { BacktestResult } from "./backtest.js";
import { medianIrr, type PolicySummary, type HoldSummary } from "./summary.js";
import type { Tornado } from "./tornado.js";

import { escapeHtml, htmlPage } from "../report/html-page.js";

const cell = (text: string): string => `<td>${escapeHtml(text)}</td>`;
const band = (p5: string, p50: string, p95: string): string => `${p50} <span class="range">(${p5} … ${p95})</span>`;

export interface PageInput {
  title: string;
  subtitle: string;
  priceUsd: number;
  discountRate: number;
  years: number;
  policies: readonly PolicySummary[];
  hold: HoldSummary;
  tornado: Tornado | null;
  svgs: { fan: string; policies: string; tornado: string | null; backtest: string | null };
  backtest: BacktestResult | null;
  notes: readonly string[];
  links: ReadonlyArray<readonly [string, string]>;
}

function policyRows(policies: readonly PolicySummary[]): string {
  return [...policies]
    .sort((a, b) => a.rank - b.rank)
    .map((s) => {
      const cells = [
        String(s.rank),
        grouped(s.npvUsd.mean),
        band(percent(s.irr.p5), percent(s.irr.p50), percent(s.irr.p95)),
        percent(s.yieldPerYear.p50),
        band(grouped(s.totalUsd.p5), grouped(s.totalUsd.p50), grouped(s.totalUsd.p95)),
        dayCount(s.paybackDay.p50),
        percent(s.chanceNotRepaid, 0),
        percent(s.chanceBeatsBtc, 0),
        percent(s.bestOnPaths, 0),
      ];
      return `<tr><th>${escapeHtml(s.policy)}</th>${cells.map((c, i) => (i === 2 || i === 4 ? `<td>${c}</td>` : cell(c))).join("")}</tr>`;
    })
    .join("\n");
}

function tornadoRows(tornado: Tornado): string {
  return tornado.bars
    .map(
      (bar) =>
        `<tr><th>${escapeHtml(bar.label)}</th>${cell(`${grouped(bar.low, bar.low < 10 ? 2 : 0)} → ${grouped(bar.high, bar.high < 10 ? 2 : 0)} ${bar.unit}`)}${cell(percent(bar.irrAtLow))}${cell(percent(bar.irrAtHigh))}${cell(grouped(bar.npvAtLow))}${cell(grouped(bar.npvAtHigh))}</tr>`,
    )
    .join("\n");
}

function backtestSection(backtest: BacktestResult, svg: string | null): string {
  const rows = backtest.policies
    .map((s) => {
      const irr = percent(medianIrr(s));
      const cells = [
        grouped(s.totalUsd.p50),
        grouped(s.totalBtc.p50 * 1e8, 0),
        percent(s.yieldPerYear.p50),
        irr,
        grouped(s.npvUsd.p50),
        dayCount(s.paybackDay.p50),
      ];
      return `<tr><th>${escapeHtml(s.policy)}</th>${cells.map(cell).join("")}</tr>`;
    })
    .join("\n");
  const span = `${backtest.start} to ${backtest.end} (${backtest.days.toLocaleString("en-US")} days${backtest.truncated ? ", to the end of the history" : ""})`;
  return `<h2>Backtest on the shipped history, ${escapeHtml(span)}</h2>
<p class="note">BTC price, fees and difficulty as they were; the pool, the sale and the policies as in the scenario. The price held in BTC over the same days: ${escapeHtml(grouped(backtest.hold.endUsd.p50))} USD at the end, IRR ${escapeHtml(percent(medianIrr(backtest.hold)))} per year.</p>
<table>
<thead><tr><th>policy</th><th>payouts, USD</th><th>payouts, sats</th><th>yield per year</th><th>IRR per year</th><th>NPV, USD</th><th>payback</th></tr></thead>
${rows}
</table>
${svg ?? ""}`;
}

export function reportPage(input: PageInput): string {
  const h = input.hold;
  const tornado =
    input.tornado === null
      ? '<p class="note">No tornado (--tornado-paths 0).</p>'
      : `${input.svgs.tornado ?? ""}
<table>
<thead><tr><th>input</th><th>range</th><th>median IRR, low end</th><th>high end</th><th>mean NPV, USD, low end</th><th>high end</th></tr></thead>
${tornadoRows(input.tornado)}
</table>`;
  return htmlPage({
    title: input.title,
    subtitle: input.subtitle,
    maxWidthPx: 1000,
    style: ".range { color: #888; font-size: 0.8rem; white-space: nowrap; }",
    links: input.links,
    body: `<h2>One share bought at ${escapeHtml(grouped(input.priceUsd))} USD, held ${escapeHtml(grouped(input.years, input.years % 1 === 0 ? 0 : 2))} years</h2>
<table>
<thead><tr><th>policy</th><th>rank</th><th>mean NPV at ${escapeHtml(percent(input.discountRate))}, USD</th><th>IRR per year, median (p5 … p95)</th><th>yield per year, median</th><th>payouts, USD, median (p5 … p95)</th><th>payback, median</th><th>chance payouts never repay the price</th><th>chance it beats holding BTC</th><th>best NPV on paths</th></tr></thead>
${policyRows(input.policies)}
</table>
<p class="note">The same ${escapeHtml(grouped(input.priceUsd))} USD held in BTC from day 0 on the same paths: worth ${band(grouped(h.endUsd.p5), grouped(h.endUsd.p50), grouped(h.endUsd.p95))} USD at the end, IRR ${escapeHtml(percent(medianIrr(h)))} per year (median), less than the price on ${escapeHtml(percent(h.chanceLoss, 0))} of paths.</p>
<ul>
${input.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("\n")}
</ul>
<h2>Cumulative payout per share</h2>
${input.svgs.fan}
${input.svgs.policies}
<h2>What moves the IRR</h2>
${tornado}
${input.backtest === null ? "" : backtestSection(input.backtest, input.svgs.backtest)}
`,
  });
}
