import { expect } from "chai";

import { buildTornado, parseScenario, tornadoInputs, tornadoVariants } from "../../src/analyze/index.js";

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
