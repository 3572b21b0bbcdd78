import { readdirSync, readFileSync } from "node:fs";

import { expect } from "chai";

import { expectClose } from "./helpers.js";

import { defaultScenario, derivedSalePriceUsd, parseScenario, startingCapitalUsd } from "../../src/model/index.js";

const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json");

describe("sale price", function () {
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
    it("defaults to the starting capital per share, rounded to the cent", function () {
      const s = defaultScenario();
      expect(s.salePriceUsd).to.equal(derivedSalePriceUsd(s));
      expect(s.salePriceUsd).to.equal(Math.round(startingCapitalUsd(s) / 1e4) / 100);
    });

    it("follows the inputs it is derived from when a scenario leaves it out", function () {
      expect(parseScenario({ siteCapex: 0.7 }).salePriceUsd).to.be.above(defaultScenario().salePriceUsd);
      expectClose(parseScenario({ shares: 2_000_000 }).salePriceUsd, defaultScenario().salePriceUsd / 2, 0.01);
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
