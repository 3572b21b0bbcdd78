import { UserError } from "../../src/cli/errors.js";
import { displayPath, formatTable } from "../../src/cli/output.js";
import {
  createAnalyzeProgress,
  loadHistory,
  loadScenarioFile,
  medianIrr,
  parseAnalyzeArguments,
  runAnalysis,
  runBacktest,
  saleOf,
  SHIPPED_HISTORY,
  summaryJson,
  writeAnalyzeReport,
  type AnalyzeOptions,
  type BacktestResult,
  type RawAnalyzeArguments,
  type Scenario,
} from "../../src/analyze/index.js";
import { dayCount, grouped, percent } from "../../src/analyze/format.js";
import { taskAction, type CommonArguments } from "./run.js";

/** The `analyze` task's options. */
export interface AnalyzeTaskArguments extends CommonArguments, RawAnalyzeArguments {
  quiet: boolean;
}

/** `analyze`: validate, run the paths (no chain), write the report, print the investor's figures. */
export default taskAction<AnalyzeTaskArguments>(async (args, session) => {
  const hre = session.hre;
  const parsed = parseAnalyzeArguments(args);
  const scenario = userInput("--scenario", () => loadScenarioFile(parsed.scenarioPath));
  const fromScenario = saleOf(scenario);
  const sale = { priceUsd: parsed.priceUsd ?? fromScenario.priceUsd, shares: fromScenario.shares };
  // The history is read (and the start date checked) before the long run, so a mistake costs no waiting.
  const history =
    parsed.backtest === undefined ? undefined : userInput("--backtest", () => loadHistory(SHIPPED_HISTORY));
  const options: AnalyzeOptions = {
    scenario,
    seed: parsed.seed,
    paths: parsed.paths,
    years: parsed.years,
    policies: parsed.policies,
    sale,
    workers: parsed.workers,
    tornadoPaths: parsed.tornadoPaths,
  };
  const backtest =
    history === undefined
      ? null
      : userInput(`--backtest ${parsed.backtest!}`, () => backtestOf(scenario, options, history, parsed.backtest!));
  const result = await runAnalysis(options, createAnalyzeProgress(args.quiet || args.json));
  const root = hre.config.paths.root;
  const context = {
    scenarioPath: parsed.scenarioPath,
    scenarioName: scenario.name,
    priceSource: parsed.priceUsd === undefined ? "the scenario" : "--price",
  };
  const files = await writeAnalyzeReport(parsed.out, options, result, context, backtest);

  const ranked = [...result.policies].sort((a, b) => a.rank - b.rank);
  const table = formatTable(
    [
      "policy",
      "rank",
      "mean NPV USD",
      "IRR p50",
      "IRR p5…p95",
      "yield/yr p50",
      "payback p50",
      "never repaid",
      "beats BTC",
    ],
    ranked.map((s) => [
      s.policy,
      String(s.rank),
      grouped(s.npvUsd.mean),
      percent(s.irr.p50),
      `${percent(s.irr.p5)} … ${percent(s.irr.p95)}`,
      percent(s.yieldPerYear.p50),
      dayCount(s.paybackDay.p50),
      percent(s.chanceNotRepaid, 0),
      percent(s.chanceBeatsBtc, 0),
    ]),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
  const rate = Math.round((result.stats.pathDays * 1000) / result.stats.ms);
  const lines = [
    `Analyzed ${options.paths.toLocaleString("en-US")} paths × ${options.years} year${options.years === 1 ? "" : "s"} of "${scenario.name}" (seed "${options.seed}"): ` +
      `one share at ${grouped(sale.priceUsd)} USD (${context.priceSource}), NPV at ${percent(result.discountRate)} a year, terminal value 0`,
    table,
    `  the same ${grouped(sale.priceUsd)} USD held in BTC: ${grouped(result.hold.endUsd.p50)} USD at the end (median), ` +
      `IRR ${percent(medianIrr(result.hold))}, below the price on ${percent(result.hold.chanceLoss, 0)} of paths`,
    ...(result.tornado === null
      ? []
      : [
          `  tornado (${result.tornado.policy}, median IRR ${percent(result.tornado.baseIrr)}): ` +
            result.tornado.bars
              .slice(0, 4)
              .map((bar) => `${bar.label} ${percent(bar.irrAtLow)} … ${percent(bar.irrAtHigh)}`)
              .join(" · "),
        ]),
    ...(backtest === null ? [] : backtestLines(backtest)),
    `  ${result.stats.pathDays.toLocaleString("en-US")} path-days in ${(result.stats.ms / 1000).toFixed(1)} s ` +
      `(${rate.toLocaleString("en-US")} path-days/s, ${result.stats.workers} worker${result.stats.workers === 1 ? "" : "s"})`,
    `  wrote ${displayPath(parsed.out, root)}/{report.html, summary.json, policies.csv, paths.csv, fan.csv, fan.svg, policies.svg${result.tornado === null ? "" : ", tornado.csv, tornado.svg"}${backtest === null ? "" : ", backtest.csv, backtest.svg"}}`,
  ];
  return {
    text: lines.join("\n"),
    json: { ...(summaryJson(options, result, context, backtest) as object), files },
  };
});

/** Runs `body`, turning the model's one-line input errors into a `UserError` naming the option. */
function userInput<T>(option: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new UserError(`${option}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The backtest over the run's horizon (or to the end of the history). */
function backtestOf(
  scenario: Scenario,
  options: AnalyzeOptions,
  history: ReturnType<typeof loadHistory>,
  start: string,
): BacktestResult {
  return runBacktest({
    scenario,
    policies: options.policies,
    history,
    start,
    days: Math.round(options.years * 365),
    sale: options.sale,
    discountRate: scenario.discountRate / 100,
  });
}

function backtestLines(backtest: BacktestResult): string[] {
  const figures = backtest.policies.map(
    (s) =>
      `${s.policy} ${grouped(s.totalUsd.p50)} USD, IRR ${percent(medianIrr(s))}, ` +
      `payback ${dayCount(s.paybackDay.p50)}`,
  );
  return [
    `  backtest ${backtest.start} → ${backtest.end}${backtest.truncated ? " (end of the history)" : ""}: ${figures.join(" · ")}; ` +
      `BTC held: ${grouped(backtest.hold.endUsd.p50)} USD`,
  ];
}
