/**
 * The panels of the report chart, one function each: revenue per 1,000 shares by source, the pool's capacity by use,
 * the allocation policies side by side on the same price path, and the market path (BTC price, hashprice). Every
 * axis carries its unit; dates are UTC days.
 */
import type * as vl from "vega-lite";

import { POLICY_NAMES, type PolicyName } from "../model/v2/index.js";
import { formatNumber } from "../cli/amount.js";
import type { RunBands } from "./bands.js";
import { listLabels, POLICY_LABEL } from "./labels.js";
import { horizonLabel, type DailyRow, type PolicyPoint } from "./report.js";

/** The width of a full-width panel's plot area, pixels. */
export const WIDTH = 760;

/** The colours of the sources: bitcoin orange for mining (WBTC), USDC blue for AI. */
export const MINING_COLOR = "#f7931a";
const AI_COLOR = "#2775ca";
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

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The third panel's title lines: what the lines are, and over which days. */
export function policyPanelSubtitle(input: ChartInput): string[] {
  const horizon = input.paths[POLICY_NAMES[0]!].length;
  const runDays = input.rows.length;
  const lines: string[] = [];
  if (horizon > runDays) {
    lines.push(
      `Model projection over ${horizonLabel(horizon)} on the same price path; the first ${formatNumber(runDays)} ` +
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

/** The policies' cumulative payouts per 1,000 shares on the same price path, and their totals as bars. */
export function policyPanel(input: ChartInput): Panel {
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
  // A projection past the chain run: shade the run's days and rule where it ends.
  const horizon = input.paths[POLICY_NAMES[0]!].length;
  const runEnd = input.rows.at(-1)?.date;
  const projected = horizon > input.rows.length && runEnd !== undefined;
  const runSpan = projected ? [{ start: input.rows[0]!.date, end: runEnd, label: "on-chain run ends" }] : [];
  return {
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
              x: dateAxis(horizon),
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
