import { expect } from "chai";

import { COST_FACTOR, dayIndex, hashpriceFor, hashpriceOn, loadHistory } from "../../src/model/index.js";
import { expectWithin } from "./helpers.js";

const history = loadHistory();

describe("ECONOMICS checks (v2)", function () {
  describe("hashprice on 2026-01-12", function () {
    // difficulty 148.26e12, BTC 91,132 USD, subsidy 3.125 BTC; fees 0.55 % of the subsidy that day
    const subsidyOnly = hashpriceFor(148.26e12, 3.125, 1) / 1; // BTC per PH/s per day when price = 1

    it("gives 0.000424 BTC per PH/s per day from the subsidy alone", function () {
      expectWithin(subsidyOnly, 0.000424, 0.002);
    });

    it("gives 38.64 USD per PH/s per day from the subsidy alone", function () {
      expectWithin(hashpriceFor(148.26e12, 3.125, 91_132), 38.64, 0.002);
    });

    it("gives 0.000426 BTC and 38.85 USD with the day's 0.55 % fees", function () {
      expectWithin(hashpriceFor(148.26e12, 3.125 * 1.0055, 1), 0.000426, 0.002);
      expectWithin(hashpriceFor(148.26e12, 3.125 * 1.0055, 91_132), 38.85, 0.002);
    });

    it("is within 2 % of the published 39.53 USD", function () {
      expectWithin(hashpriceFor(148.26e12, 3.125 * 1.0055, 91_132), 39.53, 0.02);
    });
  });

  describe("revenue per MWh", function () {
    it("is about 94 USD/MWh at 39.5 USD/PH/day and 17.5 J/TH", function () {
      // USD/PH/day ÷ (J/TH × MWh per PH/day per J/TH) = USD/MWh
      expectWithin(39.5 / (17.5 * COST_FACTOR), 94, 0.005);
    });
  });

  describe("hashprice from the shipped history", function () {
    // the published checkpoints of the data's README: Luxor/Hashrate Index figures, USD per PH/s per day
    const checkpoints: [string, number][] = [
      ["2024-04-01", 108.6],
      ["2024-07-04", 44.842],
      ["2024-03-13", 120],
      ["2025-11-19", 38.2],
    ];
    for (const [date, published] of checkpoints) {
      it(`matches the published ${published} USD on ${date} within 5 %`, function () {
        expectWithin(hashpriceOn(history, dayIndex(history, date)), published, 0.05);
      });
    }
  });

  describe("block heights of the shipped history", function () {
    it("cross the 2020 halving height (630,000) on 2020-05-11", function () {
      const i = dayIndex(history, "2020-05-11");
      expect(history.heightAtEnd[i - 1]!).to.be.below(630_000);
      expect(history.heightAtEnd[i]!).to.be.at.least(630_000);
    });
  });
});
