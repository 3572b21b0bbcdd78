/**
 * `npm run demo`: deploys everything on the in-process network, sells shares to 100 simulated investors, runs one
 * year of daily epochs of the v2 model under the arbitrage policy with the "demo" scenario (the docs/ECONOMICS.md
 * defaults, plus 5 IT MW of the pool already leased to an AI tenant two years into a ten-year contract, so the pool
 * pays AI revenue in USDC from day 0 and mining revenue in WBTC on the days mining earns more than it costs),
 * distributes every day's revenue on chain, writes reports/demo/ (daily.csv, investors.csv, decisions.csv, bands.csv,
 * summary.json, chart.svg, report.html) and prints each policy decision with its two values, the model's bands for
 * the same scenario beside the on-chain path, what each investor holds, received and can still claim, and last the
 * investor's view: the sale price next to the payouts, yield and IRR so far, the treasury apart.
 *
 * Capacity the policy converts to AI earns only after the conversion lag (540 days by default), so the report also
 * compares the three policies in the pure model over five years on the same seed and price path, the run's year first
 * (`policyProjection` in summary.json, a panel of the chart).
 *
 * Any `simulate` option can be changed on the command line of the task itself, e.g.
 * `npx hardhat simulate --days 730 --holders 1000 --policy ai-only --scenario scenarios/ai-boom.json --out reports/x`.
 */
import path from "node:path";

import hre from "hardhat";

const OUT = "reports/demo";

const result = (await hre.tasks.getTask("simulate").run({
  days: 365,
  holders: 100,
  policy: "arbitrage",
  scenario: "scenarios/demo.json",
  seed: "hashshare",
  out: OUT,
  fresh: true,
})) as { success: boolean };

if (result.success) {
  console.log(`\nOpen ${path.join(OUT, "report.html")} for the chart and the figures.`);
} else {
  process.exitCode = 1;
}
