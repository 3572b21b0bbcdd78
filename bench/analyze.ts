/**
 * `analyze` benchmark (issue 8, "Benchmarks"): the default run — 1,000 paths × 5 years of every policy on
 * scenarios/default.json and the tornado on its first 200 paths, as `npx hardhat analyze` does — and its paths stage
 * alone (no tornado), each on one worker (the main thread alone) and on two (the main thread and a worker thread).
 * Reports path-days per second per core (goal ≥ 1,000,000) and the speed-up of two workers over one (goal ≥ 1.7× on 2
 * cores), and checks that every run gave the same numbers.
 *
 * Each timed run is a process of its own (bench/analyze-run.ts), as a user's run is: a run in a process that has
 * already run one would find the model's code compiled and warm on the main thread but not on a new worker thread,
 * which is not what anyone running `npx hardhat analyze` gets. The worker threads' script is built (and kept, see
 * src/analyze/worker-script.ts) before the first timed run, so that every run reads it as every run but a user's
 * first after a change to the model does.
 *
 * A shared virtual machine's speed drifts by a quarter or more within minutes, so the bench runs ROUNDS rounds; in each,
 * every workload runs on one worker and then on two, so that each speed-up compares runs made seconds apart, and the
 * median round's speed-up is reported (every round is printed).
 *
 * Each round also measures the speed-up's baseline: what two cores of the machine give this work when nothing is
 * shared. One worker thread runs every job of the paths stage, then two worker threads each run all of them at once:
 * twice the one's time over the two's is 2× on a machine whose cores do not slow each other down (shared caches and
 * memory, a clock that drops when both are busy, other machines on the same host). Each round's speed-up is printed as
 * a share of its round's baseline; the default run, mostly tornado, touches less memory per path-day than the paths
 * stage and can come out above it.
 *
 * A second probe tells the machine's part from the work's: a loop of independent multiply-adds over 8 KB (in the core's
 * first-level cache, nothing allocated, nothing compiled after its first pass), one thread alone and then two at once. A
 * core that runs one thread at a time gives it 2×; two virtual cores that the host runs on one physical core, or that
 * slow each other down for any other reason, give it less. It is the best case for two threads: it shares nothing and
 * touches no memory beyond its own core's.
 *
 * A path-day is one policy on one path for one day. Per core is shown two ways: path-days per wall-clock second per
 * worker, and per CPU-second (user + system of every thread, from `process.cpuUsage`).
 *
 * Run: `npx hardhat run bench/analyze.ts` (PATHS, YEARS, TORNADO_PATHS and ROUNDS override 1000, 5, 200 and 7).
 */
import { execFile } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";

import { formatTable } from "../src/cli/output.js";
import { pathsStage, workerScriptSource } from "../src/analyze/index.js";
import { POLICY_NAMES } from "../src/analyze/model.js";
import { benchOptions, PATHS, TORNADO_PATHS, WORKLOADS, YEARS } from "./analyze-workload.js";

const ROUNDS = Number(process.env.ROUNDS ?? 7);
// Built and kept once, before any run is timed.
await workerScriptSource();
const RUN_SCRIPT = fileURLToPath(new URL("./analyze-run.ts", import.meta.url));
/** The TypeScript loader Hardhat runs scripts with, for the runs' own processes. */
const TS_LOADER = import.meta.resolve("tsx/esm");

/** What bench/analyze-run.ts prints. */
interface Run {
  seconds: number;
  cpuSeconds: number;
  pathDays: number;
  digest: string;
}

/** One run on `workers` workers in a process of its own. */
async function runAlone(workers: 1 | 2, tornadoPaths: number): Promise<Run> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", TS_LOADER, RUN_SCRIPT], {
    env: { ...process.env, BENCH_WORKERS: String(workers), BENCH_TORNADO_PATHS: String(tornadoPaths) },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Run;
}

/**
 * Seconds until `copies` worker threads running `script` at once have each answered every one of `messages` (each
 * thread is sent all of them).
 */
async function threadsAtOnce(copies: 1 | 2, script: string, messages: readonly unknown[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: copies },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script, { eval: true });
          let left = messages.length;
          worker.on("message", () => {
            if (--left === 0) void worker.terminate().then(() => resolve());
          });
          worker.on("error", reject);
          for (const message of messages) worker.postMessage(message);
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}

/** The baseline's work: the jobs of the paths stage, run by `copies` worker threads at once, each running all of them. */
const { jobs: baselineJobs } = pathsStage(benchOptions(2, 0));
const copiesAtOnce = async (copies: 1 | 2) => threadsAtOnce(copies, await workerScriptSource(), baselineJobs);

