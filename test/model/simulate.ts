import { expect } from "chai";

import { expectClose } from "./helpers.js";

import {
  contractTermDays,
  conversionPays,
  createSimulation,
  type DayResult,
  DEFAULT_SCENARIO,
  epochOfHeight,
  parseScenario,
  POLICY_NAMES,
  type PolicyName,
  type Scenario,
  simulateDays,
  spreadUsdPerMwh,
} from "../../src/model/index.js";

const EPS = 1e-9;

/** AI deals that pay, a short lag so conversions earn within the run. */
const aiBoom = parseScenario({ aiColoRevenue: 1.9, conversionCapex: 7.5, discountRate: 6, conversionLag: 30 });

function committed(day: DayResult): number {
  return day.aiMw + day.convertingMw;
}

function spreadIsNegative(scenario: Scenario, day: DayResult): boolean {
  return spreadUsdPerMwh(day.hashpriceUsdPerPhDay, scenario) < 0;
}

function isEvaluationDay(scenario: Scenario, day: DayResult): boolean {
  return day.day === 0 || epochOfHeight(day.height + scenario.blocksPerDay - 1) > epochOfHeight(day.height - 1);
}

describe("simulate", function () {
  describe("determinism", function () {
    it("gives deep-equal results for the same scenario, policy and seed", function () {
      for (const policy of POLICY_NAMES) {
        expect(simulateDays(aiBoom, policy, "same-seed", 400)).to.deep.equal(
          simulateDays(aiBoom, policy, "same-seed", 400),
        );
      }
    });

    it("gives a different path for a different seed", function () {
      const a = simulateDays(aiBoom, "arbitrage", "seed-a", 30);
      const b = simulateDays(aiBoom, "arbitrage", "seed-b", 30);
      expect(a[0]!.btcPriceUsd).to.equal(b[0]!.btcPriceUsd); // day 0 is btcPrice0
      expect(a.map((d) => d.btcPriceUsd)).to.not.deep.equal(b.map((d) => d.btcPriceUsd));
    });

    it("createSimulation().next() matches simulateDays day by day", function () {
      const simulation = createSimulation(DEFAULT_SCENARIO, "ai-only", 9);
      const days = simulateDays(DEFAULT_SCENARIO, "ai-only", 9, 50);
      for (const expected of days) expect(simulation.next()).to.deep.equal(expected);
    });
  });

  describe("market path", function () {
    it("is the same for all three policies on one seed", function () {
      const runs = POLICY_NAMES.map((policy) => simulateDays(aiBoom, policy, "one-path", 500));
      const path = (days: DayResult[]) =>
        days.map((d) => [d.date, d.height, d.btcPriceUsd, d.difficulty, d.hashpriceUsdPerPhDay]);
      expect(path(runs[1]!)).to.deep.equal(path(runs[0]!));
      expect(path(runs[2]!)).to.deep.equal(path(runs[0]!));
      // while the allocations differ
      expect(runs[2]!.some((d) => d.aiMw > 0)).to.equal(true);
      expect(runs[0]!.some((d) => d.aiMw > 0)).to.equal(false);
    });

    it("dates days from startDate and advances 144 blocks a day", function () {
      const days = simulateDays(DEFAULT_SCENARIO, "mining-only", 1, 366);
      expect(days[0]!.date).to.equal("2026-03-01");
      expect(days[365]!.date).to.equal("2027-03-01");
      expect(days[365]!.height).to.equal(939_000 + 365 * 144);
      expectClose(days[365]!.capacityMw, 55, EPS);
    });
  });

  describe("mining-only", function () {
    it("has no AI: aiMw, convertingMw and AI revenue are 0 and all capacity mines", function () {
      for (const day of simulateDays(aiBoom, "mining-only", 3, 400)) {
        expect(day.aiMw).to.equal(0);
        expect(day.convertingMw).to.equal(0);
        expect(day.aiUsdGross).to.equal(0);
        expect(day.payoutUsdcUnits).to.equal(0n);
        expect(day.miningMw).to.equal(day.capacityMw);
      }
    });
  });

  describe("ai-only", function () {
    it("never commits more than maxAiShare of capacity", function () {
      for (const day of simulateDays(DEFAULT_SCENARIO, "ai-only", 4, 800)) {
        expect(committed(day)).to.be.at.most((DEFAULT_SCENARIO.maxAiShare / 100) * day.capacityMw + EPS);
        expectClose(day.miningMw + day.aiMw, day.capacityMw, EPS); // converting capacity mines
      }
    });

    it("converts maxAiShare on day 0 and earns only after conversionLag", function () {
      const days = simulateDays(DEFAULT_SCENARIO, "ai-only", 4, 400);
      expectClose(days[0]!.convertingMw, 10, EPS);
      expect(days[364]!.aiMw).to.equal(0);
      expect(days[364]!.aiUsdGross).to.equal(0);
      expectClose(days[365]!.aiMw, 10, EPS);
      expectClose(days[365]!.aiUsdGross, (10 * 1.6e6) / 365, 1e-6);
    });

    it("leaves converting capacity idle when mineWhileConverting is false", function () {
      const s = parseScenario({ mineWhileConverting: false });
      const day0 = simulateDays(s, "ai-only", 4, 1)[0]!;
      expectClose(day0.miningMw, 40, EPS);
      expect(day0.hashrateThs).to.equal(Math.floor((day0.miningMw * 1e6) / 17.5));
    });

    it("amortizes conversion capex over the first contract term and charges it to AI", function () {
      const s = parseScenario({ conversionLag: 0, capacityGrowthMwPerYear: 0 });
      const day0 = simulateDays(s, "ai-only", 4, 1)[0]!;
      expectClose(day0.conversionCapexUsd, (10 * 9e6) / contractTermDays(s), 1e-6);
      const net = day0.aiUsdGross - day0.aiCostUsd - day0.conversionCapexUsd;
      expectClose(day0.aiUsdNet, net * 0.98, 1e-6);
    });
  });

  describe("contract term", function () {
    it("ai-only renews at term end without new capex; capex is amortized over the first term only", function () {
      const s = parseScenario({ contractTerm: 0.1, conversionLag: 0, capacityGrowthMwPerYear: 0 });
      const term = contractTermDays(s);
      const days = simulateDays(s, "ai-only", 12, 3 * term);
      for (const day of days) {
        expectClose(day.aiMw, 10, EPS);
        if (day.day < term) expectClose(day.conversionCapexUsd, (10 * 9e6) / term, 1e-6);
        else expect(day.conversionCapexUsd).to.equal(0);
      }
    });
  });

  describe("arbitrage", function () {
    it("converts nothing while conversion does not pay", function () {
      const s = parseScenario({ conversionCapex: 1_000 });
      for (const day of simulateDays(s, "arbitrage", 5, 400)) expect(committed(day)).to.equal(0);
    });

    it("converts a slice on an evaluation day exactly when the discounted spread pays, within maxAiShare", function () {
      const s = parseScenario({ conversionCapex: 6.1, conversionLag: 30, maxAiShare: 100, btcVolatility: 0.8 });
      const days = simulateDays(s, "arbitrage", "arbitrage-property", 1000);
      let conversions = 0;
      let refusals = 0;
      for (const day of days) {
        const before = day.day === 0 ? 0 : committed(days[day.day - 1]!);
        const increase = committed(day) - before;
        expect(committed(day)).to.be.at.most((s.maxAiShare / 100) * day.capacityMw + EPS);
        if (!isEvaluationDay(s, day)) {
          expectClose(increase, 0, EPS, `day ${day.day}`);
          continue;
        }
        const window = days.slice(Math.max(0, day.day - s.arbitrageLookbackDays + 1), day.day + 1);
        const trailing = window.reduce((a, d) => a + d.hashpriceUsdPerPhDay, 0) / window.length;
        const headroom = (s.maxAiShare / 100) * day.capacityMw - before;
        if (conversionPays(trailing, s)) {
          conversions += 1;
          expectClose(increase, Math.min(headroom, (s.arbitrageSlice / 100) * day.capacityMw), 1e-6);
        } else {
          refusals += 1;
          expectClose(increase, 0, EPS, `day ${day.day}`);
        }
      }
      expect(conversions).to.be.greaterThan(0);
      expect(refusals).to.be.greaterThan(0);
    });

    it("starts earning exactly conversionLag days after each conversion", function () {
      const days = simulateDays(aiBoom, "arbitrage", 6, 400);
      const lag = aiBoom.conversionLag;
      expect(committed(days[0]!)).to.be.greaterThan(0);
      for (const day of days) {
        const expected = day.day < lag ? 0 : committed(days[day.day - lag]!);
        expectClose(day.aiMw, expected, 1e-9, `day ${day.day}`);
      }
    });
  });

  describe("AI capacity converted before the start (aiMwAtStart)", function () {
    /** 5 MW, two years into a ten-year contract. */
    const started = parseScenario({ aiMwAtStart: 5, aiContractAgeAtStartDays: 730 });
    /** 5 MW under a short contract (37 days) that started 10 days before day 0: it ends on day 27. */
    const ending = parseScenario({
      aiMwAtStart: 5,
      aiContractAgeAtStartDays: 10,
      contractTerm: 0.1,
      capacityGrowthMwPerYear: 0,
    });
    const endDay = contractTermDays(ending) - 10;

    it("earns AI revenue from day 0 under every policy, with no capex (sunk before the start)", function () {
      for (const policy of POLICY_NAMES) {
        const day0 = simulateDays(started, policy, 21, 1)[0]!;
        expectClose(day0.aiMw, 5, EPS);
        expectClose(day0.aiUsdGross, (5 * 1.6e6) / 365, 1e-6);
        expect(day0.conversionCapexUsd).to.equal(0);
        expectClose(day0.aiUsdNet, ((5 * 1.6e6) / 365) * 0.85 * 0.98, 1e-6);
        expect(day0.payoutUsdcUnits > 0n).to.equal(true);
        expectClose(day0.miningMw, 45, EPS);
      }
    });

    it("mining-only honours the contract until its term ends, then mines with every MW", function () {
      expect(endDay).to.equal(27);
      for (const day of simulateDays(ending, "mining-only", 22, 3 * endDay)) {
        expect(day.convertingMw).to.equal(0);
        expect(day.conversionCapexUsd).to.equal(0);
        if (day.day < endDay) {
          expect(day.aiMw).to.equal(5);
          expect(day.aiUsdGross).to.be.greaterThan(0);
          expect(day.miningMw).to.equal(45);
        } else {
          expect(day.aiMw).to.equal(0);
          expect(day.aiUsdGross).to.equal(0);
          expect(day.miningMw).to.equal(50);
        }
      }
    });

    it("ai-only renews it at term end; arbitrage renews it while the spread is positive", function () {
      for (const policy of ["ai-only", "arbitrage"] as const) {
        const days = simulateDays(ending, policy, 23, 3 * endDay);
        for (const day of days) expect(day.aiMw, `${policy} day ${day.day}`).to.be.at.least(5);
      }
    });

    it("arbitrage honours an uneconomic contract until its term ends, then releases it", function () {
      const uneconomic = parseScenario({ ...ending, aiColoRevenue: 0.1 });
      const days = simulateDays(uneconomic, "arbitrage", 24, 3 * endDay);
      for (const day of days) {
        expect(spreadIsNegative(uneconomic, day)).to.equal(true);
        expect(day.aiMw).to.equal(day.day < endDay ? 5 : 0);
      }
    });

    it("counts against maxAiShare: ai-only converts only the headroom left, every day", function () {
      const s = parseScenario({ aiMwAtStart: 4, aiContractAgeAtStartDays: 3000 });
      const days = simulateDays(s, "ai-only", 25, 800);
      expectClose(days[0]!.aiMw, 4, EPS);
      expectClose(days[0]!.convertingMw, 6, EPS);
      for (const day of days) {
        expect(committed(day)).to.be.at.most((s.maxAiShare / 100) * day.capacityMw + EPS);
        expect(day.aiMw).to.be.at.least(4); // renewed at day 650, never released
      }
      const full = simulateDays(parseScenario({ aiMwAtStart: 10 }), "ai-only", 25, 1)[0]!;
      expect(full.convertingMw).to.equal(0);
    });

    it("keeps every policy within maxAiShare when the pool starts at the cap", function () {
      const s = parseScenario({ ...aiBoom, aiMwAtStart: 10 });
      for (const policy of POLICY_NAMES) {
        const days = simulateDays(s, policy, 26, 500);
        for (const day of days) {
          expect(committed(day), `${policy} day ${day.day}`).to.be.at.most((s.maxAiShare / 100) * day.capacityMw + EPS);
        }
        if (policy !== "mining-only") expect(committed(days[499]!)).to.be.greaterThan(10); // growth adds headroom
      }
    });

    it("changes nothing when aiMwAtStart is 0, whatever the contract age", function () {
      const aged = parseScenario({ aiContractAgeAtStartDays: 500 });
      for (const policy of POLICY_NAMES) {
        expect(simulateDays(aged, policy, 27, 400)).to.deep.equal(simulateDays(DEFAULT_SCENARIO, policy, 27, 400));
      }
    });
  });

  describe("losses", function () {
    it("pays nothing from a loss-making mine and carries the loss forward, without operator fee", function () {
      const s = parseScenario({ powerPrice: 150 });
      const days = simulateDays(s, "mining-only", 7, 200);
      let carried = 0;
      for (const day of days) {
        expect(day.payoutWbtcSats).to.equal(0n);
        expect(day.miningBtcNet).to.equal(0);
        expect(day.operatorFeeUsd).to.equal(0);
        carried += day.energyCostUsd - day.miningUsdGross;
        expectClose(day.carriedLossMiningUsd, carried, 1e-6 * carried);
      }
      expect(carried).to.be.greaterThan(0);
    });

    it("repays a carried loss before paying holders again (mining near break-even)", function () {
      const s = parseScenario({ powerPrice: 80, btcVolatility: 0.8 });
      const days = simulateDays(s, "mining-only", "break-even", 400);
      let lossDays = 0;
      let recoveries = 0;
      let carried = 0;
      for (const day of days) {
        const available = day.miningUsdGross - day.energyCostUsd - carried;
        if (available > 0) {
          if (carried > 0) recoveries += 1;
          expectClose(day.miningUsdNet, available * 0.98, 1e-6);
          expect(day.carriedLossMiningUsd).to.equal(0);
        } else {
          lossDays += 1;
          expect(day.miningUsdNet).to.equal(0);
          expectClose(day.carriedLossMiningUsd, -available, 1e-6);
        }
        carried = day.carriedLossMiningUsd;
      }
      expect(lossDays).to.be.greaterThan(0);
      expect(recoveries).to.be.greaterThan(0);
    });

    it("carries AI losses (capex not covered) forward and never pays them from holders", function () {
      const s = parseScenario({ conversionLag: 0, aiColoRevenue: 0.5, capacityGrowthMwPerYear: 0 });
      const days = simulateDays(s, "ai-only", 8, 30);
      const dailyLoss = days[0]!.conversionCapexUsd + days[0]!.aiCostUsd - days[0]!.aiUsdGross;
      expect(dailyLoss).to.be.greaterThan(0);
      for (const day of days) {
        expect(day.payoutUsdcUnits).to.equal(0n);
        expectClose(day.carriedLossAiUsd, (day.day + 1) * dailyLoss, 1e-6);
      }
    });

    it("keeps mining and AI losses apart", function () {
      const ai = parseScenario({ conversionLag: 0, aiColoRevenue: 0.5 });
      for (const day of simulateDays(ai, "ai-only", 8, 60)) {
        expect(day.carriedLossMiningUsd).to.equal(0);
        expect(day.payoutWbtcSats > 0n).to.equal(true);
      }
    });
  });

  describe("DayResult", function () {
    it("floors payouts to WBTC satoshi and USDC units and reports whole TH/s", function () {
      for (const day of simulateDays(aiBoom, "ai-only", 10, 400)) {
        expect(day.payoutWbtcSats).to.equal(BigInt(Math.floor(day.miningBtcNet * 1e8)));
        expect(day.payoutUsdcUnits).to.equal(BigInt(Math.floor(day.aiUsdNet * 1e6)));
        expect(Number.isInteger(day.hashrateThs)).to.equal(true);
        expect(day.hashrateThs).to.equal(Math.floor((day.miningMw * 1e6) / 17.5));
        expectClose(day.miningUsdNet, day.miningBtcNet * day.btcPriceUsd, 1e-6);
      }
    });

    it("charges energy as TH × J/TH × 24 / 1e6 × uptime × powerPrice and pays net after operator fee", function () {
      for (const day of simulateDays(DEFAULT_SCENARIO, "mining-only", 11, 100)) {
        const energy = ((day.hashrateThs * 17.5 * 24) / 1e6) * 0.95 * 45;
        expectClose(day.energyCostUsd, energy, 1e-6);
        if (day.carriedLossMiningUsd === 0 && day.miningUsdNet > 0) {
          const net = day.miningUsdGross - day.energyCostUsd;
          expectClose(day.miningUsdNet, net * 0.98, 1e-6);
          expectClose(day.operatorFeeUsd, net * 0.02, 1e-6);
        }
      }
    });
  });

  describe("createSimulation", function () {
    it("refuses an unknown policy and an invalid scenario", function () {
      expect(() => createSimulation(DEFAULT_SCENARIO, "yolo" as PolicyName, 1)).to.throw(
        'policy: must be one of mining-only, ai-only, arbitrage (got "yolo")',
      );
      expect(() => createSimulation({ ...DEFAULT_SCENARIO, powerPrice: -3 }, "mining-only", 1)).to.throw(
        "scenario.powerPrice: must be ≥ 0 (got -3)",
      );
      expect(() => simulateDays(DEFAULT_SCENARIO, "mining-only", 1, -1)).to.throw(
        "days: must be a non-negative integer (got -1)",
      );
    });
  });
});
