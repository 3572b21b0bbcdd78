/**
 * `analyze` benchmark (issue 8, "Benchmarks"): the default run — 1,000 paths × 5 years of every policy on
 * scenarios/default.json and the tornado on its first 200 paths, as `npx hardhat analyze` does — and its paths stage
 * alone (no tornado), each on one worker (this thread) and on two worker threads, in the same process, alternating,
 * ROUNDS times each. Reports path-days per second per core for each (goal ≥ 1,000,000) and the speed-up of two workers
 * over one (goal ≥ 1.7× on 2 cores), from the median run of each, and checks that every run gave the same numbers.
 *
 * Beside it, the baseline of that speed-up, measured in the same run: the paths stage's jobs run by one worker thread,
 * then by two at once that share nothing (each runs all of them). On a machine whose two cores slow each other down
 * (shared caches and memory, a clock that drops when both are busy) that baseline is below 2×, and no thread pool can
 * beat it; the bench prints each workload's speed-up as a share of it.
 *
 * A path-day is one policy on one path for one day. Per core is shown two ways: path-days per wall-clock second per
 * worker, and per CPU-second (user + system of every thread, from `process.cpuUsage`), which other processes on a
 * shared machine do not inflate. The wall-clock speed-up is only meaningful on an otherwise idle machine; the load
 * average is printed beside it. A shared virtual machine's runs of the same work vary by a quarter or more from one to
 * the next, hence the medians (every run is printed).
 *
 * Run: `npx hardhat run bench/analyze.ts` (PATHS, YEARS, TORNADO_PATHS and ROUNDS override 1000, 5, 200 and 5).
 */
import os from "node:os";
import { formatTable } from "../src/cli/output.js";
import { Worker } from "node:worker_threads";

import {
  pathsStage,
  runAnalysis,
  workerScriptSource,
  type AnalyzeOptions,
  type AnalyzeResult,
} from "../src/analyze/index.js";
import { ANALYZE_DEFAULTS } from "../src/analyze/defaults.js";
import { loadScenarioFile, POLICY_NAMES, saleOf } from "../src/analyze/model.js";

const PATHS = Number(process.env.PATHS ?? 1_000);
const YEARS = Number(process.env.YEARS ?? 5);
const TORNADO_PATHS = Number(process.env.TORNADO_PATHS ?? ANALYZE_DEFAULTS.tornadoPaths);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const scenario = loadScenarioFile(ANALYZE_DEFAULTS.scenario);

/** The two workloads: the default run, and its paths stage alone. */
const WORKLOADS = [
  { name: "default run (with the tornado)", tornadoPaths: TORNADO_PATHS },
  { name: "paths stage alone (no tornado)", tornadoPaths: 0 },
] as const;

const options = (workers: number, tornadoPaths: number): AnalyzeOptions => ({
  scenario,
  seed: "bench",
  paths: PATHS,
  years: YEARS,
  policies: POLICY_NAMES,
  sale: saleOf(scenario),
  workers,
  tornadoPaths,
});

interface Timed {
  seconds: number;
  cpuSeconds: number;
}

/** Wall time and CPU time (user + system, every thread of the process: the workers' too), and the run's result. */
async function timed(workers: number, tornadoPaths: number): Promise<Timed & { result: AnalyzeResult }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await runAnalysis(options(workers, tornadoPaths));
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** The same numbers, value for value (the results of every run but the first are compared, then let go). */
const sameNumbers = (a: AnalyzeResult, b: AnalyzeResult): boolean =>
  a.block.metrics.every((value, i) => Object.is(value, b.block.metrics[i])) &&
  a.block.series.every((value, i) => Object.is(value, b.block.series[i])) &&
  JSON.stringify(a.tornado) === JSON.stringify(b.tornado);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const rows: string[][] = [];