/** The probe: a loop of independent multiply-adds over an array in the first-level cache, on `copies` threads at once. */
const LOOP_SCRIPT = `
const { parentPort } = require("node:worker_threads");
parentPort.once("message", (rounds) => {
  const a = new Float64Array(1024).map((_, i) => 1 + i * 1e-6);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 1024; i += 8) {
      s0 += a[i] * 1.1; s1 += a[i + 1] * 1.2; s2 += a[i + 2] * 1.3; s3 += a[i + 3] * 1.4;
      s4 += a[i + 4] * 1.5; s5 += a[i + 5] * 1.6; s6 += a[i + 6] * 1.7; s7 += a[i + 7] * 1.8;
    }
  }
  parentPort.postMessage(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7);
});`;
const LOOP_ROUNDS = 1_000_000;
const loopsAtOnce = (copies: 1 | 2) => threadsAtOnce(copies, LOOP_SCRIPT, [LOOP_ROUNDS]);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const runs = WORKLOADS.map(() => ({ 1: [] as Run[], 2: [] as Run[] }));
const baseline = { 1: [] as number[], 2: [] as number[] };
const loop = { 1: [] as number[], 2: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [w, workload] of WORKLOADS.entries()) {
    for (const workers of [1, 2] as const) runs[w]![workers].push(await runAlone(workers, workload.tornadoPaths));
  }
  for (const copies of [1, 2] as const) baseline[copies].push(await copiesAtOnce(copies));
  for (const copies of [1, 2] as const) loop[copies].push(await loopsAtOnce(copies));
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const each = (values: readonly number[], format: (value: number) => string) => values.map(format).join(" / ");
const count = (value: number) => Math.round(value).toLocaleString("en-US");
const ceilings = baseline[1].map((one, r) => (2 * one) / baseline[2][r]!);
const loopCeilings = loop[1].map((one, r) => (2 * one) / loop[2][r]!);
const digests = new Set(runs.flatMap((byWorkers) => [...byWorkers[1], ...byWorkers[2]].map((run) => run.digest)));
const allSame = digests.size === WORKLOADS.length;

const rows: string[][] = [];
for (const [w, workload] of WORKLOADS.entries()) {
  const { 1: one, 2: two } = runs[w]!;
  const pathDays = one[0]!.pathDays;
  const seconds = { 1: one.map((run) => run.seconds), 2: two.map((run) => run.seconds) };
  const speedUps = seconds[1].map((oneWorker, r) => oneWorker / seconds[2][r]!);
  const shares = speedUps.map((speedUp, r) => speedUp / ceilings[r]!);
  const wall = { 1: median(seconds[1]), 2: median(seconds[2]) };
  const cpu = { 1: median(one.map((run) => run.cpuSeconds)), 2: median(two.map((run) => run.cpuSeconds)) };
  rows.push(
    [`${workload.name}: ${count(pathDays)} path-days`],
    ["  1 worker: wall s", each(seconds[1], fixed(1)), wall[1].toFixed(1)],
    ["  2 workers: wall s", each(seconds[2], fixed(1)), wall[2].toFixed(1)],
    ["  speed-up, 2 workers / 1", each(speedUps, fixed(2)), `${median(speedUps).toFixed(2)}x`, "≥ 1.7x"],
    ["  speed-up / baseline", each(shares, (s) => `${Math.round(100 * s)} %`), `${Math.round(100 * median(shares))} %`],
    [
      "  path-days / s / core (wall), 1 / 2 workers",
      "",
      `${count(pathDays / wall[1])} / ${count(pathDays / wall[2] / 2)}`,
      "≥ 1,000,000",
    ],
    [
      "  path-days / CPU-s, 1 / 2 workers",
      "",
      `${count(pathDays / cpu[1])} / ${count(pathDays / cpu[2])}`,
      "≥ 1,000,000",
    ],
  );
}
rows.push(
  ["baseline: the paths stage's jobs, nothing shared"],
  ["  one worker thread runs them: wall s", each(baseline[1], fixed(1)), median(baseline[1]).toFixed(1)],
  ["  two each run them all at once: wall s", each(baseline[2], fixed(1)), median(baseline[2]).toFixed(1)],
  ["  what 2 cores give here (2 × one / two)", each(ceilings, fixed(2)), `${median(ceilings).toFixed(2)}x`, "2x ideal"],
  ["probe: a loop of multiply-adds in the first-level cache"],
  ["  one thread: wall s", each(loop[1], fixed(1)), median(loop[1]).toFixed(1)],
  ["  two at once: wall s", each(loop[2], fixed(1)), median(loop[2]).toFixed(1)],
  [
    "  what 2 cores give it (2 × one / two)",
    each(loopCeilings, fixed(2)),
    `${median(loopCeilings).toFixed(2)}x`,
    "2x ideal",
  ],
  ["same numbers in every run", "", allSame ? "yes" : "NO", "yes"],
);

console.log(
  `\nanalyze: ${PATHS.toLocaleString("en-US")} paths × ${YEARS} years × ${POLICY_NAMES.length} policies, tornado on ` +
    `${TORNADO_PATHS} paths; ${ROUNDS} rounds, each run in a process of its own; ${os.availableParallelism()} cores ` +
    `available, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}\n`,
);
console.log(formatTable(["measure", "each round", "median", "goal"], rows, [2]));
if (!allSame) process.exitCode = 1;
