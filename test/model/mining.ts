import { expect } from "chai";

import {
  blockRewardBtc,
  btcPerDay,
  btcPerDayFromNetworkShare,
  energyMwhPerDay,
  hashpriceBtcPerPhDay,
  hashpriceUsdPerPhDay,
  hashrateThsForPower,
  miningDay,
  miningMarginUsdPerMwh,
  networkHashrateFromDifficulty,
  revenueUsdPerMwh,
} from "../../src/model/index.js";
import { expectWithin, expectClose } from "./helpers.js";

// ECONOMICS.md checks (S4: hashrateindex.com roundup of 2026-01-12; J.P. Morgan Jan 2026 note).
const JAN_12_DIFFICULTY = 148.26e12;
const JAN_12_PRICE = 91_132;
/** Fees were 0.55 % of block rewards in the week to 2026-01-12 (S4). */
const JAN_12_FEE_SHARE = 0.55;

describe("mining", function () {
  describe("ECONOMICS.md checks", function () {
    it("2026-01-12: ≈ 0.000424 BTC (≈ 38.9 USD) per PH/s per day before pool fees", function () {
      const subsidyOnly = hashpriceBtcPerPhDay(JAN_12_DIFFICULTY, blockRewardBtc(3.125, 0));
      expectWithin(subsidyOnly, 0.000424, 0.05);
      const usd = hashpriceUsdPerPhDay(JAN_12_DIFFICULTY, blockRewardBtc(3.125, JAN_12_FEE_SHARE), JAN_12_PRICE);
      expectWithin(usd, 38.9, 0.05);
    });

    it("2026-01-12: hashprice ≈ 39.53 USD/PH/day with fees (published)", function () {
      const usd = hashpriceUsdPerPhDay(JAN_12_DIFFICULTY, blockRewardBtc(3.125, JAN_12_FEE_SHARE), JAN_12_PRICE);
      expectWithin(usd, 39.53, 0.05);
      // and at the scenario's default fee share of 1 %
      expectWithin(hashpriceUsdPerPhDay(JAN_12_DIFFICULTY, blockRewardBtc(3.125, 1), JAN_12_PRICE), 39.53, 0.05);
    });

    it("39.5 USD/PH/day at 17.5 J/TH earns ≈ 94 USD per MWh", function () {
      expectWithin(revenueUsdPerMwh(39.5, 17.5), 94, 0.05);
    });

    it("J.P. Morgan: ≈ 42,350 USD per EH/s per day in January 2026", function () {
      // J.P. Morgan's January 2026 average network hashrate: 981 EH/s; price as on 2026-01-12.
      const btc = btcPerDayFromNetworkShare(1e18, 981e18, blockRewardBtc(3.125, JAN_12_FEE_SHARE), 144);
      expectWithin(btc * JAN_12_PRICE, 42_350, 0.05);
    });
  });

  describe("btcPerDay", function () {
    it("equals the network-share form (H / Hnet) × 144 × reward", function () {
      const h = 2.857e18;
      const network = networkHashrateFromDifficulty(145e12);
      expectClose(btcPerDay(h, 145e12, 3.15625), btcPerDayFromNetworkShare(h, network, 3.15625, 144), 1e-12);
    });

    it("doubles with hashrate and halves with difficulty", function () {
      const base = btcPerDay(1e18, 145e12, 3.125);
      expectClose(btcPerDay(2e18, 145e12, 3.125), 2 * base, 1e-15);
      expectClose(btcPerDay(1e18, 290e12, 3.125), base / 2, 1e-15);
    });
  });

  describe("hashrateThsForPower / energyMwhPerDay", function () {
    it("gives whole TH/s: 50 MW at 17.5 J/TH is 2,857,142 TH/s", function () {
      expect(hashrateThsForPower(50, 17.5)).to.equal(2_857_142);
      expect(hashrateThsForPower(0, 17.5)).to.equal(0);
    });

    it("uses TH × J/TH × 24 / 1e6 MWh a day, times uptime", function () {
      expectClose(energyMwhPerDay(1_000_000, 17.5, 1), 420, 1e-9);
      expectClose(energyMwhPerDay(1_000_000, 17.5, 0.95), 399, 1e-9);
    });
  });

  describe("miningDay", function () {
    it("pays btcPerDay × (1 − poolFee) × uptime and charges energy at powerPrice", function () {
      const btcPerHsDay = btcPerDay(1, 145e12, 3.15625);
      const day = miningDay({
        hashrateThs: 2_857_142,
        btcPerHsDay,
        btcPriceUsd: 70_000,
        poolFeePct: 2.5,
        uptimePct: 95,
        fleetEfficiency: 17.5,
        powerPrice: 45,
      });
      const expected = 2_857_142e12 * btcPerHsDay;
      expectClose(day.btcExpected, expected, 1e-12);
      expectClose(day.btcGross, expected * 0.975 * 0.95, 1e-12);
      expectClose(day.usdGross, day.btcGross * 70_000, 1e-6);
      expectClose(day.energyMwh, (2_857_142 * 17.5 * 24 * 0.95) / 1e6, 1e-9);
      expectClose(day.energyCostUsd, day.energyMwh * 45, 1e-6);
      expectClose(day.netUsd, day.usdGross - day.energyCostUsd, 1e-6);
    });
  });

  describe("miningMarginUsdPerMwh", function () {
    it("is uptime × (revenue per MWh after pool fee − power price)", function () {
      const margin = miningMarginUsdPerMwh(39.5, { fleetEfficiency: 17.5, poolFee: 2.5, uptime: 95, powerPrice: 45 });
      expectClose(margin, 0.95 * ((39.5 / 0.42) * 0.975 - 45), 1e-9);
      expect(miningMarginUsdPerMwh(0, { fleetEfficiency: 17.5, poolFee: 2.5, uptime: 100, powerPrice: 45 })).to.equal(
        -45,
      );
    });
  });
});
