import { expect } from "chai";

import { loadScenario, parseScenario } from "../../src/model/index.js";
import { bandsCsv, dailyRows, modelPath, Planner, runBands } from "../../src/sim/index.js";
import { toWholeShares } from "../../src/tokens.js";
import { expectClose } from "../model/helpers.js";
import { EARLY_AI, planDays, plannerConfig } from "./helpers.js";

describe("bands", function () {
  this.timeout(60_000);
  const days = 60;
  const config = plannerConfig({ policy: "arbitrage", seed: "bands", days, holders: 5 });
  const planner = new Planner(config);
  const plans = planDays(planner, days);
  const rows = dailyRows(plans);

  describe("dailyRows", function () {
    it("pays one share on chain what the model's holders' columns pay, to within the base-unit rounding", function () {
      const { columns } = modelPath(config.scenario, "arbitrage", "bands", days);
      let usd = 0;
      let btc = 0;
      let sats = 0;
      let usdc = 0;
      for (let d = 0; d < days; d++) {
        const shares = toWholeShares(plans[d]!.supply);
        const price = columns.priceUsd[d]!;
        usd += (columns.holdersMiningBtc[d]! * price + columns.holdersAiUsd[d]!) / shares;
        btc += (columns.holdersMiningBtc[d]! + columns.holdersAiUsd[d]! / price) / shares;
        sats += columns.holdersMiningBtc[d]! * 1e8;
        usdc += columns.holdersAiUsd[d]! * 1e6;
      }
      expect(usd).to.be.greaterThan(0);
      const last = rows.at(-1)!;
      expectClose(Number(last.cumulativeUsdPerShare), usd, 1e-7);
      expectClose(Number(last.cumulativeBtcPerShare), btc, 1e-12);
      // Deposited in all: the model's totals rounded down to base units, nothing stranded.
      const deposited = (token: "depositedWbtc" | "depositedUsdc") => plans.reduce((t, p) => t + p[token], 0n);
      expect(deposited("depositedWbtc")).to.equal(BigInt(Math.floor(sats)));
      expect(deposited("depositedUsdc")).to.equal(BigInt(Math.floor(usdc)));
    });
  });

  describe("runBands", function () {
    it("draws the bands from the run's own scenario, seed and policy: with one path they are the on-chain path", function () {
      const bands = runBands({
        scenario: config.scenario,
        seed: "bands",
        policy: "arbitrage",
        paths: 1,
        plans,
        rows,
      });
      expect(bands!.points.map((p) => p.unit)).to.include.members(["USD", "BTC"]);
      expect(bands!.points.at(-1)!.day).to.equal(days - 1);
      for (const point of bands!.points) {
        expect(point.p5).to.equal(point.p95);
        expectClose(point.p50, point.onChain, point.unit === "USD" ? 1e-7 : 1e-12);
      }
    });

    it("differs from the on-chain path for another scenario, and spreads over many paths", function () {
      const { shares: _derived, ...early } = loadScenario(EARLY_AI);
      const other = parseScenario({ ...early, name: "other", btcDrift: 1.5 });
      const moved = runBands({ scenario: other, seed: "bands", policy: "arbitrage", paths: 1, plans, rows });
      const lastUsd = moved!.points.filter((p) => p.unit === "USD").at(-1)!;
      expect(Math.abs(lastUsd.p50 - lastUsd.onChain)).to.be.greaterThan(1e-6);

      const many = runBands({
        scenario: config.scenario,
        seed: "bands",
        policy: "arbitrage",
        paths: 40,
        plans,
        rows,
      });
      const last = many!.points.filter((p) => p.unit === "USD").at(-1)!;
      expect(last.p5).to.be.below(last.p95);
      expect(last.p25).to.be.within(last.p5, last.p50);
      expect(last.p75).to.be.within(last.p50, last.p95);
      expect(bandsCsv(many).split("\n")[0]).to.equal("unit,day,date,p5,p25,p50,p75,p95,on_chain");
    });

    it("makes no bands with zero paths", function () {
      expect(
        runBands({ scenario: config.scenario, seed: "bands", policy: "arbitrage", paths: 0, plans, rows }),
      ).to.equal(null);
    });
  });
});
