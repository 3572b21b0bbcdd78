import { expect } from "chai";

import {
  allocateBlock,
  bandsJob,
  copyBlock,
  createJobRunner,
  fanRows,
  fanRowsOf,
  fanSeries,
  parseScenario,
  sampleDaysFor,
  simulateBlock,
  splitPaths,
  type PathBlock,
  type PathJob,
  workerScriptSource,
} from "../../src/analyze/index.js";

const scenario = parseScenario({});
const DAYS = 60;

/** Paths `from` … `to − 1` of every policy over 60 days. */
function job(from: number, to: number, days = DAYS): PathJob {
  return {
    scenario,
    policies: ["mining-only", "ai-only", "arbitrage"],
    seed: "runner",
    from,
    to,
    days,
    sampleDays: sampleDaysFor(DAYS, to - from, 3),
    sale: { priceUsd: 20, shares: scenario.shares },
    discountRate: 0.1,
  };
}

const arrays = (block: PathBlock) => [block.series, block.holdUsd, block.metrics, block.hold].map((a) => Array.from(a));

describe("analyze/runner", function () {
  this.timeout(60_000);

  describe("createJobRunner", function () {
    it("runs every job once on this thread and a worker thread, and returns the blocks in the jobs' order", async function () {
      const jobs = Array.from({ length: 9 }, (_, i) => job(2 * i, 2 * i + 2));
      const runner = createJobRunner(2);
      const done: number[] = [];
      try {
        const blocks = await runner.run(jobs, (index) => done.push(jobs[index]!.from));
        expect(blocks.map((b) => b.from)).to.deep.equal(jobs.map((j) => j.from));
        expect(done.sort((a, b) => a - b)).to.deep.equal(jobs.map((j) => j.from));
        blocks.forEach((block, i) => expect(arrays(block)).to.deep.equal(arrays(simulateBlock(jobs[i]!))));
      } finally {
        await runner.close();
      }
    });

    it("runs jobs on this thread while the worker thread starts, and on the worker thread once it joins", async function () {
      // A run starts on this thread at once; the worker thread joins once it has started and has its script (kept by an
      // earlier run, or built by esbuild). The first run here may finish before it joins; the second has it from its
      // start.
      const jobs = Array.from({ length: 6 }, (_, i) => job(i, i + 1));
      const runner = createJobRunner(2);
      try {
        const first = await runner.run(jobs);
        await workerScriptSource();
        const second = await runner.run(jobs);
        first.forEach((block, i) => expect(arrays(block)).to.deep.equal(arrays(simulateBlock(jobs[i]!))));
        second.forEach((block, i) => expect(arrays(block)).to.deep.equal(arrays(first[i]!)));
      } finally {
        await runner.close();
      }
    });

    it("sends the worker threads what it is asked to prime them with, before their jobs, and runs the jobs the same", async function () {
      // Primed before the worker thread starts (it gets the primer after its script) and again while it runs.
      const jobs = Array.from({ length: 6 }, (_, i) => job(i, i + 1));
      const runner = createJobRunner(2);
      try {
        runner.prime([scenario, parseScenario({ powerPrice: 40.5 })]);
        const first = await runner.run(jobs);
        runner.prime([parseScenario({ feeShare: 0.55 })]);
        const second = await runner.run(jobs);
        first.forEach((block, i) => expect(arrays(block)).to.deep.equal(arrays(simulateBlock(jobs[i]!))));
        second.forEach((block, i) => expect(arrays(block)).to.deep.equal(arrays(first[i]!)));
      } finally {
        await runner.close();
      }
      // On one worker there is nothing to prime.
      expect(() => createJobRunner(1).prime([scenario])).to.not.throw();
    });

    it("runs the fan's band jobs from a list that makes each when taken, each once, to the rows of this thread", async function () {
      const paths = job(0, 40);
      const shape = { policies: paths.policies.length, samples: paths.sampleDays.length };
      // The worker thread reads the paths' values in place, from shared memory.
      const block = allocateBlock(0, 40, shape, { shared: true });
      copyBlock(block, simulateBlock(paths), shape);
      const series = fanSeries(paths.policies);
      expect(bandsJob(block, shape, paths.policies, series[0]!).columns.buffer).to.be.an.instanceOf(SharedArrayBuffer);
      const taken: number[] = [];
      const runner = createJobRunner(2);
      try {
        const bands = await runner.run({
          length: series.length,
          at: (s) => {
            taken.push(s);
            return bandsJob(block, shape, paths.policies, series[s]!);
          },
        });
        expect(taken.sort((a, b) => a - b)).to.deep.equal(series.map((_, s) => s));
        expect(fanRowsOf(series, bands, paths.sampleDays, String)).to.deep.equal(
          fanRows(block, shape, paths.policies, paths.sampleDays, String),
        );
      } finally {
        await runner.close();
      }
    });

    it("fails the run with the worker thread's own error when a job throws there, and refuses runs after", async function () {
      // With the bundle built, the worker thread starts with the run and is fed the first two jobs; this thread takes
      // the third.
      await workerScriptSource();
      const runner = createJobRunner(2);
      try {
        const failed = await runner.run([job(0, 1, 0), job(1, 2), job(2, 3)]).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(String(failed)).to.match(/days: must be a positive integer \(got 0\)/);
        const again = await runner.run([job(0, 1)]).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(again).to.be.instanceOf(Error);
      } finally {
        await runner.close();
      }
    });

    it("fails the run when a job throws on this thread between its other jobs", async function () {
      // The worker thread is fed the first two jobs and is still starting while this thread runs the rest, one per turn
      // of the event loop: the fifth throws there, not where the run began.
      await workerScriptSource();
      const runner = createJobRunner(2);
      try {
        const jobs = [job(0, 1), job(1, 2), job(2, 3), job(3, 4), job(4, 5, 0)];
        const failed = await runner.run(jobs).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(String(failed)).to.match(/days: must be a positive integer \(got 0\)/);
      } finally {
        await runner.close();
      }
    });
  });

  describe("splitPaths", function () {
    it("splits the paths into jobs of the size, each path once", function () {
      expect(splitPaths(20, 8)).to.deep.equal([
        { from: 0, to: 8 },
        { from: 8, to: 16 },
        { from: 16, to: 20 },
      ]);
      expect(splitPaths(0, 8)).to.deep.equal([]);
    });

    it("ramps the first jobs up from one path when asked, for this thread to take while the workers start", function () {
      const ranges = splitPaths(40, 8, true);
      expect(ranges.map((r) => r.to - r.from)).to.deep.equal([1, 2, 4, 8, 8, 8, 8, 1]);
      ranges.forEach((range, i) => expect(range.from).to.equal(i === 0 ? 0 : ranges[i - 1]!.to));
      expect(ranges.at(-1)!.to).to.equal(40);
    });
  });
});
