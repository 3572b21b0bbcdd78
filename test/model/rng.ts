import { expect } from "chai";

import { boxMuller, createRng, hashToState } from "../../src/model/rng.js";
import { mean, standardDeviation, expectClose } from "./helpers.js";

describe("rng", function () {
  describe("createRng", function () {
    it("repeats the same stream for the same seed and label", function () {
      const a = createRng("seed", "price");
      const b = createRng("seed", "price");
      const drawsA = Array.from({ length: 100 }, () => a.uniform());
      const drawsB = Array.from({ length: 100 }, () => b.uniform());
      expect(drawsA).to.deep.equal(drawsB);
    });

    it("treats a number seed like its decimal string", function () {
      expect(createRng(42, "x").uniform()).to.equal(createRng("42", "x").uniform());
    });

    it("gives different streams for different seeds or labels", function () {
      const base = createRng("seed", "price").uniform();
      expect(createRng("seed2", "price").uniform()).to.not.equal(base);
      expect(createRng("seed", "fees").uniform()).to.not.equal(base);
    });

    it("refuses a non-finite number seed", function () {
      expect(() => createRng(Number.NaN, "x")).to.throw("seed: must be a finite number or a string (got NaN)");
    });
  });

  describe("uniform", function () {
    it("stays in [0, 1) with mean ≈ 1/2", function () {
      const rng = createRng(1, "uniform");
      const draws = Array.from({ length: 20_000 }, () => rng.uniform());
      expect(Math.min(...draws)).to.be.at.least(0);
      expect(Math.max(...draws)).to.be.below(1);
      expectClose(mean(draws), 0.5, 0.01);
    });
  });

  describe("normal", function () {
    it("has mean ≈ 0 and standard deviation ≈ 1 (Box-Muller)", function () {
      const rng = createRng(2, "normal");
      const draws = Array.from({ length: 40_000 }, () => rng.normal());
      expectClose(mean(draws), 0, 0.02);
      expectClose(standardDeviation(draws), 1, 0.02);
      expect(draws.every(Number.isFinite)).to.equal(true);
    });

    it("is finite at the edge u1 = 1 and exact at known points", function () {
      expect(boxMuller(1, 0)).to.equal(0);
      expectClose(boxMuller(Math.exp(-0.5), 0), 1, 1e-15);
    });
  });

  describe("lognormal", function () {
    it("has median ≈ exp(mu)", function () {
      const rng = createRng(3, "lognormal");
      const draws = Array.from({ length: 20_001 }, () => rng.lognormal(1, 0.5)).sort((a, b) => a - b);
      expectClose(draws[10_000]!, Math.E, 0.05);
    });
  });

  describe("hashToState", function () {
    it("gives four 32-bit words, not all zero", function () {
      const state = hashToState("");
      expect(state).to.have.length(4);
      expect(state.some((w) => w !== 0)).to.equal(true);
      for (const word of state) expect(word | 0).to.equal(word);
    });
  });
});
