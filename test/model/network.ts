import { expect } from "chai";

import {
  advanceDay,
  copyNetworkState,
  createNetworkState,
  hashrateAtTarget,
  type NetworkParams,
  networkCostUsdPerPhDay,
  normalCdf,
  retargetStep,
  runningShare,
  zero,
} from "../../src/model/index.js";
import { expectClose } from "./helpers.js";

const params: NetworkParams = {
  networkEfficiency0: 22,
  networkEfficiencyGain: 0.15,
  networkPowerPrice: 50,
  upElasticity: 0.6,
  downElasticity: 0.6,
  lagDays: 7,
  difficultyNoise: 0,
};

describe("network model", function () {
  describe("copyNetworkState", function () {
    it("copies every field, so a projection from the copy is the projection from the original", function () {
      const state = createNetworkState({ difficulty: 1e14, height: 900_000, margin: 0.5 });
      for (let day = 0; day < 20; day++) advanceDay(state, params, 70_000 + 500 * day, 0.02, zero);
      const copy = createNetworkState({ difficulty: 1, height: 0, margin: 0 });
      copyNetworkState(state, copy);
      expect(copy).to.deep.equal(state);
      advanceDay(copy, params, 80_000, 0.02, zero, 14);
      advanceDay(state, params, 80_000, 0.02, zero, 14);
      expect(copy).to.deep.equal(state);
    });
  });

  describe("networkCostUsdPerPhDay", function () {
    it("is networkEfficiency × 0.024 × networkPowerPrice, falling by the gain a year", function () {
      expectClose(networkCostUsdPerPhDay(params, 0), 22 * 0.024 * 50, 1e-12);
      expectClose(networkCostUsdPerPhDay(params, 1), 22 * 0.85 * 0.024 * 50, 1e-12);
    });
  });

  describe("runningShare", function () {
    it("is 1 without a spread, whatever the margin", function () {
      expect(runningShare(0, -2)).to.equal(1);
    });

    it("is Φ((x + s²/2) / s): half the machines run when hashprice is e^(−s²/2) of the average cost", function () {
      expectClose(runningShare(0.4, -0.08), 0.5, 1e-7);
      expectClose(runningShare(0.4, 0.48), normalCdf(1.4), 1e-12);
      expectClose(normalCdf(1.96), 0.975, 1e-4);
    });

    it("stops machines on the day hashprice falls, before the installed hashrate changes", function () {
      // at height 900,000 (3.125 BTC) and difficulty 1e14, 70,000 USD is ~44 USD/PH/day, 35,000 ~22: cost is 26.4
      const state = createNetworkState({ difficulty: 1e14, height: 900_000, margin: 0.5 });
      const spread = { ...params, efficiencySpread: 0.5 };
      advanceDay(state, spread, 70_000, 0, zero);
      const running = state.hashrate;
      advanceDay(state, spread, 35_000, 0, zero);
      expect(state.hashrate / running).to.be.lessThan(0.6);
      expect(state.installed).to.be.greaterThan(state.hashrate);
    });
  });

  describe("retargetStep", function () {
    it("is 14 days over the epoch's duration, clamped to ×4 / ÷4", function () {
      expect(retargetStep(14)).to.equal(1);
      expect(retargetStep(7)).to.equal(2);
      expect(retargetStep(1)).to.equal(4);
      expect(retargetStep(100)).to.equal(0.25);
    });
  });

  describe("advanceDay", function () {
    it("finds 144 blocks a day at the target hashrate", function () {
      const state = createNetworkState({ difficulty: 1e14, height: 1000, margin: 0 });
      advanceDay(state, params, 70_000, 0.01, zero);
      expectClose(state.blocks, 144, 1e-9);
    });

    it("retargets by the epoch's own duration: an epoch mined in 7 days doubles the difficulty", function () {
      // 72 blocks before the retarget at 2016 at twice the target pace: half a day in, 6.5 days after the epoch began
      const state = createNetworkState({ difficulty: 1e14, height: 1944, margin: 0, epochStart: -6.75 });
      state.hashrate = 2 * hashrateAtTarget(1e14);
      advanceDay(state, params, 70_000, 0.01, zero);
      expect(state.retargeted).to.equal(true);
      expectClose(state.difficulty, 1e14 * (14 / 7), 1e3);
      expectClose(state.epochStart, 0.25, 1e-9);
    });

    it("splits a day at the halving height", function () {
      const state = createNetworkState({ difficulty: 1e14, height: 1_050_000 - 72, margin: 0 });
      advanceDay(state, params, 70_000, 0, zero);
      const fullDay = (86_400 * 3.125) / (1e14 * 2 ** 32);
      expectClose(state.btcPerHsDay / fullDay, 0.75, 1e-9); // half a day at 3.125, half at 1.5625
    });

    it("grows hashrate above cost and shrinks it below", function () {
      const up = createNetworkState({ difficulty: 1e14, height: 1000, margin: 0.5 });
      const before = up.hashrate;
      advanceDay(up, params, 1e6, 0, zero);
      expect(up.hashrate).to.be.greaterThan(before);
      const down = createNetworkState({ difficulty: 1e14, height: 1000, margin: -0.5 });
      advanceDay(down, params, 1, 0, zero);
      expect(down.hashrate).to.be.lessThan(before);
    });
  });
});
