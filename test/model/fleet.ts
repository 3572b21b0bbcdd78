import { expect } from "chai";

import { expectClose, expectWithin } from "./helpers.js";

import {
  defaultScenario,
  emptyMiningDay,
  fleetEfficiencyAt,
  fleetThs,
  miningDay,
  parseScenario,
  simulatePath,
  sustainingReservePerDay,
} from "../../src/model/index.js";

const scenario = defaultScenario();
const gain = scenario.networkEfficiencyGain / 100;

describe("fleet (sustaining reserve)", function () {
  describe("fleetEfficiencyAt", function () {
    it("is fleetEfficiency on day 0", function () {
      expect(fleetEfficiencyAt(scenario, 0)).to.equal(17.5);
    });

    it("improves at the network's efficiency gain: 17.5 × (1 − gain)^4 after four years of renewal", function () {
      expectClose(fleetEfficiencyAt(scenario, 4), 17.5 * (1 - gain) ** 4, 1e-12);
    });
  });

  describe("sustainingReservePerDay", function () {
    it("is fleetCapex × TH / (fleetLife × 365) of the starting fleet", function () {
      const ths = 50e6 / (1.08 * 17.5);
      expectClose(sustainingReservePerDay(scenario, 50), (15 * ths) / (4 * 365), 1e-6);
    });
  });

  describe("miningDay", function () {
    const btcPerHsDay = 4.4e-19; // about 31 USD/PH/day at 70,000 USD
    const price = 70_000;

    it("charges the same reserve per MW at any fleet age while the TH/s it buys grows", function () {
      const young = miningDay(emptyMiningDay(), scenario, 10, btcPerHsDay, price, 0);
      const old = miningDay(emptyMiningDay(), scenario, 10, btcPerHsDay, price, 3);
      expect(old.shutdown).to.equal(false);
      expectClose(old.depreciationUsd, young.depreciationUsd, 1e-9);
      expectWithin(old.btc / young.btc, fleetThs(10, scenario, 3) / fleetThs(10, scenario, 0), 1e-12);
      expectWithin(old.btc / young.btc, (1 - gain) ** -3, 1e-12);
    });

    it("earns and costs nothing, reserve included, on a shutdown day", function () {
      const day = miningDay(emptyMiningDay(), scenario, 10, btcPerHsDay / 10, price, 0);
      expect(day.shutdown).to.equal(true);
      expect([day.btc, day.revenueUsd, day.powerUsd, day.opexUsd, day.depreciationUsd]).to.deep.equal([0, 0, 0, 0, 0]);
    });
  });

  describe("simulatePath", function () {
    this.timeout(30_000);

    it("renews the fleet on the days it runs: the pool's TH/s grows by (1 − gain)^−years", function () {
      const days = 4 * 365;
      const c = simulatePath(scenario, { seed: 2, pathIndex: 0, days, policy: "mining-only" }).columns;
      let ran = 0;
      for (let d = 0; d < days - 1; d++) ran += 1 - c.shutdown[d]!;
      expect(ran).to.be.above(365);
      expectWithin(c.poolHashrateThs[days - 1]! / c.poolHashrateThs[0]!, (1 - gain) ** (-ran / 365), 1e-9);
    });

    it("does not renew the fleet on shutdown days (its renewal clock stands still)", function () {
      // a price crash that shuts the miners down for good after day 0
      const crash = parseScenario({ btcDrift: -40, btcVolatility: 0 });
      const c = simulatePath(crash, { seed: 1, pathIndex: 0, days: 60, policy: "mining-only" }).columns;
      expect(c.shutdown[59]).to.equal(1);
      let ran = 0;
      for (let d = 0; d < 59; d++) ran += 1 - c.shutdown[d]!;
      expectWithin(c.poolHashrateThs[59]! / c.poolHashrateThs[0]!, (1 - gain) ** (-ran / 365), 1e-9);
      expect(ran).to.be.below(59);
    });
  });
});
