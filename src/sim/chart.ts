/**
 * The report a person looks at: a Vega-Lite chart (revenue per share by source over time, the three allocation
 * policies side by side on the same price path, and the BTC price that drives them), compiled by vega-lite,
 * rendered to SVG by vega without a browser, and wrapped in a standalone HTML page (inline SVG, no script, no
 * network).
 */
import * as vega from "vega";
import * as vl from "vega-lite";

import { POLICY_NAMES, type PolicyName } from "../model/index.js";
import type { DailyRow, PolicyPoint, PolicyTotals } from "./report.js";

const WIDTH = 760;
const POLICY_LABEL: Record<PolicyName, string> = {
  "mining-only": "mining only",
  "ai-only": "AI only",
  arbitrage: "arbitrage",
};

export interface ChartInput {
  title: string;
  /** The run's own days (chain run). */
  rows: readonly DailyRow[];
  /** Every policy on the same market path: what one share earned, cumulated. */
  paths: Readonly<Record<PolicyName, ReadonlyArray<Pick<PolicyPoint, "date" | "cumulativeUsdPerShare">>>>;
  /** The run's policy, highlighted; undefined in a comparison. */
  policy?: PolicyName;
}

/** The Vega-Lite specification of the report chart. */
export function chartSpec(input: ChartInput): vl.TopLevelSpec {
  const bySource = input.rows.flatMap((row) => {
    const price = Number(row.btcPriceUsd);
    const supply = Number(row.supplyShares);
    const per1000 = (usd: number): number => (supply > 0 ? (usd / supply) * 1000 : 0);
    return [
      { date: row.date, source: "Mining (paid in WBTC)", usd: per1000(Number(row.depositedWbtc) * price) },
      { date: row.date, source: "AI compute (paid in USDC)", usd: per1000(Number(row.depositedUsdc)) },
    ];
  });
  const policies = POLICY_NAMES.flatMap((policy) =>
    input.paths[policy].map((point) => ({
      date: point.date,
      policy: POLICY_LABEL[policy],
      usd: point.cumulativeUsdPerShare * 1000,
      highlighted: policy === input.policy,
    })),
  );
  const finals = POLICY_NAMES.map((policy) => ({
    policy: POLICY_LABEL[policy],
    usd: (input.paths[policy].at(-1)?.cumulativeUsdPerShare ?? 0) * 1000,
    highlighted: policy === input.policy,
  }));
  const policyColor = {
    field: "policy",
    type: "nominal",
    title: null,
    scale: { domain: POLICY_NAMES.map((p) => POLICY_LABEL[p]), range: ["#f7931a", "#2775ca", "#2ca02c"] },
    legend: { orient: "top", labelLimit: 320 },
  } as const;
  const prices = input.rows.map((row) => ({
    date: row.date,
    btc: Number(row.btcPriceUsd),
    hashprice: Number(row.hashpriceUsdPerPhDay),
  }));
  const dateAxis = { field: "date", type: "temporal", title: null, axis: { format: "%b %Y", labelAngle: 0 } } as const;

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: input.title, anchor: "start", fontSize: 16 },
    config: { font: "Helvetica, Arial, sans-serif", view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 } },
    resolve: { scale: { color: "independent" } },
    vconcat: [
      {
        title: {
          text: "Revenue paid per 1,000 shares, by source (USD a day, mining valued at that day's BTC price)",
          anchor: "start",
          fontSize: 12,
        },
        width: WIDTH,
        height: 200,
        data: { values: bySource },
        mark: { type: "area", interpolate: "step-after", opacity: 0.85 },
        encoding: {
          x: dateAxis,
          y: { field: "usd", type: "quantitative", stack: "zero", title: "USD / 1,000 shares / day" },
          color: {
            field: "source",
            type: "nominal",
            title: null,
            scale: { domain: ["Mining (paid in WBTC)", "AI compute (paid in USDC)"], range: ["#f7931a", "#2775ca"] },
            legend: { orient: "top", labelLimit: 320 },
          },
        },
      },
      {
        title: {
          text: "Revenue per 1,000 shares by allocation policy, on the same price path",
          anchor: "start",
          fontSize: 12,
        },
        hconcat: [
          {
            width: WIDTH - 230,
            height: 200,
            data: { values: policies },
            mark: { type: "line", interpolate: "monotone" },
            encoding: {
              x: dateAxis,
              y: { field: "usd", type: "quantitative", title: "USD / 1,000 shares, cumulative" },
              color: policyColor,
              strokeWidth: { condition: { test: "datum.highlighted", value: 3 }, value: 1.5 },
              strokeDash: { condition: { test: "datum.highlighted", value: [1, 0] }, value: [5, 3] },
            },
          },
          {
            width: 150,
            height: 200,
            data: { values: finals },
            layer: [
              {
                mark: { type: "bar" },
                encoding: {
                  x: { field: "policy", type: "nominal", sort: null, title: null, axis: { labelAngle: 0 } },
                  y: { field: "usd", type: "quantitative", title: "total over the run" },
                  color: policyColor,
                  opacity: { condition: { test: "datum.highlighted", value: 1 }, value: 0.55 },
                },
              },
              {
                mark: { type: "text", dy: -6, fontSize: 10 },
                encoding: {
                  x: { field: "policy", type: "nominal", sort: null },
                  y: { field: "usd", type: "quantitative" },
                  text: { field: "usd", type: "quantitative", format: ",.0f" },
                },
              },
            ],
          },
        ],
      },
      {
        title: { text: "BTC price (USD) and network hashprice (USD / PH / day)", anchor: "start", fontSize: 12 },
        width: WIDTH,
        height: 120,
        data: { values: prices },
        layer: [
          {
            mark: { type: "line", color: "#555" },
            encoding: {
              x: dateAxis,
              y: { field: "btc", type: "quantitative", title: "BTC (USD)", scale: { zero: false } },
            },
          },
          {
            mark: { type: "line", color: "#f7931a", strokeDash: [4, 3] },
            encoding: {
              x: dateAxis,
              y: {
                field: "hashprice",
                type: "quantitative",
                title: "hashprice",
                scale: { zero: false },
                axis: { titleColor: "#f7931a" },
              },
            },
          },
        ],
        resolve: { scale: { y: "independent" } },
      },
    ],
  };
}

