/**
 * `npm run demo`: deploys everything on the in-process network, sells shares to 100 simulated investors, runs two
 * years of daily epochs under the arbitrage policy with the "ai-boom" scenario (AI deals at the top of the range, so
 * conversion pays: mining revenue in WBTC from day 0, AI revenue in USDC once the first converted capacity earns,
 * after the one-year conversion lag), distributes every day's revenue on chain, writes reports/demo/ (daily.csv,
 * summary.json, chart.svg, report.html) and prints what each investor holds, received and can still claim.
 *
 * Any `simulate` option can be changed on the command line of the task itself, e.g.
 * `npx hardhat simulate --days 365 --holders 1000 --policy mining-only --out reports/mine`.
 */
import path from "node:path";

import hre from "hardhat";

const OUT = "reports/demo";

const result = (await hre.tasks.getTask("simulate").run({
  days: 730,
  holders: 100,
  policy: "arbitrage",
  scenario: "scenarios/ai-boom.json",
  seed: "hashshare",
  out: OUT,
  fresh: true,
})) as { success: boolean };

if (result.success) {
  console.log(`\nOpen ${path.join(OUT, "report.html")} for the chart and the figures.`);
} else {
  process.exitCode = 1;
}
