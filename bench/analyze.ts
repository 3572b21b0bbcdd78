/**
 * `analyze` benchmark (issue 8, "Benchmarks"): the default run — 1,000 paths × 5 years of every policy on
 * scenarios/default.json, no tornado — once on one worker (this thread) and once on two worker threads, in the same
 * process, one after the other. Reports path-days per second per core for each (goal ≥ 1,000,000) and the speed-up of
 * two workers over one (goal ≥ 1.7× on 2 cores), and checks that both runs gave the same numbers.
 *
 * A path-day is one policy on one path for one day. Per core is shown two ways: path-days per wall-clock second per
 * worker, and per CPU-second (user + system of every thread, from `process.cpuUsage`), which other processes on a
 * shared machine do not inflate. The wall-clock speed-up is only meaningful on an otherwise idle machine; the load
 * average is printed beside it.
 *
 * Run: `npx hardhat run bench/analyze.ts` (PATHS and YEARS override 1000 and 5).
 */
import os from "node:os";
import { formatTable } from "../src/cli/output.js";
import { runAnalysis, type AnalyzeOptions, type AnalyzeResult } from "../src/analyze/index.js";
import { loadScenarioFile, POLICY_NAMES, saleOf } from "../src/analyze/model.js";

const PATHS = Number(process.env.PATHS ?? 1_000);
const YEARS = Number(process.env.YEARS ?? 5);
const scenario = loadScenarioFile("scenarios/default.json");

const options = (workers: number): AnalyzeOptions => ({
  scenario,
  seed: "bench",
  paths: PATHS,
  years: YEARS,
  policies: POLICY_NAMES,
  sale: saleOf(scenario),
  workers,
  tornadoPaths: 0,
});

/** Wall time and CPU time (user + system, every thread of the process: the workers' too). */
async function timed(workers: number): Promise<{ result: AnalyzeResult; seconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await runAnalysis(options(workers));
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

const one = await timed(1);
const two = await timed(2);
const pathDays = one.result.stats.pathDays;
const same =
  one.result.block.metrics.every((value, i) => Object.is(value, two.result.block.metrics[i])) &&
  one.result.block.series.every((value, i) => Object.is(value, two.result.block.series[i]));
const rate = (seconds: number, cores = 1) => Math.round(pathDays / seconds / cores).toLocaleString("en-US");
const speedUp = one.seconds / two.seconds;

console.log(
  `\nanalyze: ${PATHS.toLocaleString("en-US")} paths × ${YEARS} years × ${POLICY_NAMES.length} policies = ` +
    `${pathDays.toLocaleString("en-US")} path-days; ${os.availableParallelism()} cores available, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}\n`,
);
console.log(
  formatTable(
    ["run", "wall s", "path-days / s / core (wall)", "CPU s", "path-days / CPU-s", "goal"],
    [
      [
        "1 worker (this thread)",
        one.seconds.toFixed(1),
        rate(one.seconds),
        one.cpuSeconds.toFixed(1),
        rate(one.cpuSeconds),
        "≥ 1,000,000",
      ],
      [
        "2 worker threads",
        two.seconds.toFixed(1),
        rate(two.seconds, 2),
        two.cpuSeconds.toFixed(1),
        rate(two.cpuSeconds),
        "≥ 1,000,000",
      ],
      ["speed-up, 2 workers / 1 (wall)", `${speedUp.toFixed(2)}x`, "", "", "", "≥ 1.7x"],
      ["same numbers with 1 and 2 workers", same ? "yes" : "NO", "", "", "", "yes"],
    ],
    [1, 2, 3, 4],
  ),
);
if (!same) process.exitCode = 1;