/** Renders a Vega-Lite spec to SVG (no browser, no canvas: the "none" renderer). */
export async function renderSvg(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A standalone HTML page: heading, key figures, the chart as inline SVG, and links to the data files. */
export function reportHtml(input: {
  title: string;
  subtitle: string;
  svg: string;
  figures: ReadonlyArray<readonly [string, string]>;
  policies: Readonly<Record<PolicyName, PolicyTotals>>;
  best: PolicyName;
  links: ReadonlyArray<readonly [string, string]>;
}): string {
  const figureRows = input.figures
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  const policyRows = POLICY_NAMES.map((policy) => {
    const totals = input.policies[policy];
    const mark = policy === input.best ? " ★" : "";
    return `<tr><th>${escapeHtml(POLICY_LABEL[policy])}${mark}</th><td>${(totals.usdPerShare * 1000).toFixed(2)}</td><td>${(Number(totals.wbtc) / 1e8).toFixed(8)}</td><td>${(Number(totals.usdc) / 1e6).toFixed(2)}</td><td>${totals.usd.toFixed(0)}</td></tr>`;
  }).join("\n");
  const links = input.links
    .map(([href, label]) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`)
    .join(" · ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(input.title)}</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 880px; color: #222; }
h1 { font-size: 1.4rem; margin-bottom: 0.2rem; } p.sub { color: #666; margin-top: 0; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { padding: 0.25rem 0.8rem; text-align: right; border-bottom: 1px solid #eee; }
th:first-child { text-align: left; } thead th { border-bottom: 2px solid #ccc; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p class="sub">${escapeHtml(input.subtitle)}</p>
<table>
${figureRows}
</table>
<h2>Policies on the same price path</h2>
<table>
<thead><tr><th>policy</th><th>USD per 1,000 shares</th><th>WBTC to holders</th><th>USDC to holders</th><th>USD to holders</th></tr></thead>
${policyRows}
</table>
${input.svg}
<p>${links}</p>
</body>
</html>
`;
}
