import { task } from "hardhat/config";

import { ANALYZE_DEFAULTS } from "../src/analyze/defaults.js";
import { flag, jsonFlag, optionalOption, stringOption } from "./options.js";

/**
 * `analyze`: the economic model (no chain) over many seeded paths — what a share bought at the sale price may return,
 * per policy, with percentile bands, the same money held in BTC, a discounted ranking and a sensitivity tornado.
 * Options are text, validated by the action (one-line errors).
 */
export const analyzeTasks = [
  task("analyze", "Run the model over many seeded paths and report what a share at the sale price may return")
    .addOption(stringOption("paths", "Seeded paths", String(ANALYZE_DEFAULTS.paths)))
    .addOption(stringOption("years", "Horizon in years", String(ANALYZE_DEFAULTS.years)))
    .addOption(
      stringOption("seed", "Random seed: path i is the same whatever --paths or --workers", ANALYZE_DEFAULTS.seed),
    )
    .addOption(stringOption("workers", "Worker threads, or auto: one per core", ANALYZE_DEFAULTS.workers))
    .addOption(stringOption("scenario", "Scenario file (JSON, see scenarios/)", ANALYZE_DEFAULTS.scenario))
    .addOption(
      stringOption("policy", "all, or a comma list of mining-only, ai-only, arbitrage", ANALYZE_DEFAULTS.policy),
    )
    .addOption(optionalOption("price", "Sale price per share, USD", "the scenario's salePriceUsd"))
    .addOption(
      optionalOption(
        "backtest",
        "Also run the pool on the shipped history (data/btc-daily.csv) from this date, YYYY-MM-DD",
        "no backtest",
      ),
    )
    .addOption(
      stringOption(
        "tornadoPaths",
        "Paths per tornado variant, 0 for no tornado",
        String(ANALYZE_DEFAULTS.tornadoPaths),
      ),
    )
    .addOption(stringOption("out", "Output directory", ANALYZE_DEFAULTS.out))
    .addFlag(flag("quiet", "No progress bar"))
    .addFlag(jsonFlag("Print the summary as JSON instead of text"))
    .setAction(() => import("./actions/analyze.js"))
    .build(),
];
