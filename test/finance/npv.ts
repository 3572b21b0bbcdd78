import { expect } from "chai";

import { investorCashFlows, npv, presentValueAt } from "../../src/finance/index.js";
import { expectClose } from "../model/helpers.js";

describe("finance/npv", function () {
  describe("npv", function () {
    it("discounts −100, +50, +60 at 10 % a year to −100 + 50/1.1 + 60/1.21", function () {
      expectClose(npv([-100, 50, 60], 0.1, 1), -100 + 50 / 1.1 + 60 / 1.21, 1e-12);
    });

    it("discounts 110 received 365 days later at 10 % a year to 100", function () {
      const flows = new Float64Array(366);
      flows[365] = 110;
      expectClose(npv(flows, 0.1), 100, 1e-10);
    });

    it("is the plain sum at a rate of 0", function () {
      expectClose(npv([-10, 3, 4, 5], 0), 2, 1e-12);
    });

    it("throws on a rate of −100 % or below", function () {
      expect(() => npv([1], -1)).to.throw(RangeError, "annualRate: must be a finite rate above -1");
    });
  });

  describe("presentValueAt", function () {
    it("evaluates Σ flow_t · z^t", function () {
      expectClose(presentValueAt([1, 2, 3], 0.5), 1 + 1 + 0.75, 1e-15);
    });
  });

  describe("investorCashFlows", function () {
    it("puts −price at t = 0 and day d's payout at t = d + 1", function () {
      expect(Array.from(investorCashFlows(50, [1, 2]))).to.deep.equal([-50, 1, 2]);
    });
  });
});
