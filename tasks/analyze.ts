import { task } from "hardhat/config";

import { flag, jsonFlag, stringOption } from "./options.js";

/**
 * `analyze`: the economic model (no chain) over many seeded paths — what a share bought at the sale price may return,
 * per policy, with percentile bands, the same money held in BTC, a discounted ranking and a sensitivity tornado.
 * Options are text, validated by the action (one-line errors).
 */
export const analyzeTasks = [
  task("analyze", "Run the model over many seeded paths and report what a share at the sale price may return")
    .addOption(stringOption("paths", "Seeded paths (default 1000)"))
    .addOption(stringOption("years", "Horizon in years (default 5)"))
    .addOption(
      stringOption("seed", "Random seed: path i is the same whatever --paths or --workers (default hashshare)"),
    )
    .addOption(stringOption("workers", "Worker threads, or auto: one per core (default auto)"))
    .addOption(stringOption("scenario", "Scenario file (JSON, see scenarios/; default scenarios/default.json)"))
    .addOption(stringOption("policy", "all, or a comma list of mining-only, ai-only, arbitrage (default all)"))
    .addOption(stringOption("price", "Sale price per share, USD (default: the scenario's salePriceUsd)"))
    .addOption(
      stringOption(
        "backtest",
        "Also run the pool on the shipped history (data/btc-daily.csv) from this date, YYYY-MM-DD",
      ),
    )
    .addOption(stringOption("tornadoPaths", "Paths per tornado variant, 0 for no tornado (default 200)"))
    .addOption(stringOption("out", "Output directory (default reports/analyze)"))
    .addFlag(flag("quiet", "No progress bar"))
    .addFlag(jsonFlag("Print the summary as JSON instead of text"))
    .setAction(() => import("./actions/analyze.js"))
    .build(),
];
