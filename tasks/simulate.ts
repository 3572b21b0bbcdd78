import { task } from "hardhat/config";

import { flag, intOption, jsonFlag, optionalOption, stringOption } from "./options.js";

/**
 * The simulator: N days of the v2 economic model (docs/ECONOMICS.md) carried out on chain — hashrate reports, mints within
 * the backing, daily WBTC (mining) and USDC (AI) deposits, and simulated investors who buy, trade and claim. The
 * action is loaded lazily; it builds the contracts first, so it works on a fresh clone.
 */
export const simulateTasks = [
  task("simulate", "Simulate N days of the pool on chain, resumably, and write daily.csv, summary.json and a chart")
    .addOption(intOption("days", "Days to simulate", 365))
    .addOption(
      stringOption("seed", "Random seed: the same seed and scenario give the same run, byte for byte", "hashshare"),
    )
    .addOption(stringOption("policy", "Allocation policy: mining-only, ai-only or arbitrage", "arbitrage"))
    .addOption(intOption("holders", "Simulated investors", 100))
    .addOption(stringOption("scenario", "Scenario file (JSON, see scenarios/)", "scenarios/default.json"))
    .addOption(optionalOption("out", "Output directory", "reports/<policy>-<seed>, or reports/compare-<seed>"))
    .addOption(intOption("top", "Investors listed in the final table (the rest are summed)", 10))
    .addOption(
      intOption("bandPaths", "Model paths of the analyze bands drawn beside the on-chain path (0 = none)", 200),
    )
    .addFlag(flag("compare", "Run all three policies on the same seed and rank them"))
    .addFlag(flag("fresh", "Forget the journal in --out and start a new run"))
    .addFlag(flag("quiet", "No progress bar"))
    .addFlag(jsonFlag("Print the summary as JSON instead of text"))
    .setAction(() => import("./actions/simulate.js"))
    .build(),
];
