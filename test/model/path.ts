import { expect } from "chai";

import { expectClose } from "./helpers.js";

import {
  allocateColumns,
  defaultScenario,
  loadHistory,
  parseScenario,
  POLICY_NAMES,
  rowOf,
  simulatePath,
  simulatePayouts,
  type PayoutColumns,
} from "../../src/model/index.js";

const scenario = defaultScenario();
const DAYS = 800;

describe("simulatePath", function () {
  this.timeout(30_000);

  describe("determinism", function () {
    it("gives identical columns and decisions for the same seed and scenario", function () {
      for (const policy of POLICY_NAMES) {
        const a = simulatePath(scenario, { seed: "same", pathIndex: 3, days: DAYS, policy });
        const b = simulatePath(scenario, { seed: "same", pathIndex: 3, days: DAYS, policy });
        expect(a.columns).to.deep.equal(b.columns);
        expect(a.decisions).to.deep.equal(b.decisions);
      }
    });

    it("derives path i from (seed, i) alone: the same path whatever was simulated before it", function () {
      const alone = simulatePath(scenario, { seed: 7, pathIndex: 5, days: 200, policy: "arbitrage" });
      for (let i = 0; i < 5; i++) simulatePath(scenario, { seed: 7, pathIndex: i, days: 200, policy: "arbitrage" });
      const after = simulatePath(scenario, { seed: 7, pathIndex: 5, days: 200, policy: "arbitrage" });
      expect(after.columns).to.deep.equal(alone.columns);
    });

    it("gives different paths for different path indices", function () {
      const a = simulatePath(scenario, { seed: 7, pathIndex: 0, days: 30, policy: "mining-only" });
      const b = simulatePath(scenario, { seed: 7, pathIndex: 1, days: 30, policy: "mining-only" });
      expect(a.columns.priceUsd[29]).to.not.equal(b.columns.priceUsd[29]);
    });

    it("shares the market path between policies of one seed and path", function () {
      const a = simulatePath(scenario, { seed: 1, pathIndex: 0, days: DAYS, policy: "mining-only" });
      const b = simulatePath(scenario, { seed: 1, pathIndex: 0, days: DAYS, policy: "ai-only" });
      expect(a.columns.priceUsd).to.deep.equal(b.columns.priceUsd);
      expect(a.columns.difficulty).to.deep.equal(b.columns.difficulty);
    });
  });

  describe("policies", function () {
    it("mining-only never converts", function () {
      const path = simulatePath(scenario, { seed: 2, pathIndex: 0, days: DAYS, policy: "mining-only" });
      expect(path.decisions).to.deep.equal([]);
      expect(Math.max(...path.columns.aiShare)).to.equal(0);
    });

    it("ai-only converts maxAiShare in whole dealSize blocks on day 0", function () {
      const path = simulatePath(scenario, { seed: 2, pathIndex: 0, days: 10, policy: "ai-only" });
      expect(path.decisions).to.have.length(1);
      expect(path.decisions[0]!.convertedMw).to.equal(30);
      expect(path.columns.aiShare[0]).to.equal(0.6);
    });

    it("arbitrage states both values and converts only when AI is worth more", function () {
      const path = simulatePath(scenario, { seed: 2, pathIndex: 0, days: DAYS, policy: "arbitrage" });
      expect(path.decisions.length).to.be.greaterThan(0);
      for (const d of path.decisions) {
        expect(Number.isFinite(d.aiValueUsdPerMw) && Number.isFinite(d.miningValueUsdPerMw)).to.equal(true);
        expect(d.convertedMw > 0).to.equal(d.aiValueUsdPerMw > d.miningValueUsdPerMw);
        expect(d.reason).to.match(/M USD\/MW/);
      }
      expect(Math.max(...path.columns.aiShare)).to.be.at.most(0.6 + 1e-12);
    });

    it("arbitrage keeps mining when AI deals are worth nothing", function () {
      const poorAi = parseScenario({ aiColoRevenue: 0.2 });
      const path = simulatePath(poorAi, { seed: 2, pathIndex: 0, days: 100, policy: "arbitrage" });
      expect(path.decisions.every((d) => d.convertedMw === 0)).to.equal(true);
      expect(path.decisions[0]!.reason).to.match(/keeps mining/);
    });
  });

  describe("accounting", function () {
    const path = simulatePath(scenario, { seed: 4, pathIndex: 0, days: DAYS, policy: "ai-only" });
    const c = path.columns;

    it("converted capacity mines nothing and earns nothing during the conversion lag", function () {
      const day = 100;
      expect(c.convertingMw[day]).to.equal(30);
      expect(c.aiRevenueUsd[day]).to.equal(0);
      expect(c.miningMw[day]! === 20 || c.shutdown[day] === 1).to.equal(true);
    });

    it("earns AI revenue from the end of the lag: IT MW × aiColoRevenue / 365", function () {
      const day = scenario.conversionLag;
      expect(c.aiMw[day]).to.equal(30);
      expectClose(c.aiRevenueUsd[day], ((30 / 1.4) * 1.75e6) / 365, 1e-6);
    });

    it("never pays holders a negative amount and carries losses forward", function () {
      for (let d = 0; d < DAYS; d++) {
        expect(c.holdersMiningUsd[d]).to.be.at.least(0);
        expect(c.holdersAiUsd[d]).to.be.at.least(0);
        if (c.holdersMiningUsd[d]! > 0) expect(c.carriedLossMiningUsd[d]).to.equal(0);
      }
    });

    it("rowOf returns one day with its date", function () {
      const row = rowOf(path, 1);
      expect(row.date).to.equal("2026-03-02");
      expect(row.priceUsd).to.equal(c.priceUsd[1]);
    });
  });

  describe("history", function () {
    it("replays the actual prices and difficulty from a start date", function () {
      const history = loadHistory();
      const path = simulatePath(scenario, {
        seed: 0,
        pathIndex: 0,
        days: 30,
        policy: "mining-only",
        history: { data: history, start: "2025-01-01", network: "actual" },
      });
      const i = history.days.findIndex((d) => d.date === "2025-01-01");
      expect(path.columns.priceUsd[0]).to.equal(history.days[i]!.priceUsd);
      expect(path.columns.difficulty[10]).to.equal(history.days[i + 10]!.difficulty);
    });

    it("refuses a run longer than the history with a one-line error", function () {
      expect(() =>
        simulatePath(scenario, {
          seed: 0,
          pathIndex: 0,
          days: 1000,
          policy: "mining-only",
          history: { data: loadHistory(), start: "2025-06-01", network: "model" },
        }),
      ).to.throw(/^history: 2025-06-01 plus 1000 days needs rows with difficulty/);
    });
  });
});

