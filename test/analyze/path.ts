import { expect } from "chai";

import {
  IRR_STATUS,
  METRICS,
  metricIndex,
  parseScenario,
  simulateBlock,
  type PathJob,
} from "../../src/analyze/index.js";
import { investorCashFlows, irr } from "../../src/finance/index.js";
import { simulatePath } from "../../src/model/index.js";
import { expectClose } from "../model/helpers.js";

const scenario = parseScenario({});
const job: PathJob = {
  scenario,
  policies: ["mining-only", "ai-only"],
  seed: "test",
  from: 2,
  to: 4,
  days: 60,
  sampleDays: [29, 59],
  sale: { priceUsd: 50, shares: 1_000_000 },
  discountRate: 0.1,
};

/** One share's daily USD payouts on path `i`, computed directly from the model's columns (independent of path.ts). */
function directPayouts(policy: "mining-only" | "ai-only", i: number, days = 60): number[] {
  const { columns } = simulatePath(scenario, { seed: "test", pathIndex: i, days, policy });
  return Array.from(
    { length: days },
    (_, d) => (columns.holdersMiningBtc[d]! * columns.priceUsd[d]! + columns.holdersAiUsd[d]!) / 1_000_000,
  );
}

describe("analyze/path", function () {
  describe("simulateBlock", function () {
    const block = simulateBlock(job);
    const shape = { policies: 2, samples: 2 };
    const metric = (row: number, k: number, name: (typeof METRICS)[number]) =>
      block.metrics[metricIndex(shape, row, k, name)]!;

    it("pays one share 1 / shares of what holders receive, mining at the day's price", function () {
      const total = directPayouts("mining-only", 3).reduce((a, b) => a + b, 0);
      expectClose(metric(1, 0, "totalUsd"), total, 1e-9);
    });

    it("computes the IRR of −price then the day's payouts", function () {
      const long = simulateBlock({ ...job, policies: ["mining-only"], to: 3, days: 1000, sampleDays: [999] });
      const result = irr(investorCashFlows(50, directPayouts("mining-only", 2, 1000)));
      if (!result.ok) expect.fail(`no IRR: ${result.reason}`);
      expectClose(long.metrics[metricIndex({ policies: 1, samples: 1 }, 0, 0, "irr")]!, result.rate, 1e-9);
    });

    it("reports a path whose payouts are too small for any IRR above −99.99 % as below-range", function () {
      // 60 days of payouts (cheap power: mining pays) against a price of a billion USD: a loss faster than −99.99 %
      // a year.
      const sale = { priceUsd: 1e9, shares: 1_000_000 };
      const cheap = parseScenario({ powerPrice: 10 });
      const short = simulateBlock({ ...job, scenario: cheap, policies: ["mining-only"], to: 3, sale });
      const status = short.metrics[metricIndex({ policies: 1, samples: 2 }, 0, 0, "irrStatus")]!;
      expect(IRR_STATUS[status]).to.equal("below-range");
    });

    it("splits the total into mining and AI", function () {
      expectClose(metric(0, 1, "miningUsd") + metric(0, 1, "aiUsd"), metric(0, 1, "totalUsd"), 1e-9);
    });

    it("records never-repaid as payback day −1 when payouts stay below the price", function () {
      expect(metric(0, 0, "paybackDay")).to.equal(-1);
    });

    it("keeps the last sample equal to the total", function () {
      const usd = block.series[(0 * 2 + 0) * 4 * 2 + 2 * 2 + 1]! + block.series[(0 * 2 + 0) * 4 * 2 + 3 * 2 + 1]!;
      expectClose(usd, metric(0, 0, "totalUsd"), 1e-9);
    });
  });
});
