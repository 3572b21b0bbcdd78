/**
 * The analyze report's files: CSV and JSON a program can read (full precision), the charts as SVG and the HTML page a
 * person reads. Written under the output directory; returns their paths.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { stringify } from "csv-stringify/sync";

import { toJson } from "../cli/output.js";
import { renderSvg } from "../sim/chart.js";
import type { AnalyzeOptions, AnalyzeResult } from "./analyze.js";
import type { BacktestResult } from "./backtest.js";
import { HOLD_METRICS, IRR_STATUS, METRICS } from "./block.js";
import { fanChartSpec, policiesChartSpec, tornadoSpec } from "./charts.js";
import { grouped, percent } from "./format.js";
import { medianIrr } from "./summary.js";
import { reportPage } from "./page.js";

/** What the report describes, beyond the run's options. */
export interface ReportContext {
  scenarioPath: string;
  scenarioName: string;
  /** Where the sale price came from: "the scenario" or "--price". */
  priceSource: string;
}

/** The backtest's figures for summary.json: per policy on the one historical path, and BTC held. */
/** A figure for JSON: null where it is not defined (NaN). */
const jsonNumber = (value: number): number | null => (Number.isNaN(value) ? null : value);

function backtestJson(backtest: BacktestResult): unknown {
  return {
    start: backtest.start,
    end: backtest.end,
    days: backtest.days,
    truncated: backtest.truncated,
    network: "the history's actual difficulty, BTC price and fees",
    policies: backtest.policies.map((s) => ({
      policy: s.policy,
      totalUsd: s.totalUsd.p50,
      totalBtc: s.totalBtc.p50,
      miningUsd: s.miningUsd.p50,
      aiUsd: s.aiUsd.p50,
      yieldPerYear: s.yieldPerYear.p50,
      irr: jsonNumber(medianIrr(s)),
      npvUsd: s.npvUsd.p50,
      paybackDay: s.paybackDay.p50,
    })),
    hold: { endUsd: backtest.hold.endUsd.p50, irr: jsonNumber(medianIrr(backtest.hold)) },
  };
}

export interface AnalyzeFiles {
  summary: string;
  policies: string;
  paths: string;
  fan: string;
  tornado: string | null;
  backtest: string | null;
  fanSvg: string;
  policiesSvg: string;
  tornadoSvg: string | null;
  backtestSvg: string | null;
  report: string;
}

/** summary.json: the options, the summaries, the tornado and the run's statistics. */
export function summaryJson(
  options: AnalyzeOptions,
  result: AnalyzeResult,
  context: ReportContext,
  backtest: BacktestResult | null = null,
): unknown {
  return {
    scenario: { path: context.scenarioPath, name: context.scenarioName },
    seed: options.seed,
    paths: options.paths,
    years: options.years,
    days: result.days,
    policies: options.policies,
    sale: { ...options.sale, source: context.priceSource },
    discountRate: result.discountRate,
    conventions: {
      cashFlows: "day 0: −price; the payout of day d arrives at the end of day d (t = d + 1 days); 365-day years",
      terminalValue: 0,
      irr: "effective per year; a path that paid nothing counts as −100 %",
      usd: "mining payouts valued at each day's BTC price",
    },
    summaries: result.policies,
    hold: result.hold,
    tornado: result.tornado,
    backtest: backtest === null ? null : backtestJson(backtest),
    stats: result.stats,
  };
}

function pathsCsv(options: AnalyzeOptions, result: AnalyzeResult): string {
  const { block, shape } = result;
  const rows: unknown[][] = [];
  for (let i = 0; i < options.paths; i++) {
    for (let k = 0; k < options.policies.length; k++) {
      const m = (name: (typeof METRICS)[number]) =>
        block.metrics[(i * shape.policies + k) * METRICS.length + METRICS.indexOf(name)]!;
      const hold = (name: (typeof HOLD_METRICS)[number]) =>
        block.hold[i * HOLD_METRICS.length + HOLD_METRICS.indexOf(name)]!;
      const payback = m("paybackDay");
      rows.push([
        i,
        options.policies[k],
        m("totalUsd"),
        m("totalBtc"),
        m("miningUsd"),
        m("aiUsd"),
        m("totalUsd") / options.sale.priceUsd / (result.days / 365),
        Number.isNaN(m("irr")) ? "" : m("irr"),
        IRR_STATUS[m("irrStatus")],
        m("npvUsd"),
        payback < 0 ? "" : payback,
        hold("holdEndUsd"),
        Number.isNaN(hold("holdIrr")) ? "" : hold("holdIrr"),
        IRR_STATUS[hold("holdIrrStatus")],
      ]);
    }
  }
  return stringify(rows, {
    header: true,
    columns: [
      "path",
      "policy",
      "total_usd",
      "total_btc",
      "mining_usd",
      "ai_usd",
      "yield_per_year",
      "irr",
      "irr_status",
      "npv_usd",
      "payback_day",
      "btc_hold_end_usd",
      "btc_hold_irr",
      "btc_hold_irr_status",
    ],
  });
}

