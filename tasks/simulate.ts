import { task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

/**
 * The simulator: N days of the economic model (ECONOMICS.md) carried out on chain — hashrate reports, mints within
 * the backing, daily WBTC (mining) and USDC (AI) deposits, and simulated investors who buy, trade and claim. The
 * action is loaded lazily; it builds the contracts first, so it works on a fresh clone.
 */
export const simulateTasks = [
  task("simulate", "Simulate N days of the pool on chain, resumably, and write daily.csv, summary.json and a chart")
    .addOption({ name: "days", description: "Days to simulate", type: ArgumentType.INT, defaultValue: 365 })
    .addOption({
      name: "seed",
      description: "Random seed: the same seed and scenario give the same run, byte for byte",
      type: ArgumentType.STRING,
      defaultValue: "hashshare",
    })
    .addOption({
      name: "policy",
      description: "Allocation policy: mining-only, ai-only or arbitrage",
      type: ArgumentType.STRING,
      defaultValue: "arbitrage",
    })
    .addOption({ name: "holders", description: "Simulated investors", type: ArgumentType.INT, defaultValue: 100 })
    .addOption({
      name: "scenario",
      description: "Scenario file (JSON, see scenarios/)",
      type: ArgumentType.STRING,
      defaultValue: "scenarios/default.json",
    })
    .addOption({
      name: "out",
      description: "Output directory (default: reports/<policy>-<seed>, or reports/compare-<seed>)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "top",
      description: "Investors listed in the final table (the rest are summed)",
      type: ArgumentType.INT,
      defaultValue: 10,
    })
    .addFlag({ name: "compare", description: "Run all three policies on the same seed and rank them" })
    .addFlag({ name: "fresh", description: "Forget the journal in --out and start a new run" })
    .addFlag({ name: "quiet", description: "No progress bar" })
    .addFlag({ name: "json", description: "Print the summary as JSON instead of text" })
    .setAction(() => import("./actions/simulate.js"))
    .build(),
];
