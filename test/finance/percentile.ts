import { expect } from "chai";

import {
  bands,
  bandsBySelection,
  bandsOfSorted,
  median,
  percentileOfSorted,
  percentiles,
} from "../../src/finance/index.js";
import { expectClose } from "../model/helpers.js";

describe("finance/percentile", function () {
  describe("percentiles", function () {
    it("interpolates between ranks like numpy: p5, p50, p95 of 1…4 are 1.15, 2.5, 3.85", function () {
      const [p5, p50, p95] = percentiles([4, 1, 3, 2], [5, 50, 95]);
      expectClose(p5!, 1.15, 1e-12);
      expectClose(p50!, 2.5, 1e-12);
      expectClose(p95!, 3.85, 1e-12);
    });

    it("does not reorder its input", function () {
      const values = [3, 1, 2];
      percentiles(values, [50]);
      expect(values).to.deep.equal([3, 1, 2]);
    });

    it("throws on a sample holding NaN", function () {
      expect(() => percentiles([1, Number.NaN], [50])).to.throw(RangeError, "NaN");
    });
  });

  describe("percentileOfSorted", function () {
    it("is the only value of a one-value sample", function () {
      expect(percentileOfSorted([7], 95)).to.equal(7);
    });

    it("throws on an empty sample", function () {
      expect(() => percentileOfSorted([], 50)).to.throw(RangeError, "empty sample");
    });
  });

  describe("median", function () {
    it("is the middle value of an odd sample", function () {
      expect(median([5, 1, 9])).to.equal(5);
    });
  });

  describe("bands", function () {
    it("gives p5 … p95 of 0…100 as 5 … 95", function () {
      const values = Array.from({ length: 101 }, (_, i) => i);
      expect(bands(values)).to.deep.equal({ p5: 5, p25: 25, p50: 50, p75: 75, p95: 95 });
    });
  });

  describe("bandsBySelection", function () {
    let state = 11;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;

    it("gives exactly the bands of the sorted values, on samples of 1 to 1,000 values, with and without ties", function () {
      for (const n of [1, 2, 3, 5, 15, 16, 17, 40, 101, 999, 1000]) {
        for (const ties of [false, true]) {
          const values = Float64Array.from({ length: n }, () => (ties ? Math.floor(next() * 4) : next() * 1e6 - 5e5));
          const sorted = Float64Array.from(values).sort();
          expect(bandsBySelection(values), `${n} values, ties ${String(ties)}`).to.deep.equal(bandsOfSorted(sorted));
        }
      }
    });

    it("gives the bands of all-equal, ascending and descending samples", function () {
      const n = 500;
      for (const make of [() => 7, (i: number) => i, (i: number) => n - i]) {
        const values = Float64Array.from({ length: n }, (_, i) => make(i));
        const sorted = Float64Array.from(values).sort();
        expect(bandsBySelection(values)).to.deep.equal(bandsOfSorted(sorted));
      }
    });
  });
});
