/**
 * Runs jobs (job.ts), in this thread (one worker) or in this thread and worker threads beside it (node:worker_threads),
 * and calls back as each finishes. Each job's result depends on the job alone, so the results are the same whatever
 * the number of workers or the order in which they finish.
 *
 * The worker threads run worker.ts as one small CommonJS script (worker-script.ts): they start without a TypeScript
 * loader (one that starts an ES module loader takes about 0.15 s longer to take its first job) and load the model's day
 * loop and the fan's bands alone, which is what lets a second core pay on a run of a few seconds. The script is read
 * from where the last run kept it, or, while it is built, this thread already runs jobs and the worker threads join the
 * run when it is ready.
 */
import { Worker } from "node:worker_threads";

import { runJob, transfersOf, type Job, type JobResult, type Primer } from "./job.js";
import { workerScriptNow, workerScriptSource } from "./worker-script.js";

/**
 * The jobs of a run, by index: an array, or a list that makes each job when it is taken (each index is taken once), so
 * that only the jobs in flight are held at once.
 */
export interface JobList<J extends Job> {
  readonly length: number;
  at(index: number): J | undefined;
}

/** Called with each finished job's index and result. */
export type JobDone<J extends Job> = (index: number, result: JobResult<J>) => void;

/**
 * Runs jobs on `workers` workers: this thread, and for more than one, worker threads beside it (`workers − 1`),
 * started once and kept for every stage of an analysis.
 */
export interface JobRunner {
  /** Runs every job and returns their results in the jobs' order. */
  run<J extends Job>(jobs: JobList<J>, onDone?: JobDone<J>): Promise<Array<JobResult<J>>>;
  /**
   * Sends every worker thread `objects` before its next job, to be read and thrown away: objects like those the jobs
   * will carry (the tornado's scenarios), so that each thread lays out such objects for every value they will hold
   * before it compiles the code that reads them. A no-op in this thread, which made them.
   */
  prime(objects: unknown): void;
  /** Stops the worker threads (a no-op in this thread). */
  close(): Promise<void>;
}

/** A runner for `workers` workers: this thread alone for one; this thread and `workers − 1` worker threads for more. */
export function createJobRunner(workers: number): JobRunner {
  const count = Math.max(1, Math.floor(workers));
  return count === 1 ? { run: runHere, prime: () => {}, close: async () => {} } : new WorkerPool(count - 1);
}

