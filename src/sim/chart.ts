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
import { horizonLabel, type DailyRow, type PolicyLeader, type PolicyPoint, type PolicyTotals } from "./report.js";

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
function panelTitle(text: string, subtitle?: string | string[]) {
  return {
    text,
    anchor: "start",
    frame: "group",
    fontSize: 12,
    offset: 8,
    ...(subtitle === undefined ? {} : { subtitle, subtitleFontSize: 11, subtitleColor: "#666" }),
  } as const;
}

/** The groups (two or more) of policies that paid exactly the same each day: their lines coincide. */
export function coincidingPolicies(paths: ChartInput["paths"]): PolicyName[][] {
  const same = (a: PolicyName, b: PolicyName): boolean =>
    paths[a].length === paths[b].length &&
    paths[a].every((point, i) => point.cumulativeUsdPerShare === paths[b][i]!.cumulativeUsdPerShare);
  const groups: PolicyName[][] = [];
  for (const policy of POLICY_NAMES) {
    const group = groups.find((g) => same(g[0]!, policy));
    if (group === undefined) groups.push([policy]);
    else group.push(policy);
  }
  return groups.filter((group) => group.length > 1);
}

/** "mining only and arbitrage", "mining only, AI only and arbitrage". */
function listLabels(policies: readonly PolicyName[]): string {
  const labels = policies.map((policy) => POLICY_LABEL[policy]);
  return labels.length < 2 ? labels.join("") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)!}`;
}

export interface ChartInput {
  title: string;
  /** The run's own days (chain run). */
  rows: readonly DailyRow[];
  /**
   * Every policy on the same market path: what one share earned, cumulated. Longer than `rows` when the pure model
   * carries the comparison past the chain run (a projection): the chart then marks where the run ends.
   */
  paths: Readonly<Record<PolicyName, ReadonlyArray<Pick<PolicyPoint, "date" | "cumulativeUsdPerShare">>>>;
  /** The run's policy, highlighted; undefined in a comparison, or when no policy is to stand out. */
  policy?: PolicyName;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The third panel's title lines: what the lines are, and over which days. */
export function policyPanelSubtitle(input: ChartInput): string[] {
  const horizon = input.paths[POLICY_NAMES[0]!].length;
  const runDays = input.rows.length;
  const lines: string[] = [];
  if (horizon > runDays) {
    lines.push(
      `Model projection over ${horizonLabel(horizon)} on the same price path; the first ${runDays.toLocaleString("en-US")} ` +
        `days (shaded) are the on-chain run`,
    );
  }
  const span = horizon > runDays ? "projection" : "run";
  const highlighted =
    input.policy === undefined ? "" : `; the run's own policy (${POLICY_LABEL[input.policy]}) in a thick line`;
  const groups = coincidingPolicies(input.paths);
  if (groups[0]?.length === POLICY_NAMES.length) {
    lines.push(`All three policies paid the same each day of this ${span}, so their lines and bars coincide`);
  } else {
    lines.push(`USD, cumulative${highlighted}`);
    for (const group of groups) {
      lines.push(`${capitalize(listLabels(group))} paid the same each day, so their lines coincide`);
    }
  }
  return lines;
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
  // Months for a long span; days for a short one, whose weekly ticks would otherwise repeat the month's name.
  const axisFor = (days: number) =>
    ({
      field: "date",
      type: "temporal",
      title: null,
      axis: { format: days > 120 ? "%b %Y" : "%-d %b %Y", labelAngle: 0 },
    }) as const;
  const dateAxis = axisFor(input.rows.length);
  const topLegend = { orient: "top", direction: "horizontal", labelLimit: 320, offset: 6 } as const;
  // "Heading — details": the details go to a subtitle line. Without a canvas, vega sizes text by an estimate
  // (≈ 0.8 em a character), so one long title line would leave a wide empty margin on the right.
  const [heading = "", ...details] = input.title.split(" — ");
  // A projection past the chain run: shade the run's days and rule where it ends.
  const horizon = input.paths[POLICY_NAMES[0]!].length;
  const runEnd = input.rows.at(-1)?.date;
  const projected = horizon > input.rows.length && runEnd !== undefined;
  const runSpan = projected ? [{ start: input.rows[0]!.date, end: runEnd, label: "on-chain run ends" }] : [];

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
          policyPanelSubtitle(input),
        ),
        spacing: 24,
        hconcat: [
          {
            width: WIDTH - 256,
            height: 190,
            layer: [
              ...(projected
                ? [
                    {
                      data: { values: runSpan },
                      mark: { type: "rect" as const, color: "#eee" },
                      encoding: { x: { field: "start", type: "temporal" as const }, x2: { field: "end" } },
                    },
                    {
                      data: { values: runSpan },
                      mark: { type: "rule" as const, color: "#888", strokeDash: [2, 2] },
                      encoding: { x: { field: "end", type: "temporal" as const } },
                    },
                    {
                      data: { values: runSpan },
                      mark: {
                        type: "text" as const,
                        align: "left" as const,
                        baseline: "bottom" as const,
                        dx: 4,
                        y: 190,
                        dy: -4,
                        fontSize: 10,
                        color: "#666",
                      },
                      encoding: { x: { field: "end", type: "temporal" as const }, text: { field: "label" } },
                    },
                  ]
                : []),
              // The run's own policy first, in a thick line, then the others dashed on top: a policy that pays the
              // same shows as dashes on the thick line instead of vanishing under it.
              ...[true, false].map((highlighted) => ({
                data: { values: policies.filter((point) => point.highlighted === highlighted) },
                mark: {
                  type: "line" as const,
                  interpolate: "monotone" as const,
                  strokeWidth: highlighted ? 3 : 1.5,
                  ...(highlighted ? {} : { strokeDash: [5, 3] }),
                },
                encoding: {
                  x: axisFor(horizon),
                  y: { field: "usd", type: "quantitative" as const, title: "USD / 1,000 shares" },
                  color: {
                    ...policyColor,
                    legend: {
                      orient: "top-left" as const,
                      direction: "vertical" as const,
                      fillColor: "white",
                      padding: 4,
                    },
                  },
                },
              })),
            ],
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
                  y: {
                    field: "usd",
                    type: "quantitative",
                    title: projected ? `total over ${horizonLabel(horizon)}` : "total over the run",
                    axis: { grid: false },
                  },
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
  links: ReadonlyArray<readonly [string, string]>;
}): string {
  const figureRows = input.figures
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  const projection = input.projection !== undefined && input.projection.days > input.projection.runDays;
  const shown = projection ? input.projection!.totals : input.policies;
  const starred = projection ? input.projection!.leader.best : input.leader.best;
  const per1000 = (totals: PolicyTotals): string =>
    (totals.usdPerShare * 1000).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const policyRows = POLICY_NAMES.map((policy) => {
    const totals = shown[policy];
    const mark = policy === starred ? " ★" : "";
    const runCell = projection ? `<td>${per1000(input.policies[policy])}</td>` : "";
    return `<tr><th>${escapeHtml(POLICY_LABEL[policy])}${mark}</th>${runCell}<td>${per1000(totals)}</td><td>${(Number(totals.wbtc) / 1e8).toFixed(8)}</td><td>${(Number(totals.usdc) / 1e6).toFixed(2)}</td><td>${totals.usd.toFixed(0)}</td></tr>`;
  }).join("\n");
  let head = "<th>USD per 1,000 shares</th><th>WBTC to holders</th><th>USDC to holders</th><th>USD to holders</th>";
  let notes: string[] = [leaderSentence(input.leader, "the run", true)];
  if (projection) {
    const { days, runDays } = input.projection!;
    const span = horizonLabel(days);
    head =
      `<th>USD per 1,000 shares, on-chain run (${runDays.toLocaleString("en-US")} days)</th>` +
      `<th>USD per 1,000 shares, ${span}</th><th>WBTC to holders, ${span}</th><th>USDC to holders, ${span}</th>` +
      `<th>USD to holders, ${span}</th>`;
    notes = [
      `Model projection over ${span} (${days.toLocaleString("en-US")} days) on the same seed and price path; the first ` +
        `${runDays.toLocaleString("en-US")} days are the on-chain run.`,
      leaderSentence(input.leader, "the on-chain run", false),
      leaderSentence(input.projection!.leader, `the ${span}`, true),
    ];
  }
  const policyNotes = notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join("\n");
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
p.note { color: #444; font-size: 0.9rem; margin: 0.3rem 0; }
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
<thead><tr><th>policy</th>${head}</tr></thead>
${policyRows}
</table>
${policyNotes}
${input.svg}
<p>${links}</p>
</body>
</html>
`;
}
