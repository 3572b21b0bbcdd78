/**
 * The work the runner hands to a thread, and its result: a `PathJob` (paths simulated into a `PathBlock`) or a
 * `BandsJob` (one fan series' percentile bands). Either runs the same in this thread or a worker thread.
 */
import type { PathBlock, PathJob } from "./block.js";
import { bandsOfSeries, type BandsJob } from "./fan.js";
import { simulateBlock } from "./path.js";

export type Job = PathJob | BandsJob;
export type JobResult<J extends Job = Job> = J extends BandsJob ? Float64Array : PathBlock;

/** Objects a worker thread is sent before its jobs, to be read and thrown away (`JobRunner.prime`). */
export interface Primer {
  primer: unknown;
}

export const isBandsJob = (job: Job): job is BandsJob => "offsets" in job;

/** Runs `job`. */
export function runJob<J extends Job>(job: J): JobResult<J> {
  return (isBandsJob(job) ? bandsOfSeries(job) : simulateBlock(job)) as JobResult<J>;
}

/** The buffers a message carrying `message` (a job or a result) hands over rather than copies. */
export function transfersOf(message: Job | JobResult): ArrayBuffer[] {
  const arrays =
    message instanceof Float64Array
      ? [message]
      : "offsets" in message
        ? [] // a view of the block the main thread keeps: shared, or else copied
        : "series" in message
          ? [message.series, message.holdUsd, message.metrics, message.hold]
          : [];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}
