import path from "node:path";

import { UserError } from "../../src/cli/errors.js";
import { displayPath, formatTable } from "../../src/cli/output.js";
import { parametersPathFor } from "../../src/deployment/parameters.js";
import {
  createAnalyzeProgress,
  parseAnalyzeArguments,
  runAnalysis,
  saleTermsFrom,
  summaryJson,
  writeAnalyzeReport,
  type AnalyzeOptions,
  type RawAnalyzeArguments,
} from "../../src/analyze/index.js";
import { dayCount, grouped, percent } from "../../src/analyze/format.js";
import { readScenarioFile } from "../../src/sim/options.js";
import { taskAction, type CommonArguments } from "./run.js";

/** The `analyze` task's options. */
export interface AnalyzeTaskArguments extends CommonArguments, RawAnalyzeArguments {
  quiet: boolean;
}

/** `analyze`: validate, run the paths (no chain), write the report, print the investor's figures. */
export default taskAction<AnalyzeTaskArguments>(async (args, session) => {
  const hre = session.hre;
  const parsed = parseAnalyzeArguments(args);
  const { scenario } = readScenarioFile(path.resolve(parsed.scenarioPath));
  if (parsed.backtest !== undefined) {
    throw new UserError(
      `--backtest ${parsed.backtest}: this build's model has no history driver yet; run without --backtest`,
    );
  }
  const networkName = hre.globalOptions.network ?? "default";
  const parametersPath = parametersPathFor(networkName, hre.config.paths.ignition);
  const sale = await saleTermsFrom(parametersPath, parsed.priceUsd);
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
  const result = await runAnalysis(options, createAnalyzeProgress(args.quiet || args.json));
  const root = hre.config.paths.root;
  const context = {
    scenarioPath: parsed.scenarioPath,
    scenarioName: scenario.name,
    priceSource: parsed.priceUsd === undefined ? displayPath(parametersPath, root) : "--price",
  };
  const files = await writeAnalyzeReport(parsed.out, options, result, context);

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
      `IRR ${percent(result.hold.irr.p50)}, below the price on ${percent(result.hold.chanceLoss, 0)} of paths`,
    ...(result.tornado === null
      ? []
      : [
          `  tornado (${result.tornado.policy}, median IRR ${percent(result.tornado.baseIrr)}): ` +
            result.tornado.bars
              .slice(0, 4)
              .map((bar) => `${bar.label} ${percent(bar.irrAtLow)} … ${percent(bar.irrAtHigh)}`)
              .join(" · "),
        ]),
    `  ${result.stats.pathDays.toLocaleString("en-US")} path-days in ${(result.stats.ms / 1000).toFixed(1)} s ` +
      `(${rate.toLocaleString("en-US")} path-days/s, ${result.stats.workers} worker${result.stats.workers === 1 ? "" : "s"})`,
    `  wrote ${displayPath(parsed.out, root)}/{report.html, summary.json, policies.csv, paths.csv, fan.csv, fan.svg, policies.svg${result.tornado === null ? "" : ", tornado.csv, tornado.svg"}}`,
  ];
  return { text: lines.join("\n"), json: { ...(summaryJson(options, result, context) as object), files } };
});
