import { readdirSync, readFileSync } from "node:fs";

import { expect } from "chai";

import { expectClose } from "./helpers.js";

import {
  defaultScenario,
  derivedSalePriceUsd,
  fleetThs,
  parseScenario,
  startingCapitalUsd,
  startingShares,
} from "../../src/model/index.js";

const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json");

describe("sale price", function () {
  describe("startingShares", function () {
    it("is one share per whole TH/s of the default fleet (the chain's sharesPerTHs unit), about 2.65 million", function () {
      const s = defaultScenario();
      expect(s.shares).to.equal(Math.floor(50e6 / (1.08 * 17.5)));
      expect(s.shares).to.equal(2_645_502);
      expect(startingShares(s)).to.equal(s.shares);
    });

    it("counts only the fleet mining on day 0: the capacity less the AI lease running at the start", function () {
      const s = parseScenario({ aiItMwAtStart: 5, aiContractAgeAtStartDays: 730 });
      expect(s.shares).to.equal(Math.floor(fleetThs(50 - 5 * 1.4, s)));
      expect(s.shares).to.equal(Math.floor(43e6 / (1.08 * 17.5)));
    });

    it("follows the fleet: a more efficient fleet on the same power is more TH/s, so more shares", function () {
      expect(parseScenario({ fleetEfficiency: 15 }).shares).to.equal(Math.floor(50e6 / (1.08 * 15)));
    });

    it("refuses a shares field, naming why (the count is derived from the fleet)", function () {
      expect(() => parseScenario({ shares: 1_000_000 })).to.throw(
        /^scenario\.shares: not a field: a share is 1 TH\/s of the fleet mining on day 0, so the count is derived \(remove it\)$/,
      );
    });

    it("refuses a scenario whose whole capacity is leased to AI at the start (no share to sell)", function () {
      expect(() => parseScenario({ aiItMwAtStart: 40 })).to.throw(
        /^scenario\.aiItMwAtStart: leaves less than 1 TH\/s mining on day 0 \(0 gross MW of capacityMw 50 .*no share to sell$/,
      );
    });

    it("refuses a capacity too small to mine 1 TH/s", function () {
      expect(() => parseScenario({ capacityMw: 1e-6 })).to.throw(/^scenario\.capacityMw: leaves less than 1 TH\/s/);
    });
  });

  describe("startingCapitalUsd", function () {
    it("is the site of every MW plus the machines of the mining MW at the defaults", function () {
      const site = 50 * 0.4e6;
      const machines = 15 * (50e6 / (1.08 * 17.5));
      expectClose(startingCapitalUsd(defaultScenario()), site + machines, 1e-6);
    });

    it("adds the operator's share of a running AI lease's fit-out, written down by the days it has run", function () {
      const s = parseScenario({ aiItMwAtStart: 5, aiContractAgeAtStartDays: 730 });
      const site = 50 * 0.4e6;
      const machines = 15 * (43e6 / (1.08 * 17.5));
      const fitOut = 5 * 9e6 * (1 - 730 / (3650 + 1825));
      expectClose(startingCapitalUsd(s), site + machines + fitOut, 1e-6);
    });
  });

  describe("salePriceUsd", function () {
    it("defaults to the starting capital per TH/s-share, rounded to the cent: 22.56 USD at the defaults", function () {
      const s = defaultScenario();
      expect(s.salePriceUsd).to.equal(derivedSalePriceUsd(s));
      expect(s.salePriceUsd).to.equal(Math.round((startingCapitalUsd(s) / s.shares) * 100) / 100);
      expect(s.salePriceUsd).to.equal(22.56);
    });

    it("follows the inputs it is derived from when a scenario leaves it out", function () {
      expect(parseScenario({ siteCapex: 0.7 }).salePriceUsd).to.be.above(defaultScenario().salePriceUsd);
      // Twice the capacity is twice the shares and twice the capital: the same price per share.
      expectClose(parseScenario({ capacityMw: 100 }).salePriceUsd, defaultScenario().salePriceUsd, 0.01);
    });

    it("keeps a price the scenario sets", function () {
      expect(parseScenario({ salePriceUsd: 42 }).salePriceUsd).to.equal(42);
    });

    for (const file of files) {
      it(`scenarios/${file} states the derived price`, function () {
        const json = JSON.parse(readFileSync(`scenarios/${file}`, "utf8")) as Record<string, unknown>;
        const { salePriceUsd, ...rest } = json;
        expect(salePriceUsd).to.equal(parseScenario(rest).salePriceUsd);
      });
    }
  });
});
