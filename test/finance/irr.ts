import { expect } from "chai";

import { irr, npv } from "../../src/finance/index.js";
import { expectClose } from "../model/helpers.js";

/** The rate of an `ok` result (fails the test otherwise). */
function rateOf(flows: ArrayLike<number>, periodsPerYear?: number): number {
  const result = irr(flows, periodsPerYear);
  if (!result.ok) expect.fail(`no IRR: ${result.reason}`);
  return result.rate;
}

/** `days` flows of zero with `last` at the end: `[first, 0, …, 0, last]`, last at t = days. */
function twoFlows(first: number, last: number, days: number): Float64Array {
  const flows = new Float64Array(days + 1);
  flows[0] = first;
  flows[days] = last;
  return flows;
}

describe("finance/irr", function () {
  describe("irr", function () {
    it("is 10 % for 100 paid and 110 received a year later (yearly periods)", function () {
      expectClose(rateOf([-100, 110], 1), 0.1, 1e-12);
    });

    it("is 10 % a year for 100 paid and 121 received 730 days later (daily periods)", function () {
      expectClose(rateOf(twoFlows(-100, 121, 730)), 0.1, 1e-10);
    });

    it("solves −100, +50, +60 to the root of the quadratic 60v² + 50v − 100 = 0, v = 1/(1+r)", function () {
      const v = (-50 + Math.sqrt(50 * 50 + 4 * 60 * 100)) / (2 * 60);
      expectClose(rateOf([-100, 50, 60], 1), 1 / v - 1, 1e-12);
    });

    it("is 0 when daily payouts add up exactly to the price", function () {
      const flows = [-100, ...Array<number>(365).fill(100 / 365)];
      expectClose(rateOf(flows), 0, 1e-10);
    });

    it("is negative when payouts repay less than the price", function () {
      expectClose(rateOf(twoFlows(-100, 50, 365)), -0.5, 1e-10);
    });

    it("makes the NPV zero at the rate it returns", function () {
      const flows = [-50, ...Array.from({ length: 1825 }, (_, d) => 0.02 + 0.00001 * d)];
      expectClose(npv(flows, rateOf(flows)), 0, 1e-8);
    });

    it("reports no-inflow when nothing is ever paid", function () {
      expect(irr([-100, 0, 0])).to.deep.equal({ ok: false, reason: "no-inflow" });
    });

    it("reports no-outflow when nothing is paid for the payouts", function () {
      expect(irr([0, 5, 5])).to.deep.equal({ ok: false, reason: "no-outflow" });
    });

    it("reports above-range when the rate is above the highest searched", function () {
      expect(irr([-1, 1e6], 1)).to.deep.equal({ ok: false, reason: "above-range" });
    });

    it("reports below-range when payouts are too small for any rate above −99.99 %", function () {
      expect(irr(twoFlows(-100, 1e-9, 365))).to.deep.equal({ ok: false, reason: "below-range" });
    });

    it("reports above-range for flows that start with an inflow and repay far more", function () {
      expect(irr([1e-9, 0, -100], 1)).to.deep.equal({ ok: false, reason: "above-range" });
    });

    it("reports no-root for −100, +230, −132, which has two roots (10 % and 20 %) and no bracket", function () {
      expect(irr([-100, 230, -132], 1)).to.deep.equal({ ok: false, reason: "no-root" });
    });

    it("throws on a flow that is not finite", function () {
      expect(() => irr([-1, Number.NaN])).to.throw(RangeError, "flows[1]: must be finite");
    });
  });
});
