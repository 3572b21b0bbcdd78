import { expect } from "chai";
import { network } from "hardhat";

import { UserError } from "../../src/cli/errors.js";
import { readHashShareParameters, type HashShareParameters } from "../../src/deployment/index.js";
import { loadScenario } from "../../src/model/index.js";
import { pricePerShareUnits, readJournal, runParameters, type RunResult } from "../../src/sim/index.js";
import { ONE_SHARE } from "../../src/tokens.js";
import { removeTempOuts, simulate, smallRun, tempOut } from "./helpers.js";

const LOCAL = "ignition/parameters/local.json";

describe("simulate: the sale at the scenario's price, one share per TH/s", function () {
  this.timeout(120_000);
  after(removeTempOuts);

  describe("pricePerShareUnits", function () {
    it("is the price in USDC base units (6 decimals) per share", function () {
      expect(pricePerShareUnits(22.56)).to.equal(22_560_000n);
      expect(pricePerShareUnits(40.93)).to.equal(40_930_000n);
    });

    it("rounds to the USDC base unit", function () {
      expect(pricePerShareUnits(42.1234567)).to.equal(42_123_457n);
    });

    it("refuses a price under half a USDC base unit with one line", function () {
      expect(() => pricePerShareUnits(1e-7)).to.throw(UserError, /^the scenario's sale price 1e-7 USD is not a price/);
    });
  });

  describe("runParameters", function () {
    let file: HashShareParameters;
    before(async function () {
      file = await readHashShareParameters(LOCAL);
    });

    it("replaces the file's Sale.pricePerShare with the scenario's price and keeps everything else", function () {
      expect(file.sale.pricePerShare).to.equal(50_000_000n); // the walkthrough's price, not the scenario's
      const run = runParameters(file, 22.56);
      expect(run.sale.pricePerShare).to.equal(22_560_000n);
      expect({ ...run, sale: { ...run.sale, pricePerShare: file.sale.pricePerShare } }).to.deep.equal(file);
    });

    it("refuses a pool that does not mint one share per TH/s (the scenario's unit)", function () {
      const other = { ...file, pool: { ...file.pool, sharesPerTHs: 2n * ONE_SHARE } };
      expect(() => runParameters(other, 22.56)).to.throw(
        UserError,
        "the simulator counts one share per TH/s, as the scenario does: Pool.sharesPerTHs must be 1000000000000000000n, got 2000000000000000000n",
      );
    });
  });

  describe("a run of the default scenario", function () {
    const scenario = loadScenario("scenarios/default.json");
    let out: string;
    let result: RunResult;

    before(async function () {
      out = tempOut("sale-price");
      const connection = await network.create();
      try {
        result = await simulate(
          connection,
          smallRun(out, {
            scenarioPath: "scenarios/default.json",
            policy: "mining-only",
            days: 1,
            holders: 3,
            bandPaths: 0,
          }),
        );
      } finally {
        await connection.close();
      }
    });

    it("deploys the sale at the scenario's derived price, and the investor view uses it", function () {
      expect(readJournal(out)?.terms.pricePerShare).to.equal(pricePerShareUnits(scenario.salePriceUsd).toString());
      expect(result.summary.pool.pricePerShareUsdc).to.equal("22560000");
      expect(result.investorView.salePriceUsd).to.equal(scenario.salePriceUsd);
    });

    it("mints on day 0 exactly the scenario's shares: one per TH/s of the starting fleet", function () {
      expect(result.supply).to.equal(BigInt(scenario.shares) * ONE_SHARE);
    });
  });
});
