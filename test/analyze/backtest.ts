import { expect } from "chai";

import { loadHistory, parseScenario, runBacktest, SHIPPED_HISTORY } from "../../src/analyze/index.js";
import { expectClose } from "../model/helpers.js";

const history = loadHistory(SHIPPED_HISTORY);
const scenario = parseScenario({});
const options = {
  scenario,
  policies: ["mining-only"] as const,
  history,
  start: "2024-01-01",
  days: 365,
  sale: { priceUsd: 50, shares: 1_000_000 },
  discountRate: 0.1,
};

describe("analyze/backtest", function () {
  describe("runBacktest", function () {
    it("values the price held in BTC at the history's own prices", function () {
      const result = runBacktest(options);
      const first = history.days.findIndex((d) => d.date === "2024-01-01");
      const expected = (50 * history.days[first + 364]!.priceUsd) / history.days[first]!.priceUsd;
      expectClose(result.hold.endUsd.p50, expected, 1e-9);
    });

    it("runs day by day from the start date", function () {
      const result = runBacktest(options);
      expect([result.start, result.end, result.days]).to.deep.equal(["2024-01-01", "2024-12-30", 365]);
    });

    it("stops at the end of the history and says so", function () {
      const result = runBacktest({ ...options, start: "2026-01-01", days: 3650 });
      expect(result.truncated).to.equal(true);
      const last = history.days.findLastIndex((_, i) => Number.isFinite(history.heightAtEnd[i]!));
      expect(result.end).to.equal(history.days[last]!.date);
    });

    it("refuses a start date the history does not hold", function () {
      expect(() => runBacktest({ ...options, start: "1999-01-01" })).to.throw("no row for 1999-01-01");
    });
  });
});
