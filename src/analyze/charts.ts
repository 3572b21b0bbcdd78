/**
 * The analyze report's charts, as Vega-Lite specifications (rendered to SVG by the simulator's `renderSvg`, without a
 * browser): the fan chart of one share's cumulative payouts by source and unit, the policies' fans side by side, and
 * the sensitivity tornado. Every axis names its unit.
 */
import type * as vl from "vega-lite";

import { dateAxis as simDateAxis } from "../sim/chart-panels.js";
import type { FanRow, Source } from "./fan.js";
import type { PolicyName } from "./model.js";
import type { Tornado } from "./tornado.js";

const SATS_PER_BTC = 1e8;
const SOURCE_COLOR: Record<Source, string> = { mining: "#f7931a", ai: "#2775ca", total: "#5b3f8c" };
const SOURCE_LABEL: Record<Source, string> = {
  mining: "Mining (WBTC)",
  ai: "AI compute (USDC)",
  total: "Both sources",
};
const POLICY_COLOR: Record<PolicyName, string> = {
  "mining-only": "#f7931a",
  "ai-only": "#2775ca",
  arbitrage: "#2ca02c",
};
/** A layer of a layered chart (the specs are built loosely and typed as a whole at the end). */
type Layer = Record<string, unknown>;

const PANEL_WIDTH = 230;
const PANEL_HEIGHT = 170;

/**
 * The date axis for a span of `days`: one tick a year over spans of more than two years (so that narrow panels do not
 * repeat a year), else the simulator's month axis.
 */
function dateAxisFor(days: number) {
  if (days <= 2 * 365) return simDateAxis(days);
  return {
    field: "date",
    type: "temporal",
    title: "date (UTC)",
    axis: { format: "%Y", labelAngle: 0, tickCount: { interval: "year", step: 1 } },
  } as const;
}

/** The span of `rows`, days. */
const spanOf = (rows: readonly FanRow[]): number => rows.reduce((days, row) => Math.max(days, row.day + 1), 1);

function panelTitle(text: string, subtitle?: string) {
  return {
    text,
    anchor: "start",
    frame: "group",
    fontSize: 12,
    ...(subtitle === undefined ? {} : { subtitle, subtitleFontSize: 10, subtitleColor: "#666" }),
  } as const;
}

/** One panel: p5–p95 and p25–p75 bands and the median line of `rows`, in `unit` ("USD" or sats). */
function fanPanel(rows: readonly FanRow[], source: Source, unit: "USD" | "sats", extra: readonly Layer[] = []) {
  const scale = unit === "sats" ? SATS_PER_BTC : 1;
  const values = rows.map((row) => ({
    date: row.date,
    p5: row.p5 * scale,
    p25: row.p25 * scale,
    p50: row.p50 * scale,
    p75: row.p75 * scale,
    p95: row.p95 * scale,
  }));
  const y = (field: string) => ({
    field,
    type: "quantitative",
    title: unit === "USD" ? "USD per share, cumulative" : "sats per share, cumulative",
    axis: { format: unit === "USD" ? ",.2~f" : ",.0f" },
  });
  const color = SOURCE_COLOR[source];
  const dateAxis = dateAxisFor(spanOf(rows));
  return {
    title: panelTitle(`${SOURCE_LABEL[source]}, ${unit === "USD" ? "USD at each day's price" : "in BTC (sats)"}`),
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    layer: [
      {
        data: { values },
        mark: { type: "area", opacity: 0.2, color },
        encoding: { x: dateAxis, y: y("p5"), y2: { field: "p95" } },
      },
      {
        data: { values },
        mark: { type: "area", opacity: 0.4, color },
        encoding: { x: dateAxis, y: y("p25"), y2: { field: "p75" } },
      },
      { data: { values }, mark: { type: "line", color, strokeWidth: 2 }, encoding: { x: dateAxis, y: y("p50") } },
      ...extra,
    ],
  };
}

/**
 * The fan chart of `policy`: rows USD and BTC, columns mining, AI and both; bands p5–p95 (light) and p25–p75 (dark)
 * around the median. The USD total panel also shows the sale price (rule) and the price held in BTC (median, dashed).
 */
export function fanChartSpec(input: {
  title: string;
  subtitle: string;
  policy: PolicyName;
  rows: readonly FanRow[];
  priceUsd: number;
}): vl.TopLevelSpec {
  const of = (source: Source, unit: "BTC" | "USD") =>
    input.rows.filter((row) => row.policy === input.policy && row.source === source && row.unit === unit);
  const hold = input.rows.filter((row) => row.policy === "hold").map((row) => ({ date: row.date, usd: row.p50 }));
  const dateAxis = dateAxisFor(spanOf(input.rows));
  const reference: Layer[] = [
    {
      data: { values: [{ price: input.priceUsd, label: `sale price ${input.priceUsd.toLocaleString("en-US")} USD` }] },
      mark: { type: "rule", color: "#c0392b", strokeDash: [2, 2] },
      encoding: { y: { field: "price", type: "quantitative" } },
    },
    {
      data: { values: hold },
      mark: { type: "line", color: "#555", strokeDash: [6, 3], strokeWidth: 1.5 },
      encoding: { x: dateAxis, y: { field: "usd", type: "quantitative" } },
    },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: input.title, subtitle: input.subtitle, anchor: "start", subtitleColor: "#444" },
    config: {
      font: "Helvetica, Arial, sans-serif",
      view: { stroke: null },
      axis: { labelFontSize: 10, titleFontSize: 10 },
    },
    vconcat: [
      {
        hconcat: [
          fanPanel(of("mining", "USD"), "mining", "USD"),
          fanPanel(of("ai", "USD"), "ai", "USD"),
          fanPanel(of("total", "USD"), "total", "USD", reference),
        ],
      },
      {
        hconcat: [
          fanPanel(of("mining", "BTC"), "mining", "sats"),
          fanPanel(of("ai", "BTC"), "ai", "sats"),
          fanPanel(of("total", "BTC"), "total", "sats"),
        ],
      },
    ],
  } as unknown as vl.TopLevelSpec;
}

