/**
 * A worker thread of `hardhat analyze`: receives `PathJob`s, simulates them (path.ts) and posts the `PathBlock`s back,
 * their arrays transferred rather than copied.
 */
import { parentPort } from "node:worker_threads";

import type { PathJob } from "./block.js";
import { simulateBlock } from "./path.js";

const port = parentPort;
if (port === null) throw new Error("src/analyze/worker.ts must run in a worker thread");
port.on("message", (job: PathJob) => {
  const block = simulateBlock(job);
  const arrays = [block.series, block.holdUsd, block.metrics, block.hold];
  port.postMessage(
    block,
    arrays.map((array) => array.buffer as ArrayBuffer),
  );
});
