import { expect } from "chai";

import { expectClose } from "./helpers.js";

import { settleDay, toBaseUnits } from "../../src/model/settlement.js";

describe("settlement", function () {
  describe("settleDay", function () {
    it("pays net minus operatorFee % on a positive day", function () {
      expect(settleDay(1_000, 0, 2)).to.deep.equal({ payoutUsd: 980, operatorFeeUsd: 20, carriedLossUsd: 0 });
    });

    it("pays nothing on a negative day and carries the loss, with no operator fee", function () {
      expect(settleDay(-100, 0, 2)).to.deep.equal({ payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 100 });
    });

    it("repays the carried loss before holders or the operator receive anything", function () {
      const day1 = settleDay(-100, 0, 2);
      const day2 = settleDay(30, day1.carriedLossUsd, 2);
      expect(day2).to.deep.equal({ payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 70 });
      const day3 = settleDay(100, day2.carriedLossUsd, 2);
      expectClose(day3.payoutUsd, 29.4, 1e-12);
      expectClose(day3.operatorFeeUsd, 0.6, 1e-12);
      expect(day3.carriedLossUsd).to.equal(0);
    });

    it("carries nothing when the day exactly repays the loss", function () {
      expect(settleDay(50, 50, 2)).to.deep.equal({ payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 0 });
    });
  });

  describe("toBaseUnits", function () {
    it("floors to base units", function () {
      expect(toBaseUnits(0.123456789, 1e8)).to.equal(12_345_678n);
      expect(toBaseUnits(1.9999999, 1e6)).to.equal(1_999_999n);
      expect(toBaseUnits(12.5, 1e6)).to.equal(12_500_000n);
    });

    it("is 0 for zero, negative or non-finite amounts", function () {
      expect(toBaseUnits(0, 1e8)).to.equal(0n);
      expect(toBaseUnits(-1, 1e8)).to.equal(0n);
      expect(toBaseUnits(Number.NaN, 1e8)).to.equal(0n);
    });
  });
});
