import { expect } from "chai";

import { brentRoot } from "../../src/finance/index.js";
import { expectClose } from "../model/helpers.js";

describe("finance/brent", function () {
  describe("brentRoot", function () {
    it("finds √2 as the root of x² − 2 on [0, 2]", function () {
      const root = brentRoot((x) => x * x - 2, 0, 2);
      expectClose(root!.x, Math.SQRT2, 1e-12);
    });

    it("finds the root of a steep cubic in few iterations", function () {
      const root = brentRoot((x) => (x - 0.3) ** 3 + 1e-3 * (x - 0.3), -5, 5);
      expectClose(root!.x, 0.3, 1e-9);
      expect(root!.iterations).to.be.at.most(100);
    });

    it("returns an end of the bracket that is itself a root", function () {
      expect(brentRoot((x) => x - 1, 1, 3)!.x).to.equal(1);
    });

    it("returns undefined when the ends have the same sign", function () {
      expect(brentRoot((x) => x * x + 1, -1, 1)).to.equal(undefined);
    });
  });
});