describe("simulatePayouts", function () {
  const payoutColumns = (days: number): PayoutColumns => ({
    priceUsd: new Float64Array(days),
    holdersMiningBtc: new Float64Array(days),
    holdersAiUsd: new Float64Array(days),
  });
  const cases = [
    { name: "the default scenario", scenario, history: undefined },
    {
      name: "a scenario that grows, keeps mining at a loss and signs from nothing",
      scenario: parseScenario({ capacityGrowthMwPerYear: 10, shutdownRule: false, aiItMwAtStart: 0 }),
      history: undefined,
    },
    {
      name: "gpu-cloud mode on the actual history",
      scenario: parseScenario({ aiMode: "gpu-cloud" }),
      history: "actual" as const,
    },
  ];
  for (const { name, scenario: s, history } of cases) {
    it(`gives every policy, run together on one market, the payouts and decisions it has alone: ${name}`, function () {
      const days = 700;
      const data = history === undefined ? undefined : { data: loadHistory(), start: "2024-01-01", network: history };
      const together = simulatePayouts(s, {
        seed: "together",
        pathIndex: 4,
        days,
        policies: POLICY_NAMES,
        columns: POLICY_NAMES.map(() => payoutColumns(days)),
        ...(data === undefined ? {} : { history: data }),
      });
      POLICY_NAMES.forEach((policy, k) => {
        const alone = simulatePath(s, {
          seed: "together",
          pathIndex: 4,
          days,
          policy,
          ...(data === undefined ? {} : { history: data }),
        });
        expect(together[k]!.policy).to.equal(policy);
        for (const column of ["priceUsd", "holdersMiningBtc", "holdersAiUsd"] as const) {
          expect(Array.from(together[k]!.columns[column]), `${policy} ${column}`).to.deep.equal(
            Array.from(alone.columns[column]),
          );
        }
        expect(together[k]!.decisions).to.deep.equal(alone.decisions);
      });
    });
  }

  it("gives pools of scenarios that differ outside the market, run on one market, the payouts each has alone", function () {
    const days = 500;
    const pools = [
      scenario,
      parseScenario({ powerPrice: 26 }),
      parseScenario({ aiColoRevenue: 2.13, conversionLag: 365 }),
      parseScenario({ loanToCost: 85, maxAiShare: 100 }),
    ];
    const policies = ["arbitrage", "arbitrage", "ai-only", "arbitrage"] as const;
    const together = simulatePayouts(scenario, {
      seed: "pools",
      pathIndex: 2,
      days,
      policies,
      scenarios: pools,
      columns: pools.map(() => payoutColumns(days)),
    });
    pools.forEach((pool, k) => {
      const alone = simulatePath(pool, { seed: "pools", pathIndex: 2, days, policy: policies[k]! });
      for (const column of ["priceUsd", "holdersMiningBtc", "holdersAiUsd"] as const) {
        expect(Array.from(together[k]!.columns[column]), `pool ${k} ${column}`).to.deep.equal(
          Array.from(alone.columns[column]),
        );
      }
      expect(together[k]!.decisions).to.deep.equal(alone.decisions);
    });
  });

  it("refuses a pool whose scenario has another market, in one line", function () {
    for (const other of [parseScenario({ btcDrift: 0.3 }), parseScenario({ networkPowerPrice: 70 })]) {
      expect(() =>
        simulatePayouts(scenario, {
          seed: 1,
          pathIndex: 0,
          days: 10,
          policies: ["mining-only", "mining-only"],
          scenarios: [scenario, other],
          columns: [payoutColumns(10), payoutColumns(10)],
        }),
      ).to.throw(/^scenarios: one per policy is needed, each with the market of the path's scenario$/);
    }
  });

  it("refuses columns shorter than the run, in one line", function () {
    expect(() =>
      simulatePayouts(scenario, {
        seed: 1,
        pathIndex: 0,
        days: 10,
        policies: ["mining-only"],
        columns: [payoutColumns(5)],
      }),
    ).to.throw(/^columns: one set of at least 10 days per policy is needed$/);
  });
});

describe("simulatePath columns reuse", function () {
  it("writes into given columns and gives the same numbers as fresh ones", function () {
    const scenario = defaultScenario();
    const fresh = simulatePath(scenario, { seed: 9, pathIndex: 2, days: 300, policy: "arbitrage" });
    const reused = allocateColumns(400);
    simulatePath(scenario, { seed: 9, pathIndex: 1, days: 400, policy: "ai-only", columns: reused });
    const again = simulatePath(scenario, { seed: 9, pathIndex: 2, days: 300, policy: "arbitrage", columns: reused });
    expect(again.columns).to.equal(reused);
    expect(Array.from(again.columns.holdersAiUsd.subarray(0, 300))).to.deep.equal(
      Array.from(fresh.columns.holdersAiUsd),
    );
    expect(Array.from(again.columns.priceUsd.subarray(0, 300))).to.deep.equal(Array.from(fresh.columns.priceUsd));
  });
});

describe("simulatePath capacity", function () {
  it("grows capacity pro rata and mines the new MW, with the pool's hashrate from PUE and J/TH", function () {
    const growing = parseScenario({ capacityGrowthMwPerYear: 36.5 });
    const path = simulatePath(growing, { seed: 1, pathIndex: 0, days: 20, policy: "mining-only" });
    const c = path.columns;
    expectClose(c.capacityMw[10], 51, 1e-9);
    let ran = 0; // days the fleet ran (and was renewed) before day 10
    for (let d = 0; d < 10; d++) ran += 1 - c.shutdown[d]!;
    const efficiency = 17.5 * (1 - growing.networkEfficiencyGain / 100) ** (ran / 365);
    expectClose(c.poolHashrateThs[10], (51 * 1e6) / (1.08 * efficiency), 1e-6);
    expect(c.miningMw[10] === 51 || c.shutdown[10] === 1).to.equal(true);
  });
});
