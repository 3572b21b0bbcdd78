import { expect } from "chai";

import { allocate, contractTermDays, newTranche, parseScenario, startingTranche } from "../../src/model/index.js";

describe("allocation", function () {
  describe("startingTranche", function () {
    it("is none when no capacity was converted before the start (the default)", function () {
      expect(startingTranche(parseScenario({}))).to.equal(undefined);
      expect(startingTranche(parseScenario({ aiContractAgeAtStartDays: 100 }))).to.equal(undefined);
    });

    it("earns from day −age, ends one term later, and amortizes no capex (sunk before the share sale)", function () {
      const s = parseScenario({ aiMwAtStart: 5, aiContractAgeAtStartDays: 730 });
      expect(startingTranche(s)).to.deep.equal({
        mw: 5,
        startDay: -730 - 365,
        earnStartDay: -730,
        endDay: 3650 - 730,
        capexUsd: 0,
        amortizationEndDay: -730,
      });
    });

    it("ends on day termDays when the contract starts on day 0", function () {
      const s = parseScenario({ aiMwAtStart: 2, contractTerm: 0.5 });
      expect(startingTranche(s)!.endDay).to.equal(contractTermDays(s));
      expect(startingTranche(s)!.earnStartDay).to.equal(0);
    });
  });

  describe("allocate", function () {
    it("counts the starting tranche as earning AI on day 0 and until its last day, with no capex", function () {
      const s = parseScenario({ aiMwAtStart: 5, aiContractAgeAtStartDays: 3640 });
      const tranche = startingTranche(s)!;
      expect(tranche.endDay).to.equal(10);
      for (const day of [0, 9]) {
        expect(allocate([tranche], 50, day, true)).to.deep.equal({
          capacityMw: 50,
          aiMw: 5,
          convertingMw: 0,
          committedAiMw: 5,
          miningMw: 45,
          capexUsd: 0,
        });
      }
      expect(allocate([tranche], 50, 10, true).aiMw).to.equal(0);
      expect(allocate([tranche], 50, 10, true).miningMw).to.equal(50);
    });

    it("adds a new conversion's converting capacity and capex on top of the starting tranche", function () {
      const s = parseScenario({ aiMwAtStart: 4, conversionLag: 0 });
      const tranches = [startingTranche(s)!, newTranche(s, 6, 0)];
      const allocation = allocate(tranches, 50, 0, true);
      expect(allocation.aiMw).to.equal(10);
      expect(allocation.committedAiMw).to.equal(10);
      expect(allocation.capexUsd).to.equal((6 * 9e6) / contractTermDays(s));
    });
  });
});
