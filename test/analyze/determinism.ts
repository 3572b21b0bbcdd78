import { expect } from "chai";

import { parseScenario, runAnalysis, type AnalyzeOptions } from "../../src/analyze/index.js";

const base: AnalyzeOptions = {
  scenario: parseScenario({}),
  seed: "determinism",
  paths: 6,
  years: 0.1,
  policies: ["mining-only", "arbitrage"],
  sale: { priceUsd: 50, shares: 1_000_000 },
  workers: 1,
  tornadoPaths: 0,
};

describe("analyze/determinism", function () {
  this.timeout(120_000);

  describe("runAnalysis", function () {
    it("gives path i the same figures whatever the number of paths", async function () {
      const six = await runAnalysis(base);
      const three = await runAnalysis({ ...base, paths: 3 });
      const perPath = six.block.metrics.length / 6;
      expect(Array.from(three.block.metrics)).to.deep.equal(Array.from(six.block.metrics.subarray(0, 3 * perPath)));
    });

    it("gives the same bytes with 2 worker threads as with 1", async function () {
      const one = await runAnalysis(base);
      const two = await runAnalysis({ ...base, workers: 2 });
      expect(Array.from(two.block.metrics)).to.deep.equal(Array.from(one.block.metrics));
      expect(Array.from(two.block.series)).to.deep.equal(Array.from(one.block.series));
    });

    it("gives the same fan and tornado with 2 worker threads as with 1 (the bands run among the tornado's jobs)", async function () {
      const withTornado = { ...base, tornadoPaths: 3 };
      const one = await runAnalysis(withTornado);
      const two = await runAnalysis({ ...withTornado, workers: 2 });
      expect(one.tornado!.bars).to.have.length.above(0);
      expect(two.tornado).to.deep.equal(one.tornado);
      expect(two.fan).to.deep.equal(one.fan);
      // The fan is the same with a tornado as without.
      expect(one.fan).to.deep.equal((await runAnalysis(base)).fan);
    });

    it("gives different paths for different seeds", async function () {
      const a = await runAnalysis(base);
      const b = await runAnalysis({ ...base, seed: "other" });
      expect(Array.from(b.block.metrics)).to.not.deep.equal(Array.from(a.block.metrics));
    });
  });
});
