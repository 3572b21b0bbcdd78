import { expect } from "chai";

import {
  allocateBlock,
  dayBands,
  HOLD_METRICS,
  IRR_STATUS,
  medianIrr,
  metricIndex,
  parseScenario,
  POLICY_NAMES,
  runAnalysis,
  summarizeHold,
  summarizePolicies,
  type MetricName,
} from "../../src/analyze/index.js";
import { expectClose } from "../model/helpers.js";

const shape = { policies: 2, samples: 1 };

/** A block of 4 paths × 2 policies with the given figures (other metrics 0). */
function blockOf(figures: Partial<Record<MetricName, [number, number][]>>, holdEnd = [60, 40, 50, 50]) {
  const block = allocateBlock(0, 4, shape);
  for (const [metric, rows] of Object.entries(figures) as [MetricName, [number, number][]][]) {
    rows.forEach((row, i) => row.forEach((value, k) => (block.metrics[metricIndex(shape, i, k, metric)] = value)));
  }
  holdEnd.forEach((usd, i) => (block.hold[i * HOLD_METRICS.length] = usd));
  return block;
}

describe("analyze/summary", function () {
  describe("summarizePolicies", function () {
    const block = blockOf({
      npvUsd: [
        [1, 2],
        [3, 3],
        [-1, 0],
        [5, -5],
      ],
      totalUsd: [
        [55, 10],
        [45, 10],
        [60, 10],
        [70, 10],
      ],
      paybackDay: [
        [100, -1],
        [-1, -1],
        [200, -1],
        [300, -1],
      ],
      irr: [
        [0.1, 0],
        [0.2, 0],
        [0.3, 0],
        [0.4, 0],
      ],
      irrStatus: [
        [0, IRR_STATUS.indexOf("no-inflow")],
        [0, IRR_STATUS.indexOf("no-inflow")],
        [0, IRR_STATUS.indexOf("no-inflow")],
        [0, IRR_STATUS.indexOf("no-inflow")],
      ],
    });
    const [first, second] = summarizePolicies(block, shape, ["mining-only", "ai-only"], 50, 5);

    it("ranks by mean NPV across paths", function () {
      expectClose(first!.npvUsd.mean, 2, 1e-12);
      expect([first!.rank, second!.rank]).to.deep.equal([1, 2]);
    });

    it("splits a path's win between policies that tie on it", function () {
      // path 0: ai-only; path 1: tie; path 2: ai-only; path 3: mining-only
      expectClose(first!.bestOnPaths, 1.5 / 4, 1e-12);
      expectClose(second!.bestOnPaths, 2.5 / 4, 1e-12);
    });

    it("counts the paths that never repay the price", function () {
      expect(first!.chanceNotRepaid).to.equal(0.25);
      expect(second!.chanceNotRepaid).to.equal(1);
    });

    it("counts a path that paid nothing as an IRR of −100 %", function () {
      expect(second!.irr.p50).to.equal(-1);
      expect(second!.irrNone.noInflow).to.equal(4);
    });

    it("compares the payouts with the price held in BTC on the same path", function () {
      // totals 55, 45, 60, 70 against holdings 60, 40, 50, 50
      expect(first!.chanceBeatsBtc).to.equal(0.75);
    });

    it("gives the yield per year on the price", function () {
      expectClose(first!.yieldPerYear.p50, 57.5 / 50 / 5, 1e-12);
    });
  });

  describe("summarizePolicies (paths without an IRR)", function () {
    const status = (reason: (typeof IRR_STATUS)[number]) => IRR_STATUS.indexOf(reason);
    const block = blockOf({
      irr: [
        [0.1, 0],
        [0, 0],
        [0, 0],
        [0.3, 0],
      ],
      irrStatus: [
        [status("ok"), 0],
        [status("below-range"), 0],
        [status("above-range"), 0],
        [status("ok"), 0],
      ],
    });
    const [summary] = summarizePolicies(block, shape, ["mining-only", "ai-only"], 50, 5);

    it("counts an IRR below −99.99 % as −100 % and leaves out one above the range", function () {
      expect(summary!.irrNone).to.deep.equal({ noInflow: 0, belowRange: 1, excluded: 1 });
      expectClose(summary!.irr.p50, 0.1, 1e-12);
    });
  });

  describe("dayBands", function () {
    it("gives null for a band that falls among paths that never got there", function () {
      expect(dayBands([10, 20, -1, -1])).to.deep.include({ p5: 10 + 0.15 * 10, p95: null });
    });

    it("gives the median when most paths got there", function () {
      expect(dayBands([10, 20, 30, -1]).p50).to.equal(25);
    });
  });

  describe("summarizeHold", function () {
    it("counts the paths where BTC held is worth less than the price", function () {
      expect(summarizeHold(blockOf({}, [60, 40, 30, 50]), 50).chanceLoss).to.equal(0.5);
    });

    it("leaves out a holding whose IRR is above the searched range, counts it, and gives no median", function () {
      const block = blockOf({});
      const put = (i: number, irr: number, status: (typeof IRR_STATUS)[number]) => {
        block.hold[i * HOLD_METRICS.length + HOLD_METRICS.indexOf("holdIrr")] = irr;
        block.hold[i * HOLD_METRICS.length + HOLD_METRICS.indexOf("holdIrrStatus")] = IRR_STATUS.indexOf(status);
      };
      [0.1, 0.2, 0.3].forEach((irr, i) => put(i, irr, "ok"));
      put(3, Number.NaN, "above-range");
      const hold = summarizeHold(block, 50);
      expect(hold.irrNone).to.deep.equal({ noInflow: 0, belowRange: 0, excluded: 1 });
      expectClose(hold.irr.p50, 0.2, 1e-12);
      expect(medianIrr(hold)).to.be.NaN;
    });

    it("summarizes a run of a few days, where a gain of a few days annualizes beyond any IRR", async function () {
      this.timeout(60_000);
      const scenario = parseScenario({});
      const result = await runAnalysis({
        scenario,
        seed: "few days",
        paths: 40,
        years: 3 / 365.25,
        policies: POLICY_NAMES,
        sale: { priceUsd: 50, shares: 1_000_000 },
        workers: 1,
        tornadoPaths: 0,
      });
      expect(result.hold.irrNone.excluded).to.be.greaterThan(0);
      expect(medianIrr(result.hold)).to.be.NaN;
    });
  });
});
