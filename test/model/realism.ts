import { expect } from "chai";

import {
  defaultScenario,
  hashpriceSlope,
  historySlopes,
  loadHistory,
  quantile,
  simulatePath,
} from "../../src/model/index.js";

/** Two-year windows: long enough for a stable slope, short enough for many history windows. */
const WINDOW_DAYS = 730;

describe("realism (ECONOMICS v2)", function () {
  this.timeout(60_000);

  it("puts the median simulated slope of 90-day log hashprice on log BTC changes in the history's 25–75 % range", function () {
    const history = historySlopes(loadHistory(), WINDOW_DAYS);
    const low = quantile(history, 0.25);
    const high = quantile(history, 0.75);
    const scenario = defaultScenario();
    const simulated: number[] = [];
    for (let i = 0; i < 200; i++) {
      const path = simulatePath(scenario, { seed: "realism", pathIndex: i, days: WINDOW_DAYS, policy: "mining-only" });
      simulated.push(hashpriceSlope(path.columns.priceUsd, path.columns.hashpriceUsd));
    }
    const median = quantile(simulated, 0.5);
    expect(median, `median ${median} vs history [${low}, ${high}]`).to.be.within(low, high);
  });
});
