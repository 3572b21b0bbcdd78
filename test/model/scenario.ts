import { readdirSync, readFileSync } from "node:fs";

import { expect } from "chai";

import {
  fitNetwork,
  loadHistory,
  loadNetworkFit,
  loadScenario,
  NETWORK_PARAMS_FILE,
  parseScenario,
  SCENARIO_SCHEMA_FILE,
  scenarioJsonSchemaText,
} from "../../src/model/index.js";

const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json");

describe("scenario (v2)", function () {
  describe("shipped files", function () {
    for (const file of files) {
      it(`scenarios/${file} loads, names its schema and describes itself`, function () {
        const json = JSON.parse(readFileSync(`scenarios/${file}`, "utf8")) as Record<string, unknown>;
        expect(json.$schema).to.equal("./scenario.schema.json");
        expect(String(json.description)).to.have.length.greaterThan(20);
        expect(String(json.description)).to.not.match(/https?:|\.\.\//);
        expect(loadScenario(`scenarios/${file}`).name).to.equal(file.replace(/\.json$/, ""));
      });
    }

    it("scenarios/tenant-funded.json has the tenant pay 80 % of the conversion capex", function () {
      expect(loadScenario("scenarios/tenant-funded.json").tenantCapexShare).to.equal(80);
    });

    it("the committed JSON Schema is the one generated from the zod schema", function () {
      expect(JSON.parse(readFileSync(SCENARIO_SCHEMA_FILE, "utf8"))).to.deep.equal(
        JSON.parse(scenarioJsonSchemaText()),
      );
    });
  });

  describe("defaults", function () {
    const s = parseScenario({});

    it("carries the ECONOMICS defaults", function () {
      expect([s.btcPrice0, s.btcDrift, s.difficulty0, s.itToGrossMw, s.aiColoRevenue, s.conversionLag]).to.deep.equal([
        70_000, 0.1, 145e12, 1.4, 1.75, 540,
      ]);
      expect([s.loanToCost, s.loanRate, s.maxAiShare, s.dealSize, s.discountRate]).to.deep.equal([70, 8, 60, 20, 10]);
    });

    it("fills the fitted fields from the parameters file", function () {
      const fit = loadNetworkFit();
      expect(s.upElasticity).to.equal(fit.network.upElasticity);
      expect(s.networkEfficiencyGain).to.equal(fit.network.networkEfficiencyGain * 100);
      expect(s.feeAutocorrelation).to.equal(fit.fees.autocorrelation);
    });

    it("lets a file override a fitted field", function () {
      expect(parseScenario({ lagDays: 90 }).lagDays).to.equal(90);
    });

    it("gives every scenario its fields in one order, whichever of them the input set", function () {
      // The tornado's variants set every field, the scenario they vary usually leaves the fitted ones and the sale
      // price out: one order keeps the model's code on one object shape.
      const { shares: _derived, ...fields } = s;
      const everyField = parseScenario({ ...fields, lagDays: 90, salePriceUsd: 30 });
      expect(Object.keys(everyField)).to.deep.equal(Object.keys(s));
      expect(Object.keys(parseScenario({ salePriceUsd: 30, upElasticity: 0.5 }))).to.deep.equal(Object.keys(s));
    });
  });

  describe("errors", function () {
    it("names an unknown field", function () {
      expect(() => parseScenario({ powerPrise: 3 })).to.throw("scenario.powerPrise: unknown field");
    });

    it("names the field and the reason on one line", function () {
      expect(() => parseScenario({ powerPrice: -3 })).to.throw("scenario.powerPrice: must be ≥ 0 (got -3)");
    });

    it("names the file when it cannot be read", function () {
      expect(() => loadScenario("scenarios/nope.json")).to.throw(
        "scenario file scenarios/nope.json: cannot be read (ENOENT)",
      );
    });
  });
});

describe("fitted network parameters", function () {
  this.timeout(60_000);

  it("data/network-params.json is what the fit computes on the shipped history (npm run fit)", function () {
    const fit = fitNetwork(loadHistory(), { from: "2016-01-01", to: "9999-12-31" });
    expect(loadNetworkFit(NETWORK_PARAMS_FILE)).to.deep.equal(fit);
  });
});
