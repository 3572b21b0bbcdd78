import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

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

  describe("loadScenario", function () {
    it("loads scenarios/default.json to exactly the defaults", function () {
      const loaded = loadScenario(new URL("default.json", scenarios).pathname);
      expect(loaded.name).to.equal("default");
      expect(loaded.description).to.not.equal("");
      expect({ ...loaded, description: "" }).to.deep.equal(DEFAULT_SCENARIO);
    });

    it("loads the bull, bear and ai-boom files over the defaults", function () {
      const bull = loadScenario(new URL("bull.json", scenarios).pathname);
      const bear = loadScenario(new URL("bear.json", scenarios).pathname);
      const aiBoom = loadScenario(new URL("ai-boom.json", scenarios).pathname);
      expect(bull.btcDrift).to.equal(0.3);
      expect(bear.btcDrift).to.equal(-0.3);
      expect(aiBoom.aiColoRevenue).to.equal(1.9);
      expect(bull.powerPrice).to.equal(DEFAULT_SCENARIO.powerPrice);
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
