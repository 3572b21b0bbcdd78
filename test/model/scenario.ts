import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { expectClose } from "./helpers.js";

import { DEFAULT_SCENARIO, loadScenario, parseScenario } from "../../src/model/index.js";

const scenarios = new URL("../../scenarios/", import.meta.url);

function parseError(input: unknown): string {
  try {
    parseScenario(input);
  } catch (error) {
    const message = (error as Error).message;
    expect(message).to.not.include("\n");
    return message;
  }
  expect.fail("parseScenario accepted invalid input");
}

describe("scenario", function () {
  describe("parseScenario", function () {
    it("returns the ECONOMICS.md defaults for an empty scenario", function () {
      expect(parseScenario({})).to.deep.equal(DEFAULT_SCENARIO);
      expect(parseScenario(undefined)).to.deep.equal(DEFAULT_SCENARIO);
    });

    it("carries the parameter table's defaults", function () {
      const s = parseScenario({});
      expect(s.difficulty0).to.equal(145e12);
      expect(s.btcPrice0).to.equal(70_000);
      expect(s.fleetEfficiency).to.equal(17.5);
      expect(s.powerPrice).to.equal(45);
      expect(s.poolFee).to.equal(2.5);
      expect(s.uptime).to.equal(95);
      expect(s.conversionCapex).to.equal(9);
      expect(s.maxAiShare).to.equal(20);
      expect(s.operatorFee).to.equal(2);
    });

    it("merges a partial scenario over the defaults", function () {
      const s = parseScenario({ powerPrice: 30, aiMode: "gpu-cloud" });
      expect(s).to.deep.equal({ ...DEFAULT_SCENARIO, powerPrice: 30, aiMode: "gpu-cloud" });
    });

    it("names the field and the reason: scenario.powerPrice: must be ≥ 0 (got -3)", function () {
      expect(parseError({ powerPrice: -3 })).to.equal("scenario.powerPrice: must be ≥ 0 (got -3)");
    });

    it("refuses wrong types, ranges, enums, dates and integers", function () {
      expect(parseError({ uptime: "high" })).to.equal('scenario.uptime: must be a number (got "high")');
      expect(parseError({ uptime: 120 })).to.equal("scenario.uptime: must be ≤ 100 (got 120)");
      expect(parseError({ btcPrice0: 0 })).to.equal("scenario.btcPrice0: must be > 0 (got 0)");
      expect(parseError({ aiMode: "cloud" })).to.equal(
        'scenario.aiMode: must be one of "colocation", "gpu-cloud" (got "cloud")',
      );
      expect(parseError({ startDate: "2026-02-30" })).to.equal(
        'scenario.startDate: must be a calendar date YYYY-MM-DD (got "2026-02-30")',
      );
      expect(parseError({ conversionLag: 1.5 })).to.equal("scenario.conversionLag: must be an integer (got 1.5)");
      expect(parseError({ mineWhileConverting: "yes" })).to.equal(
        'scenario.mineWhileConverting: must be a boolean (got "yes")',
      );
    });

    it("refuses unknown fields (typos)", function () {
      expect(parseError({ powrPrice: 30 })).to.equal("scenario.powrPrice: unknown field");
    });

    it("refuses a non-object scenario", function () {
      expect(parseError(null)).to.equal("scenario: must be an object (got null)");
      expect(parseError([1])).to.equal("scenario: must be an object (got an array)");
    });

    it("reports every invalid field on one line", function () {
      expect(parseError({ powerPrice: -3, poolFee: 100 })).to.equal(
        "scenario.powerPrice: must be ≥ 0 (got -3); scenario.poolFee: must be < 100 (got 100)",
      );
    });
  });

  describe("capacity already converted at the start", function () {
    it("defaults to none: aiMwAtStart 0, aiContractAgeAtStartDays 0", function () {
      expect(DEFAULT_SCENARIO.aiMwAtStart).to.equal(0);
      expect(DEFAULT_SCENARIO.aiContractAgeAtStartDays).to.equal(0);
    });

    it("accepts up to maxAiShare % of capacityMw, the cap itself included", function () {
      expect(parseScenario({ aiMwAtStart: 10 }).aiMwAtStart).to.equal(10);
      expect(parseScenario({ aiMwAtStart: 30, maxAiShare: 60 }).aiMwAtStart).to.equal(30);
      expect(parseScenario({ aiMwAtStart: 7, capacityMw: 35 }).aiMwAtStart).to.equal(7);
      // (3 / 100) × 11 is 0.32999999999999996 in floating point: the cap itself is still accepted
      expect(parseScenario({ aiMwAtStart: 0.33, capacityMw: 11, maxAiShare: 3 }).aiMwAtStart).to.equal(0.33);
    });

    it("refuses aiMwAtStart above maxAiShare % of capacityMw, naming the cap", function () {
      expect(parseError({ aiMwAtStart: 12 })).to.equal(
        "scenario.aiMwAtStart: must be ≤ maxAiShare × capacityMw = 20 % × 50 MW = 10 MW (got 12)",
      );
      expect(parseError({ aiMwAtStart: 10.6, capacityMw: 30, maxAiShare: 35 })).to.equal(
        "scenario.aiMwAtStart: must be ≤ maxAiShare × capacityMw = 35 % × 30 MW = 10.5 MW (got 10.6)",
      );
      expect(parseError({ aiMwAtStart: 0.1, maxAiShare: 0 })).to.equal(
        "scenario.aiMwAtStart: must be ≤ maxAiShare × capacityMw = 0 % × 50 MW = 0 MW (got 0.1)",
      );
    });

    it("refuses a negative aiMwAtStart, and reports only the field at fault when capacityMw is invalid", function () {
      expect(parseError({ aiMwAtStart: -1 })).to.equal("scenario.aiMwAtStart: must be ≥ 0 (got -1)");
      expect(parseError({ aiMwAtStart: 5, capacityMw: 0 })).to.equal("scenario.capacityMw: must be > 0 (got 0)");
    });

    it("refuses a contract age of a whole term or more, a negative or a fractional one", function () {
      expect(parseScenario({ aiMwAtStart: 5, aiContractAgeAtStartDays: 3649 }).aiContractAgeAtStartDays).to.equal(3649);
      expect(parseError({ aiMwAtStart: 5, aiContractAgeAtStartDays: 3650 })).to.equal(
        "scenario.aiContractAgeAtStartDays: must be < the contract term, round(contractTerm × 365) = 3650 days (got 3650)",
      );
      expect(parseError({ aiContractAgeAtStartDays: 400, contractTerm: 1 })).to.equal(
        "scenario.aiContractAgeAtStartDays: must be < the contract term, round(contractTerm × 365) = 365 days (got 400)",
      );
      expect(parseError({ aiContractAgeAtStartDays: -1 })).to.equal(
        "scenario.aiContractAgeAtStartDays: must be ≥ 0 (got -1)",
      );
      expect(parseError({ aiContractAgeAtStartDays: 1.5 })).to.equal(
        "scenario.aiContractAgeAtStartDays: must be an integer (got 1.5)",
      );
    });
  });

  describe("loadScenario", function () {
    it("reads a v2 scenario file (it has a $schema) through scenarioFromV2", function () {
      const demo = loadScenario(new URL("demo.json", scenarios).pathname);
      expect(demo.name).to.equal("demo");
      expectClose(demo.aiMwAtStart, 5 * 1.4, 1e-9);
      expect(demo.aiContractAgeAtStartDays).to.equal(730);
    });

    it("names the file when it is missing or not JSON, and the field when it is invalid", function () {
      const dir = mkdtempSync(join(tmpdir(), "hashshare-scenario-"));
      const missing = join(dir, "missing.json");
      expect(() => loadScenario(missing)).to.throw(`scenario file ${missing}: cannot be read (ENOENT)`);
      const broken = join(dir, "broken.json");
      writeFileSync(broken, "{ powerPrice: ");
      expect(() => loadScenario(broken)).to.throw(`scenario file ${broken}: invalid JSON`);
      const invalid = join(dir, "invalid.json");
      writeFileSync(invalid, JSON.stringify({ powerPrice: -3 }));
      expect(() => loadScenario(invalid)).to.throw("scenario.powerPrice: must be ≥ 0 (got -3)");
    });
  });
});
