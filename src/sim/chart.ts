/**
 * The report a person looks at: a Vega-Lite chart (revenue per share by source over time, how the pool's capacity
 * is used, the three allocation policies side by side on the same price path, and the BTC price that drives
 * them), compiled by vega-lite,
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

/** The colours of the sources: bitcoin orange for mining (WBTC), USDC blue for AI. */
const MINING_COLOR = "#f7931a";
const AI_COLOR = "#2775ca";
const CONVERTING_COLOR = "#a9c9ec";

/** Panel titles: left-aligned on the plot area, so that the four panels line up. */
function panelTitle(text: string, subtitle?: string) {
  return {
    text,
    anchor: "start",
    frame: "group",
    fontSize: 12,
    offset: 8,
    ...(subtitle === undefined ? {} : { subtitle, subtitleFontSize: 11, subtitleColor: "#666" }),
  } as const;
}

/** True when every policy paid exactly the same each day: their lines coincide. */
function policiesCoincide(paths: ChartInput["paths"]): boolean {
  const [first, ...others] = POLICY_NAMES.map((policy) => paths[policy]);
  return others.every(
    (path) =>
      path.length === first!.length &&
      path.every((point, i) => point.cumulativeUsdPerShare === first![i]!.cumulativeUsdPerShare),
  );
}

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
  const sources = ["Mining (paid in WBTC)", "AI compute (paid in USDC)"];
  const bySource = input.rows.flatMap((row) => {
    const price = Number(row.btcPriceUsd);
    const supply = Number(row.supplyShares);
    const per1000 = (usd: number): number => (supply > 0 ? (usd / supply) * 1000 : 0);
    return [
      { date: row.date, source: sources[0], usd: per1000(Number(row.depositedWbtc) * price) },
      { date: row.date, source: sources[1], usd: per1000(Number(row.depositedUsdc)) },
    ];
  });
  // Capacity by use; with mineWhileConverting the converting MW are inside miningMw, so mining is what is left.
  const uses = ["Mining", "Converting to AI", "AI, earning"];
  const capacity = input.rows.flatMap((row) => {
    const ai = Number(row.aiMw);
    const converting = Number(row.convertingMw);
    const mining = Math.max(0, Number(row.capacityMw) - ai - converting);
    return [
      { date: row.date, use: uses[0], mw: mining },
      { date: row.date, use: uses[1], mw: converting },
      { date: row.date, use: uses[2], mw: ai },
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
    scale: { domain: POLICY_NAMES.map((p) => POLICY_LABEL[p]), range: [MINING_COLOR, AI_COLOR, "#2ca02c"] },
  } as const;
  const prices = input.rows.map((row) => ({
    date: row.date,
    btc: Number(row.btcPriceUsd),
    hashprice: Number(row.hashpriceUsdPerPhDay),
  }));
  const dateAxis = { field: "date", type: "temporal", title: null, axis: { format: "%b %Y", labelAngle: 0 } } as const;
  const topLegend = { orient: "top", direction: "horizontal", labelLimit: 320, offset: 6 } as const;
  // "Heading — details": the details go to a subtitle line. Without a canvas, vega sizes text by an estimate
  // (≈ 0.8 em a character), so one long title line would leave a wide empty margin on the right.
  const [heading = "", ...details] = input.title.split(" — ");
  const policyNote = policiesCoincide(input.paths)
    ? "All three policies paid the same each day of this run, so their lines and bars coincide."
    : undefined;

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: heading,
      ...(details.length === 0 ? {} : { subtitle: details.join(" — "), subtitleFontSize: 13, subtitleColor: "#444" }),
      anchor: "start",
      fontSize: 18,
      offset: 16,
    },
    background: "white",
    padding: 12,
    spacing: 34,
    config: {
      font: "Helvetica, Arial, sans-serif",
      view: { stroke: null },
      axis: { grid: true, gridOpacity: 0.4, labelColor: "#444", titleColor: "#444", titleFontWeight: "normal" },
      axisLeft: { minExtent: 46 },
      legend: { labelFontSize: 11, symbolSize: 90 },
    },
    resolve: { scale: { color: "independent" } },
    vconcat: [
      {
        title: panelTitle(
          "Revenue paid per 1,000 shares, by source",
          "USD a day; mining valued at that day's BTC price",
        ),
        width: WIDTH,
        height: 190,
        data: { values: bySource },
        mark: { type: "area", interpolate: "step-after", opacity: 0.85 },
        encoding: {
          x: dateAxis,
          y: { field: "usd", type: "quantitative", stack: "zero", title: "USD / 1,000 shares / day" },
          color: {
            field: "source",
            type: "nominal",
            title: null,
            scale: { domain: sources, range: [MINING_COLOR, AI_COLOR] },
            legend: topLegend,
          },
        },
      },
      {
        title: panelTitle("The pool's capacity by use", "MW; capacity being converted to AI mines until it earns"),
        width: WIDTH,
        height: 90,
        data: { values: capacity },
        mark: { type: "area", interpolate: "step-after", opacity: 0.85 },
        encoding: {
          x: dateAxis,
          y: { field: "mw", type: "quantitative", stack: "zero", title: "MW", axis: { tickCount: 4 } },
          color: {
            field: "use",
            type: "nominal",
            title: null,
            scale: { domain: uses, range: [MINING_COLOR, CONVERTING_COLOR, AI_COLOR] },
            legend: topLegend,
          },
        },
      },
      {
        title: panelTitle(
          "Revenue per 1,000 shares by allocation policy, on the same price path",
          policyNote ?? "USD, cumulative; the run's own policy in a thick line",
        ),
        spacing: 24,
        hconcat: [
          {
            width: WIDTH - 256,
            height: 190,
            data: { values: policies },
            mark: { type: "line", interpolate: "monotone" },
            encoding: {
              x: dateAxis,
              y: { field: "usd", type: "quantitative", title: "USD / 1,000 shares" },
              color: {
                ...policyColor,
                legend: { orient: "top-left", direction: "vertical", fillColor: "white", padding: 4 },
              },
              strokeWidth: { condition: { test: "datum.highlighted", value: 3 }, value: 1.5 },
              strokeDash: { condition: { test: "datum.highlighted", value: [1, 0] }, value: [5, 3] },
            },
          },
          {
            width: 166,
            height: 190,
            data: { values: finals },
            layer: [
              {
                mark: { type: "bar", cornerRadiusEnd: 2 },
                encoding: {
                  x: {
                    field: "policy",
                    type: "nominal",
                    sort: null,
                    title: null,
                    axis: { labelAngle: 0, grid: false },
                  },
                  y: { field: "usd", type: "quantitative", title: "total over the run", axis: { grid: false } },
                  color: policyColor,
                  opacity: { condition: { test: "datum.highlighted", value: 1 }, value: 0.55 },
                },
              },
              {
                mark: { type: "text", dy: -7, fontSize: 11, color: "#333" },
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
        title: panelTitle(
          "The market path: BTC price and network hashprice",
          "BTC in USD (grey, left); hashprice in USD / PH / day (orange, dashed, right)",
        ),
        width: WIDTH,
        height: 110,
        data: { values: prices },
        layer: [
          {
            mark: { type: "line", color: "#555" },
            encoding: {
              x: dateAxis,
              y: {
                field: "btc",
                type: "quantitative",
                title: "BTC (USD)",
                scale: { zero: false },
                axis: { format: "$,.0f", tickCount: 4 },
              },
            },
          },
          {
            mark: { type: "line", color: MINING_COLOR, strokeDash: [4, 3] },
            encoding: {
              x: dateAxis,
              y: {
                field: "hashprice",
                type: "quantitative",
                title: "hashprice",
                scale: { zero: false },
                axis: { titleColor: MINING_COLOR, tickCount: 4, grid: false },
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
  // No star when every policy paid the same: `best` is then only the first of a tie.
  const bestUsd = input.policies[input.best].usdPerShare;
  const tie = POLICY_NAMES.every((policy) => input.policies[policy].usdPerShare === bestUsd);
  const policyRows = POLICY_NAMES.map((policy) => {
    const totals = input.policies[policy];
    const mark = policy === input.best && !tie ? " ★" : "";
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
