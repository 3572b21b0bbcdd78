import { expect } from "chai";

import { createMarket, createRng, DT_YEARS, gbmMeanLogReturn, gbmStep, parseScenario } from "../../src/model/index.js";
import { mean, standardDeviation, expectClose } from "./helpers.js";

describe("price", function () {
  describe("gbmStep", function () {
    it("applies S·exp((μ − σ²/2)·dt + σ·√dt·Z) with dt = 1/365", function () {
      expect(DT_YEARS).to.equal(1 / 365);
      const expected = 70_000 * Math.exp((0.3 - 0.125) / 365 + 0.5 * Math.sqrt(1 / 365) * 1.5);
      expectClose(gbmStep(70_000, 0.3, 0.5, 1.5), expected, 1e-9);
      expect(gbmStep(70_000, 0, 0, 3)).to.equal(70_000);
    });

    it("gives a yearly log-return with mean μ − σ²/2 and deviation σ over many seeded paths", function () {
      const rng = createRng("gbm-statistics", "price");
      const drift = 0.3;
      const volatility = 0.5;
      const yearly: number[] = [];
      for (let path = 0; path < 2_000; path++) {
        let price = 1;
        for (let day = 0; day < 365; day++) price = gbmStep(price, drift, volatility, rng.normal());
        yearly.push(Math.log(price));
      }
      // standard error of the mean: 0.5 / √2000 ≈ 0.011
      expectClose(mean(yearly), gbmMeanLogReturn(drift, volatility, 1), 0.04);
      expectClose(standardDeviation(yearly), volatility, 0.03);
    });
  });

  describe("market price path", function () {
    it("starts at btcPrice0 and steps with the seed's `price` stream", function () {
      const scenario = parseScenario({ btcDrift: 0.3 });
      const market = createMarket(scenario, "path");
      const rng = createRng("path", "price");
      const day0 = market.next();
      const day1 = market.next();
      expect(day0.btcPriceUsd).to.equal(70_000);
      expect(day1.btcPriceUsd).to.equal(gbmStep(70_000, 0.3, 0.5, rng.normal()));
    });
  });
});
