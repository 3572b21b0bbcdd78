/**
 * One timed analyze run in a process of its own, as `npx hardhat analyze` runs one: nothing compiled or warmed by an
 * earlier run. bench/analyze.ts starts it with BENCH_WORKERS and BENCH_TORNADO_PATHS set and reads the one line of JSON
 * it prints: wall and CPU seconds of `runAnalysis` (user + system of every thread, the workers' too), the path-days, and
 * a digest of every number the run gave (every run must give the same).
 */
import { createHash } from "node:crypto";

import { runAnalysis } from "../src/analyze/index.js";
import { benchOptions } from "./analyze-workload.js";

const options = benchOptions(Number(process.env.BENCH_WORKERS), Number(process.env.BENCH_TORNADO_PATHS));
const started = performance.now();
const cpu = process.cpuUsage();
const result = await runAnalysis(options);
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - started) / 1000;

const digest = createHash("sha256");
for (const values of [result.block.metrics, result.block.series, result.block.hold, result.block.holdUsd]) {
  digest.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}
digest.update(JSON.stringify(result.tornado));
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    pathDays: result.stats.pathDays,
    digest: digest.digest("hex"),
  }),
);
