/**
 * Runs `PathJob`s, in this thread (one worker) or spread over worker threads (node:worker_threads), and calls back as
 * each finishes. Each job's result depends on the job alone, so the results are the same whatever the number of
 * workers or the order in which they finish.
 *
 * The workers run worker.ts bundled once per process by esbuild (the compiler tsx and Hardhat already use) into one
 * small module: a worker then starts without a TypeScript loader and loads the model's day loop alone, which is what
 * lets a second core pay on a run of a few seconds.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

import { buildSync } from "esbuild";

import type { PathBlock, PathJob } from "./block.js";
import { simulateBlock } from "./path.js";

/** Called with each finished job and its block. */
export type JobDone = (job: PathJob, block: PathBlock) => void;

/** Runs jobs: in this thread, or on worker threads started once and kept for every stage of an analysis. */
export interface JobRunner {
  /** Runs every job and returns their blocks in the jobs' order. */
  run(jobs: readonly PathJob[], onDone?: JobDone): Promise<PathBlock[]>;
  /** Stops the worker threads (a no-op in this thread). */
  close(): Promise<void>;
}

/** A runner for `workers` workers: this thread for one, a pool of worker threads for more. */
export function createJobRunner(workers: number): JobRunner {
  const count = Math.max(1, Math.floor(workers));
  return count === 1 ? { run: runHere, close: async () => {} } : new WorkerPool(count);
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

let workerModule: URL | undefined;

/** worker.ts and what it imports, as one ES module in a `data:` URL (built on first use). */
function workerModuleUrl(): URL {
  if (workerModule === undefined) {
    const entry = fileURLToPath(new URL("./worker.ts", import.meta.url));
    const { outputFiles } = buildSync({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node22",
      write: false,
      logLevel: "error",
      // Modules that locate files from their own URL keep their place in the repository.
      define: { "import.meta.url": JSON.stringify(pathToFileURL(entry).href) },
    });
    const code = Buffer.from(outputFiles[0]!.contents).toString("base64");
    workerModule = new URL(`data:text/javascript;base64,${code}`);
  }
  return workerModule;
}

/**
 * Up to `size` worker threads running the bundled src/analyze/worker.ts, started when a run first needs them (never
 * more than it has jobs) and kept until `close`. A worker that fails fails the run and closes the pool.
 */
class WorkerPool implements JobRunner {
  private readonly workers: Worker[] = [];
  private failure: Error | undefined;
  /** Rejects the run in progress, if any. */
  private abort: ((error: Error) => void) | undefined;

  constructor(private readonly size: number) {}

  run(jobs: readonly PathJob[], onDone?: JobDone): Promise<PathBlock[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    while (this.workers.length < Math.min(this.size, jobs.length)) this.workers.push(this.start());
    const blocks = new Array<PathBlock>(jobs.length);
    let next = 0;
    let finished = 0;
    return new Promise<PathBlock[]>((resolve, reject) => {
      if (jobs.length === 0) return resolve(blocks);
      this.abort = reject;
      const feed = (worker: Worker, index: number) => {
        worker.once("message", (block: PathBlock) => {
          if (this.failure !== undefined) return;
          blocks[index] = block;
          onDone?.(jobs[index]!, block);
          finished++;
          if (finished === jobs.length) {
            this.abort = undefined;
            resolve(blocks);
          } else if (next < jobs.length) feed(worker, next++);
        });
        worker.postMessage(jobs[index]);
      };
      for (const worker of this.workers) if (next < jobs.length) feed(worker, next++);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    this.failure ??= new Error("the analyze worker pool is closed");
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private start(): Worker {
    const worker = new Worker(workerModuleUrl());
    const fail = (error: Error) => {
      if (this.failure !== undefined) return;
      this.failure = error;
      this.abort?.(error);
      void this.close();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`analyze worker exited with code ${code}`));
    });
    return worker;
  }
}

/** Splits paths 0 … `paths − 1` into jobs of about `size` paths. */
export function splitPaths(paths: number, size: number): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (let from = 0; from < paths; from += size) out.push({ from, to: Math.min(paths, from + size) });
  return out;
}
