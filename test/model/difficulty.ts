import { expect } from "chai";

import {
  clampRetargetFactor,
  createMarket,
  DEFAULT_SCENARIO,
  type DifficultyParams,
  epochOfHeight,
  networkHashrateFromDifficulty,
  nextDifficulty,
  parseScenario,
  retargetFactor,
} from "../../src/model/index.js";
import { expectWithin, expectClose } from "./helpers.js";

const params: DifficultyParams = { growthPerEpoch: 0.012, priceBeta: 0.3, noisePerEpoch: 0.03, hashpriceRef: 40 };

describe("difficulty", function () {
  describe("retargetFactor", function () {
    it("is exp(g) when hashprice is at its reference and Z = 0", function () {
      expectClose(retargetFactor(params, 40, 0), Math.exp(0.012), 1e-15);
    });

    it("moves with hashprice with elasticity β", function () {
      expectClose(retargetFactor(params, 40 * Math.E, 0), Math.exp(0.012 + 0.3), 1e-12);
      expectClose(retargetFactor(params, 40 / Math.E, 0), Math.exp(0.012 - 0.3), 1e-12);
    });

    it("adds σ_D·Z of noise", function () {
      expectClose(retargetFactor(params, 40, 2), Math.exp(0.012 + 0.06), 1e-12);
    });

    it("is clamped to ×4 and ÷4 (one protocol retarget)", function () {
      expect(retargetFactor(params, 40, 1_000)).to.equal(4);
      expect(retargetFactor(params, 40, -1_000)).to.equal(0.25);
      expect(retargetFactor(params, 1e9, 0)).to.equal(4);
      expect(clampRetargetFactor(3.99)).to.equal(3.99);
      expect(clampRetargetFactor(0.26)).to.equal(0.26);
    });
  });

  describe("nextDifficulty", function () {
    it("multiplies the difficulty by the clamped factor", function () {
      expect(nextDifficulty(100e12, params, 40, 1_000)).to.equal(400e12);
      expect(nextDifficulty(100e12, params, 40, -1_000)).to.equal(25e12);
    });
  });

  describe("networkHashrateFromDifficulty", function () {
    it("gives ≈ 1,061 EH/s at 148.26T (D × 2^32 / 600)", function () {
      expectWithin(networkHashrateFromDifficulty(148.26e12) / 1e18, 1061.3, 0.001);
    });
  });

  describe("market path", function () {
    it("changes difficulty only on days in which a 2016-block epoch begins, within the clamp", function () {
      const scenario = parseScenario({ difficultyNoise: 50 });
      const market = createMarket(scenario, "difficulty-epochs");
      let previousDifficulty = market.next().difficulty;
      let retargets = 0;
      for (let i = 1; i < 200; i++) {
        const today = market.next();
        const lastBlock = today.height + scenario.blocksPerDay - 1;
        expect(today.newEpoch, `day ${today.day}`).to.equal(epochOfHeight(lastBlock) > epochOfHeight(today.height - 1));
        for (const segment of today.segments) {
          if (segment.startHeight % 2016 === 0) {
            retargets += 1;
            expect(segment.difficulty / previousDifficulty).to.be.within(0.25, 4);
          } else {
            expect(segment.difficulty, `height ${segment.startHeight}`).to.equal(previousDifficulty);
          }
          previousDifficulty = segment.difficulty;
        }
      }
      expect(retargets).to.be.greaterThan(10);
    });

    it("splits a day at a retarget height and weights each part by its blocks", function () {
      const scenario = parseScenario({ startHeight: 2016 * 500 - 44, feeVolatility: 0 });
      const day0 = createMarket(scenario, 7).next();
      expect(day0.segments.map((s) => s.blocks)).to.deep.equal([44, 100]);
      expect(day0.segments[0]!.difficulty).to.equal(scenario.difficulty0);
      expect(day0.segments[1]!.difficulty).to.not.equal(scenario.difficulty0);
      const weighted =
        (44 * day0.segments[0]!.hashpriceUsdPerPhDay + 100 * day0.segments[1]!.hashpriceUsdPerPhDay) / 144;
      expectClose(day0.hashpriceUsdPerPhDay, weighted, 1e-9);
      expect(DEFAULT_SCENARIO.blocksPerDay).to.equal(144);
    });
  });
});