async function runHere<J extends Job>(jobs: JobList<J>, onDone?: JobDone<J>): Promise<Array<JobResult<J>>> {
  const results: Array<JobResult<J>> = [];
  for (let index = 0; index < jobs.length; index++) {
    const result = runJob(jobs.at(index)!);
    results.push(result);
    onDone?.(index, result);
    // Let the event loop breathe (progress bar redraws, Ctrl-C) between jobs.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return results;
}

/** Jobs each worker thread holds at once: the next is queued there while this thread is busy with a job of its own. */
const JOBS_IN_FLIGHT = 2;

/**
 * This thread and up to `size` worker threads running the bundled src/analyze/worker.ts. The threads are started when
 * a run first needs them (never more than it has jobs), load the bundle as soon as it is at hand, and are kept until
 * `close`; a thread that gets the bundle during a run joins it. While they start, and whenever they are fed, this
 * thread takes jobs too, so no core waits. A worker that fails fails the run and closes the pool.
 */
class WorkerPool implements JobRunner {
  private readonly workers: Worker[] = [];
  /** Worker threads started and waiting for the bundle (being built). */
  private readonly booting = new Set<Worker>();
  private failure: Error | undefined;
  /** What `prime` was given, sent to each worker thread after its script. */
  private primer: Primer | undefined;
  /** The run in progress: what a worker's finished job calls, what a new worker calls, and what a failure calls. */
  private current:
    | {
        done: (worker: Worker, result: JobResult) => void;
        join: (worker: Worker) => void;
        abort: (error: Error) => void;
      }
    | undefined;

  constructor(private readonly size: number) {}

  run<J extends Job>(jobs: JobList<J>, onDone?: JobDone<J>): Promise<Array<JobResult<J>>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const results = new Array<JobResult<J>>(jobs.length);
    let next = 0;
    let finished = 0;
    return new Promise<Array<JobResult<J>>>((resolve, reject) => {
      const queued = new Map<Worker, number[]>();
      const finish = (index: number, result: JobResult<J>) => {
        results[index] = result;
        onDone?.(index, result);
        finished++;
        if (finished === jobs.length) {
          this.current = undefined;
          resolve(results);
        }
      };
      const feed = (worker: Worker) => {
        let queue = queued.get(worker);
        if (queue === undefined) queued.set(worker, (queue = []));
        // Near the end a job queued on a worker could leave this thread with nothing to do: one at a time then.
        const ahead = jobs.length - next > JOBS_IN_FLIGHT * (this.workers.length + 1) ? JOBS_IN_FLIGHT : 1;
        while (queue.length < ahead && next < jobs.length) {
          queue.push(next);
          const job = jobs.at(next++)!;
          worker.postMessage(job, transfersOf(job));
        }
      };
      if (jobs.length === 0) return resolve(results);
      this.current = {
        abort: reject,
        join: feed,
        done: (worker, result) => {
          finish(queued.get(worker)!.shift()!, result as JobResult<J>);
          feed(worker);
        },
      };
      this.grow(Math.min(this.size, jobs.length - 1));
      for (const worker of this.workers) feed(worker);
      // This thread's share: a job whenever one is left, yielding between jobs so that the workers' results (and the
      // progress bar, and Ctrl-C) are handled.
      const work = () => {
        if (this.failure !== undefined || next >= jobs.length) return;
        const index = next++;
        try {
          finish(index, runJob(jobs.at(index)!));
        } catch (error) {
          this.fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        setImmediate(work);
      };
      work();
    });
  }

  prime(objects: unknown): void {
    this.primer = { primer: objects };
    for (const worker of this.workers) worker.postMessage(this.primer);
  }

  async close(): Promise<void> {
    const workers = [...this.workers.splice(0), ...this.booting];
    this.booting.clear();
    this.failure ??= new Error("the analyze worker pool is closed");
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** Fails the run in progress with `error` (the first failure only) and stops the workers. */
  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.current?.abort(error);
    void this.close();
  }

  /**
   * Starts worker threads up to `count`. A thread starts at once and is sent the script, kept from an earlier run, at
   * once too; or, while esbuild builds it (about as long as a thread takes to start, so the two overlap), when it is
   * built. It joins the run in progress, if any, once it has the script.
   */
  private grow(count: number): void {
    while (this.workers.length + this.booting.size < count) {
      const worker = this.start();
      const script = workerScriptSource();
      const now = workerScriptNow();
      if (now !== undefined) {
        this.load(worker, now);
        continue;
      }
      this.booting.add(worker);
      script.then(
        (script) => {
          if (!this.booting.delete(worker)) return; // the pool was closed
          this.load(worker, script);
          this.current?.join(worker);
        },
        (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))),
      );
    }
  }

  /** A worker thread that loads the bundle it is sent first, then runs the jobs it is sent. */
  private start(): Worker {
    const worker = new Worker(LOADER, { eval: true });
    worker.on("message", (result: JobResult) => {
      if (this.failure === undefined) this.current?.done(worker, result);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      if (code !== 0) this.fail(new Error(`analyze worker exited with code ${code}`));
    });
    return worker;
  }

  private load(worker: Worker, script: string): void {
    worker.postMessage(script);
    if (this.primer !== undefined) worker.postMessage(this.primer);
    this.workers.push(worker);
  }
}

/**
 * What a worker thread starts with: it runs the first message, the bundle (a CommonJS script), as its module; the
 * bundle's own listener then takes the jobs.
 */
const LOADER = `
const { parentPort } = require("node:worker_threads");
parentPort.once("message", (script) => {
  const module = { exports: {} };
  const wrapped = "(function (exports, require, module) {" + script + "\\n})";
  require("node:vm").runInThisContext(wrapped)(module.exports, require, module);
});`;

/**
 * Splits paths 0 … `paths − 1` into jobs of `size` paths (the last may be shorter). With `rampUp`, the first jobs take
 * 1, 2, 4, … paths up to `size`: this thread takes the first while the worker threads start, and a worker thread can
 * only start between two of this thread's jobs.
 */
export function splitPaths(paths: number, size: number, rampUp = false): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let step = rampUp ? 1 : size;
  for (let from = 0; from < paths; from += step, step = Math.min(size, step * 2)) {
    out.push({ from, to: Math.min(paths, from + step) });
  }
  return out;
}
