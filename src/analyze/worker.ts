/**
 * A worker thread of `hardhat analyze`: receives jobs (job.ts), runs them and posts the results back, their arrays
 * handed over rather than copied.
 */
import { parentPort } from "node:worker_threads";

import { runJob, transfersOf, type Job, type Primer } from "./job.js";

const port = parentPort;
if (port === null) throw new Error("src/analyze/worker.ts must run in a worker thread");
port.on("message", (job: Job | Primer) => {
  if ("primer" in job) return; // read (which is its purpose) and thrown away
  const result = runJob(job);
  port.postMessage(result, transfersOf(result));
});
