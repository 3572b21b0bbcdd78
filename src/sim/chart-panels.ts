/**
 * The panels of the report chart, one function each, and what they share (input, width, colours, titles, date axis):
 * revenue per 1,000 shares by source, the pool's capacity by use and the market path (BTC price, hashprice). The
 * policies' panel is in chart-policies.ts, the bands' in chart-bands.ts. Every axis carries its unit; dates are UTC days.
 */
import type * as vl from "vega-lite";

import type { PolicyName } from "../model/index.js";
import type { RunBands } from "./bands.js";
import type { DailyRow } from "./report.js";
import type { PolicyPoint } from "./policy-comparison.js";

/** The width of a full-width panel's plot area, pixels. */
export const WIDTH = 760;

/** The colours of the sources: bitcoin orange for mining (WBTC), USDC blue for AI. */
export const MINING_COLOR = "#f7931a";
export const AI_COLOR = "#2775ca";
const CONVERTING_COLOR = "#a9c9ec";

/** Panel titles: left-aligned on the plot area, so that the four panels line up. */
export function panelTitle(text: string, subtitle?: string | string[]) {
  return {
    text,
    anchor: "start",
    frame: "group",
    fontSize: 12,
    offset: 8,
    ...(subtitle === undefined ? {} : { subtitle, subtitleFontSize: 11, subtitleColor: "#666" }),
  } as const;
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
  /** The model's bands beside the on-chain path (bands.ts); none in a comparison. */
  bands?: RunBands | null;
}

/** One panel of the chart's vertical stack. */
export type Panel = Extract<vl.TopLevelSpec, { vconcat: unknown }>["vconcat"][number];

/** Months for a long span; days for a short one, whose weekly ticks would otherwise repeat the month's name. */
export function dateAxis(days: number) {
  return {
    field: "date",
    type: "temporal",
    title: "date (UTC)",
    axis: { format: days > 120 ? "%b %Y" : "%-d %b %Y", labelAngle: 0 },
  } as const;
}

const topLegend = { orient: "top", direction: "horizontal", labelLimit: 320, offset: 6 } as const;

/** Revenue paid per 1,000 shares each day, stacked by source (mining valued at the day's BTC price). */
export function revenuePanel(rows: readonly DailyRow[]): Panel {
  const sources = ["Mining (paid in WBTC)", "AI compute (paid in USDC)"];
  const bySource = rows.flatMap((row) => {
    const price = Number(row.btcPriceUsd);
    const supply = Number(row.supplyShares);
    const per1000 = (usd: number): number => (supply > 0 ? (usd / supply) * 1000 : 0);
    return [
      { date: row.date, source: sources[0], usd: per1000(Number(row.depositedWbtc) * price) },
      { date: row.date, source: sources[1], usd: per1000(Number(row.depositedUsdc)) },
    ];
  });
  return {
    title: panelTitle("Revenue paid per 1,000 shares, by source", "USD a day; mining valued at that day's BTC price"),
    width: WIDTH,
    height: 190,
    data: { values: bySource },
    mark: { type: "area", interpolate: "step-after", opacity: 0.85 },
    encoding: {
      x: dateAxis(rows.length),
      y: { field: "usd", type: "quantitative", stack: "zero", title: "USD / 1,000 shares / day" },
      color: {
        field: "source",
        type: "nominal",
        title: null,
        scale: { domain: sources, range: [MINING_COLOR, AI_COLOR] },
        legend: topLegend,
      },
    },
  };
}

/** The pool's capacity by use: mining is what is neither converting nor earning AI (converting capacity does not mine). */
export function capacityPanel(rows: readonly DailyRow[]): Panel {
  const uses = ["Mining", "Converting to AI", "AI, earning"];
  const capacity = rows.flatMap((row) => {
    const ai = Number(row.aiMw);
    const converting = Number(row.convertingMw);
    const mining = Math.max(0, Number(row.capacityMw) - ai - converting);
    return [
      { date: row.date, use: uses[0], mw: mining },
      { date: row.date, use: uses[1], mw: converting },
      { date: row.date, use: uses[2], mw: ai },
    ];
  });
  return {
    title: panelTitle(
      "The pool's capacity by use",
      "gross MW; capacity being converted to AI stops mining when the deal is signed",
    ),
    width: WIDTH,
    height: 90,
    data: { values: capacity },
    mark: { type: "area", interpolate: "step-after", opacity: 0.85 },
    encoding: {
      x: dateAxis(rows.length),
      y: { field: "mw", type: "quantitative", stack: "zero", title: "MW", axis: { tickCount: 4 } },
      color: {
        field: "use",
        type: "nominal",
        title: null,
        scale: { domain: uses, range: [MINING_COLOR, CONVERTING_COLOR, AI_COLOR] },
        legend: topLegend,
      },
    },
  };
}

/** The market path that drives every policy: BTC price (left axis) and network hashprice (right axis). */
export function marketPanel(rows: readonly DailyRow[]): Panel {
  const prices = rows.map((row) => ({
    date: row.date,
    btc: Number(row.btcPriceUsd),
    hashprice: Number(row.hashpriceUsdPerPhDay),
  }));
  return {
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
          x: dateAxis(rows.length),
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
          x: dateAxis(rows.length),
          y: {
            field: "hashprice",
            type: "quantitative",
            title: "hashprice (USD / PH / day)",
            scale: { zero: false },
            axis: { titleColor: MINING_COLOR, tickCount: 4, grid: false },
          },
        },
      },
    ],
    resolve: { scale: { y: "independent" } },
  };
}
