import { expect } from "chai";

import { halvingsAt, nextHalvingHeight, subsidyBtc, subsidySats } from "../../src/model/halving.js";

describe("halving", function () {
  describe("subsidySats", function () {
    it("is 50 BTC at the genesis block", function () {
      expect(subsidySats(0)).to.equal(5_000_000_000n);
    });

    it("is 6.25 BTC at 839,999 and 3.125 BTC from 840,000 (the 2024 halving)", function () {
      expect(subsidySats(839_999)).to.equal(625_000_000n);
      expect(subsidySats(840_000)).to.equal(312_500_000n);
      expect(subsidyBtc(840_000)).to.equal(3.125);
    });

    it("halves again to 1.5625 BTC at 1,050,000 (~2028)", function () {
      expect(subsidySats(1_049_999)).to.equal(312_500_000n);
      expect(subsidySats(1_050_000)).to.equal(156_250_000n);
    });

    it("floors each halving to whole satoshi: 1 sat at the 32nd, 0 from the 33rd", function () {
      expect(subsidySats(32 * 210_000)).to.equal(1n); // 5e9 >> 32 = 1
      expect(subsidySats(33 * 210_000)).to.equal(0n);
    });

    it("is 0 after 64 halvings (no shift by 64 or more)", function () {
      expect(subsidySats(64 * 210_000 - 1)).to.equal(0n);
      expect(subsidySats(64 * 210_000)).to.equal(0n);
      expect(subsidySats(100 * 210_000)).to.equal(0n);
    });

    it("reverts on a negative or fractional height", function () {
      expect(() => subsidySats(-1)).to.throw(RangeError, "height: must be a non-negative integer (got -1)");
      expect(() => subsidySats(1.5)).to.throw(RangeError);
    });
  });

  describe("halvingsAt / nextHalvingHeight", function () {
    it("counts halvings and finds the next one", function () {
      expect(halvingsAt(839_999)).to.equal(3);
      expect(halvingsAt(840_000)).to.equal(4);
      expect(nextHalvingHeight(939_000)).to.equal(1_050_000);
      expect(nextHalvingHeight(1_050_000)).to.equal(1_260_000);
    });
  });
});
