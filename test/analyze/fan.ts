import { expect } from "chai";

import { allocateBlock, fanRows, SERIES, seriesIndex, type FanRow } from "../../src/analyze/index.js";
import { bands } from "../../src/finance/index.js";

const shape = { policies: 2, samples: 40 };
const PATHS = 300;
const policies = ["mining-only", "arbitrage"] as const;

/** A block whose paths cross often and tie often: cumulative sums of small random steps, many of them zero. */
function crossingBlock() {
  const block = allocateBlock(0, PATHS, shape);
  let state = 7;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < PATHS; i++) {
    for (let k = 0; k < shape.policies; k++) {
      for (let s = 0; s < SERIES.length; s++) {
        let total = 0;
        for (let j = 0; j < shape.samples; j++) {
          total += next() < 0.3 ? 0 : Math.floor(next() * 5);
          block.series[seriesIndex(shape, i, k, s, j)] = total;
        }
      }
    }
    for (let j = 0; j < shape.samples; j++) block.holdUsd[i * shape.samples + j] = 50 * (0.5 + next());
  }
  return block;
}

describe("analyze/fan", function () {
  describe("fanRows", function () {
    const block = crossingBlock();
    const sampleDays = Array.from({ length: shape.samples }, (_, j) => 7 * j + 6);
    const rows = fanRows(block, shape, policies, sampleDays, (day) => `day ${day}`);
    const row = (policy: FanRow["policy"], source: FanRow["source"], unit: FanRow["unit"], j: number) =>
      rows.find((r) => r.policy === policy && r.source === source && r.unit === unit && r.day === sampleDays[j])!;
    const column = (k: number, name: (typeof SERIES)[number], j: number) =>
      Array.from({ length: PATHS }, (_, i) => block.series[seriesIndex(shape, i, k, SERIES.indexOf(name), j)]!);

    it("gives one row per policy, source, unit and sample day, and one per day for the BTC holding", function () {
      expect(rows).to.have.length((policies.length * 3 * 2 + 1) * shape.samples);
    });

    it("gives at every sample day exactly the bands of the paths' values, however often the paths cross", function () {
      for (let j = 0; j < shape.samples; j++) {
        policies.forEach((policy, k) => {
          const mining = column(k, "usdMining", j);
          const ai = column(k, "usdAi", j);
          expect(row(policy, "mining", "USD", j), `${policy} mining ${j}`).to.include(bands(mining));
          expect(row(policy, "ai", "USD", j), `${policy} ai ${j}`).to.include(bands(ai));
          const total = mining.map((usd, i) => usd + ai[i]!);
          expect(row(policy, "total", "USD", j), `${policy} total ${j}`).to.include(bands(total));
          expect(row(policy, "mining", "BTC", j)).to.include(bands(column(k, "btcMining", j)));
        });
        const held = Array.from({ length: PATHS }, (_, i) => block.holdUsd[i * shape.samples + j]!);
        expect(row("hold", "hold", "USD", j)).to.include({ ...bands(held), date: `day ${sampleDays[j]}` });
      }
    });

    it("gives exactly the bands of the paths' values when their order changes completely from one day to the next", function () {
      // Values drawn afresh each sample day: the insertion sort gives way to selecting the bands' ranks.
      const shuffled = allocateBlock(0, PATHS, shape);
      let state = 3;
      const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
      for (let i = 0; i < shuffled.series.length; i++) shuffled.series[i] = Math.floor(next() * 1000);
      for (let i = 0; i < shuffled.holdUsd.length; i++) shuffled.holdUsd[i] = next() * 100;
      const shuffledRows = fanRows(shuffled, shape, policies, sampleDays, String);
      for (let j = 0; j < shape.samples; j++) {
        const values = Array.from(
          { length: PATHS },
          (_, i) => shuffled.series[seriesIndex(shape, i, 1, SERIES.indexOf("usdMining"), j)]!,
        );
        const got = shuffledRows.find(
          (r) => r.policy === "arbitrage" && r.source === "mining" && r.unit === "USD" && r.day === sampleDays[j],
        )!;
        expect(got, `sample ${j}`).to.include(bands(values));
        const held = Array.from({ length: PATHS }, (_, i) => shuffled.holdUsd[i * shape.samples + j]!);
        const hold = shuffledRows.find((r) => r.policy === "hold" && r.day === sampleDays[j])!;
        expect(hold, `hold ${j}`).to.include(bands(held));
      }
    });

    it("refuses a path whose value is not a number", function () {
      const broken = crossingBlock();
      broken.series[seriesIndex(shape, 150, 1, 0, 20)] = Number.NaN;
      expect(() => fanRows(broken, shape, policies, sampleDays, String)).to.throw(RangeError, "NaN");
    });
  });
});
