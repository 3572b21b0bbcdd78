/**
 * Runs `PathJob`s, in this thread (one worker) or spread over worker threads (node:worker_threads), and calls back as
 * each finishes. Each job's result depends on the job alone, so the results are the same whatever the number of
 * workers or the order in which they finish.
 */
import { Worker } from "node:worker_threads";

import type { PathBlock, PathJob } from "./block.js";
import { simulateBlock } from "./path.js";

/** Called with each finished job and its block. */
export type JobDone = (job: PathJob, block: PathBlock) => void;

/** Runs every job and returns their blocks in the jobs' order. */
export async function runJobs(jobs: readonly PathJob[], workers: number, onDone?: JobDone): Promise<PathBlock[]> {
  const count = Math.min(Math.max(1, Math.floor(workers)), jobs.length);
  if (count <= 1) return runHere(jobs, onDone);
  return runOnWorkers(jobs, count, onDone);
}

async function runHere(jobs: readonly PathJob[], onDone?: JobDone): Promise<PathBlock[]> {
  const blocks: PathBlock[] = [];
  for (const job of jobs) {
    const block = simulateBlock(job);
    blocks.push(block);
    onDone?.(job, block);
    // Let the event loop breathe (progress bar redraws, Ctrl-C) between jobs.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return blocks;
}

/**
 * A worker thread running src/analyze/worker.ts. The worker loads TypeScript through tsx, as Hardhat does in the
 * main thread (a worker does not inherit the main thread's module hooks).
 */
function startWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
}

function runOnWorkers(jobs: readonly PathJob[], count: number, onDone?: JobDone): Promise<PathBlock[]> {
  const blocks: PathBlock[] = new Array<PathBlock>(jobs.length);
  const pool = Array.from({ length: count }, startWorker);
  let next = 0;
  let finished = 0;
  return new Promise<PathBlock[]>((resolve, reject) => {
    let failed = false;
    const stop = (error?: unknown) => {
      for (const worker of pool) void worker.terminate();
      if (error !== undefined) {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      } else resolve(blocks);
    };
    const feed = (worker: Worker, index: number) => {
      worker.once("message", (block: PathBlock) => {
        if (failed) return;
        blocks[index] = block;
        onDone?.(jobs[index]!, block);
        finished++;
        if (finished === jobs.length) stop();
        else if (next < jobs.length) feed(worker, next++);
      });
      worker.postMessage(jobs[index]);
    };
    for (const worker of pool) {
      worker.on("error", (error) => stop(error));
      worker.on("exit", (code) => {
        if (code !== 0 && !failed && finished < jobs.length) stop(new Error(`analyze worker exited with code ${code}`));
      });
      if (next < jobs.length) feed(worker, next++);
    }
  });
}

/** Splits paths 0 … `paths − 1` into jobs of about `size` paths. */
export function splitPaths(paths: number, size: number): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (let from = 0; from < paths; from += size) out.push({ from, to: Math.min(paths, from + size) });
  return out;
}
