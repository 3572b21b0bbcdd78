import { expect } from "chai";

import { paybackDay, yieldPerYear } from "../../src/finance/index.js";
import { expectClose } from "../model/helpers.js";

describe("finance/payback", function () {
  describe("paybackDay", function () {
    it("is the day whose payout takes the sum past the price", function () {
      expect(paybackDay(10, [3, 3, 3, 3])).to.equal(3);
    });

    it("counts a sum exactly equal to the price as repaid", function () {
      expect(paybackDay(10, [5, 5])).to.equal(1);
    });

    it("is null when the payouts never repay the price", function () {
      expect(paybackDay(10, [1, 1, 1])).to.equal(null);
    });
  });

  describe("yieldPerYear", function () {
    it("is 30 paid over 5 years on a price of 100: 6 % a year", function () {
      expectClose(yieldPerYear(30, 100, 5), 0.06, 1e-15);
    });

    it("throws on a price of 0", function () {
      expect(() => yieldPerYear(1, 0, 1)).to.throw(RangeError, "price: must be > 0");
    });
  });
});
