import { expect } from "chai";

import {
  buildTornado,
  groupJobPaths,
  groupJobs,
  marketGroups,
  parseScenario,
  pathsStage,
  simulateBlock,
  tornadoInputs,
  tornadoVariants,
  type PathBlock,
} from "../../src/analyze/index.js";
import { MARKET_FIELDS } from "../../src/model/index.js";

const scenario = parseScenario({ powerPrice: 40 });

describe("analyze/tornado", function () {
  describe("tornadoInputs", function () {
    it("takes the scenario's own value as the base", function () {
      expect(tornadoInputs(scenario).find((input) => input.field === "powerPrice")).to.deep.include({
        base: 40,
        low: 26,
        high: 50,
      });
    });

    it("leaves out the ranges of fields the model does not have", function () {
      const fields = new Set(Object.keys(scenario));
      for (const input of tornadoInputs(scenario)) expect(fields.has(input.field), input.field).to.equal(true);
    });
  });

  describe("tornadoVariants", function () {
    it("moves one input at a time and keeps the others", function () {
      const variant = tornadoVariants(scenario).find((v) => v.field === "powerPrice" && v.end === "high")!;
      expect(variant.scenario.powerPrice).to.equal(50);
      expect(variant.scenario.fleetEfficiency).to.equal(scenario.fleetEfficiency);
    });
  });

  describe("marketGroups", function () {
    const variants = tornadoVariants(scenario);
    const groups = marketGroups(variants);

    it("puts the base and every variant of a pool input in one group, and each variant of a market input alone", function () {
      const marketInputs = tornadoInputs(scenario).filter((input) =>
        (MARKET_FIELDS as readonly string[]).includes(input.field),
      );
      expect(marketInputs.map((input) => input.field)).to.include.members([
        "btcDrift",
        "feeShare",
        "networkPowerPrice",
      ]);
      expect(groups).to.have.length(1 + 2 * marketInputs.length);
      expect(groups[0]).to.have.length(variants.length - 2 * marketInputs.length);
      expect(groups.flat().sort((a, b) => a - b)).to.deep.equal(variants.map((_, v) => v));
      for (const v of groups[0]!) {
        expect(marketInputs.map((input) => input.field)).not.to.include(variants[v]!.field);
      }
    });

    it("gives every variant, run in its group, exactly the figures it has run alone", function () {
      const template = {
        seed: "groups",
        days: 200,
        sampleDays: [199],
        sale: { priceUsd: 20, shares: scenario.shares },
        discountRate: 0.08,
      };
      const range = [{ from: 3, to: 5 }];
      const poolArrays = (block: PathBlock, k: number, pools: number) => {
        const metrics = block.metrics.length / (2 * pools);
        return Array.from({ length: 2 }, (_, i) =>
          Array.from(block.metrics.subarray((i * pools + k) * metrics, (i * pools + k + 1) * metrics)),
        );
      };
      for (const group of groups) {
        const [job] = groupJobs(variants, group, template, "arbitrage", range);
        const together = simulateBlock(job!);
        group.forEach((v, k) => {
          const alone = simulateBlock({
            ...template,
            ...range[0]!,
            scenario: variants[v]!.scenario,
            policies: ["arbitrage"],
          });
          expect(poolArrays(together, k, group.length), `variant ${v}`).to.deep.equal(poolArrays(alone, 0, 1));
        });
      }
    });
  });

  describe("groupJobs", function () {
    it("makes jobs of the paths stage's shape: the same fields in the same order, every pool's scenario listed", function () {
      // A thread that meets a second shape of job when the tornado starts throws away the code compiled for the first.
      const options = {
        scenario,
        seed: "shape",
        paths: 10,
        years: 1,
        policies: ["mining-only", "arbitrage"] as const,
        sale: { priceUsd: 20, shares: scenario.shares },
        workers: 2,
        tornadoPaths: 4,
      };
      const { jobs, template, days } = pathsStage(options);
      const variants = tornadoVariants(scenario);
      const [group] = marketGroups(variants);
      const [tornadoJob] = groupJobs(variants, group!, { ...template, sampleDays: [days - 1] }, "arbitrage", [
        { from: 0, to: 4 },
      ]);
      expect(Object.keys(tornadoJob!)).to.deep.equal(Object.keys(jobs[0]!));
      expect(jobs[0]!.poolScenarios).to.deep.equal([scenario, scenario]);
      expect(tornadoJob!.poolScenarios).to.have.length(group!.length);
    });
  });

  describe("groupJobPaths", function () {
    it("gives a group of one variant the whole job size, and a group of many fewer paths per job, at least one", function () {
      expect(groupJobPaths(8, 1)).to.equal(8);
      expect(groupJobPaths(8, 3)).to.be.within(4, 7);
      expect(groupJobPaths(8, 41)).to.equal(1);
      expect(groupJobPaths(1, 41)).to.equal(1);
    });
  });

  describe("buildTornado", function () {
    it("orders the bars by swing, widest first", function () {
      const inputs = tornadoInputs(scenario);
      const irrs = [0.05, ...inputs.flatMap((_, i) => [0.05 - 0.001 * i, 0.05 + 0.001 * i])];
      const tornado = buildTornado(
        scenario,
        "arbitrage",
        10,
        irrs.map((irr) => ({ irr, npv: 0 })),
      );
      expect(tornado.bars[0]!.field).to.equal(inputs.at(-1)!.field);
      expect(tornado.baseIrr).to.equal(0.05);
    });

    it("orders bars of equal IRR swing by their NPV swing", function () {
      const inputs = tornadoInputs(scenario);
      const figures = [
        { irr: -1, npv: -40 },
        ...inputs.flatMap((_, i) => [
          { irr: -1, npv: -40 - i },
          { irr: -1, npv: -40 + i },
        ]),
      ];
      const tornado = buildTornado(scenario, "arbitrage", 10, figures);
      expect(tornado.bars[0]!.field).to.equal(inputs.at(-1)!.field);
    });
  });
});