const speedUps: Array<{ name: string; value: number }> = [];
let allSame = true;
for (const workload of WORKLOADS) {
  const runs: Record<1 | 2, Timed[]> = { 1: [], 2: [] };
  let reference: AnalyzeResult | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    for (const workers of [1, 2] as const) {
      const { result, ...times } = await timed(workers, workload.tornadoPaths);
      runs[workers].push(times);
      reference ??= result;
      allSame &&= sameNumbers(result, reference);
    }
  }
  const pathDays = reference!.stats.pathDays;
  const rate = (seconds: number, cores = 1) => Math.round(pathDays / seconds / cores).toLocaleString("en-US");
  const wall = { 1: median(runs[1].map((r) => r.seconds)), 2: median(runs[2].map((r) => r.seconds)) };
  const cpu = { 1: median(runs[1].map((r) => r.cpuSeconds)), 2: median(runs[2].map((r) => r.cpuSeconds)) };
  const each = (workers: 1 | 2) => runs[workers].map((r) => r.seconds.toFixed(1)).join(" / ");
  speedUps.push({ name: workload.name, value: wall[1] / wall[2] });
  rows.push(
    [`${workload.name}: ${pathDays.toLocaleString("en-US")} path-days`, "", "", "", "", ""],
    ["  1 worker (this thread)", each(1), rate(wall[1]), cpu[1].toFixed(1), rate(cpu[1]), "≥ 1,000,000"],
    ["  2 worker threads", each(2), rate(wall[2], 2), cpu[2].toFixed(1), rate(cpu[2]), "≥ 1,000,000"],
    ["  speed-up, 2 workers / 1 (wall)", `${(wall[1] / wall[2]).toFixed(2)}x`, "", "", "", "≥ 1.7x"],
  );
}
rows.push(["same numbers in every run", allSame ? "yes" : "NO", "", "", "", "yes"]);

/**
 * The baseline of the speed-up: what two cores of this machine give this work with nothing shared. One worker thread
 * runs every job of the paths stage, then two worker threads each run all of them at once, ROUNDS times each,
 * alternating; twice the one thread's median time over the two threads' gives the most a second core can add here (2×
 * on a machine whose cores do not slow each other down: shared caches, memory, a clock that drops with two busy cores).
 */
const { jobs: baselineJobs } = pathsStage(options(2, 0));
async function copiesAtOnce(copies: number): Promise<number> {
  const script = workerScriptSource();
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: copies },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script, { eval: true });
          let left = baselineJobs.length;
          worker.on("message", () => {
            if (--left === 0) void worker.terminate().then(() => resolve());
          });
          worker.on("error", reject);
          for (const job of baselineJobs) worker.postMessage(job);
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}
const copies: Record<1 | 2, number[]> = { 1: [], 2: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const n of [1, 2] as const) copies[n].push(await copiesAtOnce(n));
}
const ceiling = (2 * median(copies[1])) / median(copies[2]);
const eachCopy = (n: 1 | 2) => copies[n].map((seconds) => seconds.toFixed(1)).join(" / ");
rows.push(
  ["baseline: the paths stage's jobs, nothing shared", "", "", "", "", ""],
  ["  one thread runs them", eachCopy(1), "", "", "", ""],
  ["  two threads each run them all at once", eachCopy(2), "", "", "", ""],
  ["  what 2 cores give this work here (2 × one / two)", `${ceiling.toFixed(2)}x`, "", "", "", "2x ideal"],
  ...speedUps.map(({ name, value }) => [`  ${name}: speed-up / baseline`, `${Math.round((100 * value) / ceiling)} %`]),
);

console.log(
  `\nanalyze: ${PATHS.toLocaleString("en-US")} paths × ${YEARS} years × ${POLICY_NAMES.length} policies, tornado on ` +
    `${TORNADO_PATHS} paths; ${ROUNDS} runs each; ${os.availableParallelism()} cores available, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}\n`,
);
console.log(
  formatTable(
    [
      "run (median of the runs)",
      "wall s, each run",
      "path-days / s / core (wall)",
      "CPU s",
      "path-days / CPU-s",
      "goal",
    ],
    rows,
    [2, 3, 4],
  ),
);
if (!allSame) process.exitCode = 1;
