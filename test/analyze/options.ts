import { expect } from "chai";

import { parseAnalyzeArguments, type RawAnalyzeArguments } from "../../src/analyze/index.js";

const none: RawAnalyzeArguments = {
  paths: "",
  years: "",
  seed: "",
  workers: "",
  scenario: "",
  policy: "",
  price: "",
  backtest: "",
  out: "",
  tornadoPaths: "",
};

const errorOf = (raw: Partial<RawAnalyzeArguments>): string => {
  try {
    parseAnalyzeArguments({ ...none, ...raw });
  } catch (error) {
    return (error as Error).message;
  }
  return expect.fail("no error");
};

describe("analyze/options", function () {
  describe("parseAnalyzeArguments", function () {
    it("defaults to 1,000 paths × 5 years of every policy", function () {
      const parsed = parseAnalyzeArguments(none);
      expect(parsed).to.deep.include({ paths: 1000, years: 5, seed: "hashshare", tornadoPaths: 200 });
      expect(parsed.policies).to.deep.equal(["mining-only", "ai-only", "arbitrage"]);
      expect(parsed.out.endsWith("reports/analyze")).to.equal(true);
    });

    it("accepts a comma list of policies", function () {
      expect(parseAnalyzeArguments({ ...none, policy: "arbitrage,mining-only" }).policies).to.deep.equal([
        "mining-only",
        "arbitrage",
      ]);
    });

    it("refuses 0 paths in one line", function () {
      expect(errorOf({ paths: "0" })).to.equal('--paths must be at least 1, got "0"');
    });

    it("refuses paths that are not a whole number", function () {
      expect(errorOf({ paths: "1e3" })).to.equal('--paths must be a whole number, got "1e3"');
    });

    it("refuses a negative horizon", function () {
      expect(errorOf({ years: "-1" })).to.equal('--years must be a number of years such as 5 or 0.5, got "-1"');
    });

    it("refuses 0 workers", function () {
      expect(errorOf({ workers: "0" })).to.equal('--workers must be at least 1, got "0"');
    });

    it("refuses workers that are neither auto nor a number", function () {
      expect(errorOf({ workers: "many" })).to.equal(
        '--workers must be "auto" or a whole number from 1 to 64, got "many"',
      );
    });

    it("refuses an unknown policy", function () {
      expect(errorOf({ policy: "hodl" })).to.equal(
        '--policy must be "all" or a comma list of mining-only, ai-only, arbitrage, got "hodl"',
      );
    });

    it("refuses a date that does not exist", function () {
      expect(errorOf({ backtest: "2024-02-30" })).to.equal(
        '--backtest must be a calendar date YYYY-MM-DD, got "2024-02-30"',
      );
    });

    it("refuses a price of 0", function () {
      expect(errorOf({ price: "0" })).to.equal('--price must be more than 0, got "0"');
    });
  });
});