function policiesCsv(result: AnalyzeResult): string {
  const rows = result.policies.map((s) => ({
    policy: s.policy,
    rank: s.rank,
    npv_mean_usd: s.npvUsd.mean,
    ...Object.fromEntries(
      (["irr", "yieldPerYear", "totalUsd", "totalBtc", "npvUsd"] as const).flatMap((metric) =>
        (["p5", "p25", "p50", "p75", "p95"] as const).map((p) => [`${metric}_${p}`, s[metric][p]]),
      ),
    ),
    payback_day_p50: s.paybackDay.p50 ?? "",
    chance_not_repaid: s.chanceNotRepaid,
    chance_npv_negative: s.chanceNpvNegative,
    chance_beats_btc: s.chanceBeatsBtc,
    best_on_paths: s.bestOnPaths,
    irr_none_no_inflow: s.irrNone.noInflow,
    irr_none_below_range: s.irrNone.belowRange,
    irr_none_excluded: s.irrNone.excluded,
  }));
  return stringify(rows, { header: true });
}

/** Writes every file under `out`. */
export async function writeAnalyzeReport(
  out: string,
  options: AnalyzeOptions,
  result: AnalyzeResult,
  context: ReportContext,
  backtest: BacktestResult | null = null,
): Promise<AnalyzeFiles> {
  mkdirSync(out, { recursive: true });
  const file = (name: string) => path.join(out, name);
  const files: AnalyzeFiles = {
    summary: file("summary.json"),
    policies: file("policies.csv"),
    paths: file("paths.csv"),
    fan: file("fan.csv"),
    tornado: result.tornado === null ? null : file("tornado.csv"),
    backtest: backtest === null ? null : file("backtest.csv"),
    fanSvg: file("fan.svg"),
    policiesSvg: file("policies.svg"),
    tornadoSvg: result.tornado === null ? null : file("tornado.svg"),
    backtestSvg: backtest === null ? null : file("backtest.svg"),
    report: file("report.html"),
  };
  writeFileSync(files.summary, `${toJson(summaryJson(options, result, context, backtest))}\n`);
  writeFileSync(files.policies, policiesCsv(result));
  writeFileSync(files.paths, pathsCsv(options, result));
  writeFileSync(files.fan, stringify(result.fan, { header: true }));
  if (result.tornado !== null) writeFileSync(files.tornado!, stringify(result.tornado.bars, { header: true }));
  if (backtest !== null) {
    const rows = backtest.rows.map((row) => ({
      date: row.date,
      day: row.day,
      policy: row.policy,
      source: row.source,
      unit: row.unit,
      cumulative_per_share: row.p50,
    }));
    writeFileSync(files.backtest!, stringify(rows, { header: true }));
  }

  const top = [...result.policies].sort((a, b) => a.rank - b.rank)[0]!;
  const span = `${options.paths.toLocaleString("en-US")} paths × ${grouped(options.years, options.years % 1 === 0 ? 0 : 2)} years`;
  const fanSvg = await renderSvg(
    fanChartSpec({
      title: `One share's cumulative payout under ${top.policy}, ${span}`,
      subtitle: `median (line), p25–p75 and p5–p95 (bands) across paths; total USD panel: sale price (red) and the price held in BTC (dashed, median)`,
      policy: top.policy,
      rows: result.fan,
      priceUsd: options.sale.priceUsd,
    }),
  );
  const policiesSvg = await renderSvg(
    policiesChartSpec({
      title: `Policies side by side, ${span}`,
      rows: result.fan,
      policies: options.policies,
      priceUsd: options.sale.priceUsd,
    }),
  );
  const tornadoSvg =
    result.tornado === null
      ? null
      : await renderSvg(
          tornadoSpec({ title: "What moves the IRR: each input across its plausible range", tornado: result.tornado }),
        );
  const backtestSvg =
    backtest === null
      ? null
      : await renderSvg(
          policiesChartSpec({
            title: `Backtest on the shipped history, ${backtest.start} to ${backtest.end}`,
            subtitle: "one share's cumulative payout per policy; red: sale price; grey dashed: the price held in BTC",
            rows: backtest.rows,
            policies: options.policies,
            priceUsd: options.sale.priceUsd,
          }),
        );
  if (backtestSvg !== null) writeFileSync(files.backtestSvg!, backtestSvg);
  writeFileSync(files.fanSvg, fanSvg);
  writeFileSync(files.policiesSvg, policiesSvg);
  if (tornadoSvg !== null) writeFileSync(files.tornadoSvg!, tornadoSvg);

  writeFileSync(
    files.report,
    reportPage({
      title: `HashShare analysis: ${context.scenarioName} scenario`,
      subtitle: `${span}, seed "${options.seed}", scenario ${context.scenarioPath}; sale price from ${context.priceSource}`,
      priceUsd: options.sale.priceUsd,
      discountRate: result.discountRate,
      years: options.years,
      policies: result.policies,
      hold: result.hold,
      tornado: result.tornado,
      svgs: { fan: fanSvg, policies: policiesSvg, tornado: tornadoSvg, backtest: backtestSvg },
      backtest,
      notes: [
        `NPV and IRR assume the share is worth nothing at the end of the horizon (terminal value 0): they count payouts only.`,
        `Policies are ranked by their mean NPV across paths at the scenario's discount rate (${percent(result.discountRate)} a year).`,
        `Payouts in USD value mining's BTC at each day's price; the IRR assumes each payout is taken when paid.`,
        `A path that paid nothing has no IRR; it counts as −100 %.`,
        `The BTC comparison holds the sale price in BTC from day 0 and values it at the last day's price.`,
      ],
      links: [
        ["summary.json", "summary.json"],
        ["policies.csv", "policies.csv"],
        ["paths.csv", "paths.csv"],
        ["fan.csv", "fan.csv"],
        ...(result.tornado === null ? [] : ([["tornado.csv", "tornado.csv"]] as const)),
        ...(backtest === null ? [] : ([["backtest.csv", "backtest.csv"]] as const)),
      ],
    }),
  );
  return files;
}