/** Every policy's total USD per share: the p25–p75 band and the median line, one colour per policy. */
export function policiesChartSpec(input: {
  title: string;
  subtitle?: string;
  rows: readonly FanRow[];
  policies: readonly PolicyName[];
  priceUsd: number;
}): vl.TopLevelSpec {
  const hold = input.rows.filter((row) => row.policy === "hold").map((row) => ({ date: row.date, usd: row.p50 }));
  const dateAxis = dateAxisFor(spanOf(input.rows));
  const values = input.rows
    .filter((row) => row.source === "total" && row.unit === "USD" && row.policy !== "hold")
    .map((row) => ({ date: row.date, policy: row.policy, p25: row.p25, p50: row.p50, p75: row.p75 }));
  const color = {
    field: "policy",
    type: "nominal",
    title: "policy",
    scale: { domain: [...input.policies], range: input.policies.map((p) => POLICY_COLOR[p]) },
  } as const;
  const y = {
    field: "p50",
    type: "quantitative",
    title: "USD per share, cumulative",
    axis: { format: ",.0f" },
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: input.title,
      subtitle:
        input.subtitle ??
        "median (line) and p25–p75 (band) across paths; red: sale price; grey dashed: the price held in BTC (median)",
      anchor: "start",
    },
    config: { font: "Helvetica, Arial, sans-serif", view: { stroke: null } },
    width: 720,
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: "area", opacity: 0.18 },
        encoding: { x: dateAxis, y: { ...y, field: "p25" }, y2: { field: "p75" }, color },
      },
      { data: { values }, mark: { type: "line", strokeWidth: 2 }, encoding: { x: dateAxis, y, color } },
      {
        data: { values: [{ price: input.priceUsd }] },
        mark: { type: "rule", color: "#c0392b", strokeDash: [2, 2] },
        encoding: { y: { field: "price", type: "quantitative" } },
      },
      {
        data: { values: hold },
        mark: { type: "line", color: "#555", strokeDash: [6, 3], strokeWidth: 1.5 },
        encoding: { x: dateAxis, y: { field: "usd", type: "quantitative" } },
      },
    ],
  } as unknown as vl.TopLevelSpec;
}

/** A number as the tornado labels it: thousands grouped, at most 3 significant decimals. */
function short(value: number): string {
  if (Math.abs(value) >= 1e9) return `${+(value / 1e12).toPrecision(3)}T`;
  return value.toLocaleString("en-US", { maximumSignificantDigits: 3 });
}

/**
 * The tornado: for each input, bars from the value at the scenario's values to the value with the input at each end of
 * its range — the median IRR (left, the ranking's measure) and the mean NPV per share (right, which still moves where
 * the median IRR sits at −100 % at both ends).
 */
export function tornadoSpec(input: { title: string; tornado: Tornado }): vl.TopLevelSpec {
  const { tornado } = input;
  const label = (bar: Tornado["bars"][number]) =>
    `${bar.label} ${short(bar.low)} → ${short(bar.high)}${bar.unit === "" ? "" : ` ${bar.unit}`}`;
  const order = tornado.bars.map(label);
  const LOW = "input at the low end";
  const HIGH = "input at the high end";
  const panel = (measure: "irr" | "npv", base: number, title: string, format: string, showLabels: boolean): Layer => ({
    width: showLabels ? 300 : 240,
    height: { step: 20 },
    layer: [
      {
        data: {
          values: tornado.bars.flatMap((bar) => [
            { input: label(bar), end: LOW, from: base, to: measure === "irr" ? bar.irrAtLow : bar.npvAtLow },
            { input: label(bar), end: HIGH, from: base, to: measure === "irr" ? bar.irrAtHigh : bar.npvAtHigh },
          ]),
        },
        mark: { type: "bar", height: { band: 0.8 } },
        encoding: {
          y: {
            field: "input",
            type: "nominal",
            sort: order,
            title: null,
            axis: showLabels ? { labelLimit: 420 } : { labels: false, ticks: false },
          },
          x: { field: "from", type: "quantitative", title, axis: { format } },
          x2: { field: "to" },
          color: {
            field: "end",
            type: "nominal",
            title: null,
            scale: { domain: [LOW, HIGH], range: ["#8fb3d9", "#d98f4e"] },
            legend: { orient: "top", labelLimit: 300 },
          },
        },
      },
      {
        data: { values: [{ value: base }] },
        mark: { type: "rule", color: "#222" },
        encoding: { x: { field: "value", type: "quantitative" } },
      },
    ],
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: input.title,
      subtitle:
        `${tornado.policy}, ${tornado.paths.toLocaleString("en-US")} paths; black line: at the scenario's values ` +
        `(median IRR ${(tornado.baseIrr * 100).toFixed(1)} %, mean NPV ${tornado.baseNpv.toFixed(2)} USD)`,
      anchor: "start",
    },
    config: { font: "Helvetica, Arial, sans-serif", view: { stroke: null } },
    hconcat: [
      panel("irr", tornado.baseIrr, "median IRR, % per year", ".0%", true),
      panel("npv", tornado.baseNpv, "mean NPV per share, USD", ",.2f", false),
    ],
  } as unknown as vl.TopLevelSpec;
}
