/**
 * `hardhat analyze`, the run: N seeded paths of the model under each policy, the investor's figures at the sale price
 * summarized across paths, the fan charts' bands, and the sensitivity tornado. Pure: no chain, no clock in the
 * results (only `stats` holds timings), so the same options give the same numbers whatever the number of workers.
 */
import { DAYS_PER_YEAR } from "../model/constants.js";
import {
  allocateBlock,
  copyBlock,
  pathJob,
  sampleDaysFor,
  type BlockShape,
  type PathBlock,
  type SaleTerms,
} from "./block.js";
import { bandsJob, fanRowsOf, fanSeries, type FanRow } from "./fan.js";
import { dateOf, discountRateOf, type PolicyName, type Scenario } from "./model.js";
import { isBandsJob, type Job, type JobResult } from "./job.js";
import { createJobRunner, splitPaths, type JobRunner } from "./runner.js";
import { summarizeHold, summarizePolicies, type HoldSummary, type PolicySummary } from "./summary.js";
import {
  buildTornado,
  groupFigures,
  groupJobPaths,
  groupJobs,
  marketGroups,
  tornadoVariants,
  type Tornado,
  type VariantFigures,
} from "./tornado.js";

/** What a run is defined by. */
export interface AnalyzeOptions {
  scenario: Scenario;
  seed: string;
  paths: number;
  years: number;
  policies: readonly PolicyName[];
  sale: SaleTerms;
  workers: number;
  /** Paths of each tornado variant (the first paths of the run); 0 = no tornado. */
  tornadoPaths: number;
}

/** Told about the work as it goes: the total path-days first, then each finished part. */
export interface AnalyzeProgress {
  start(stage: string, pathDays: number): void;
  advance(pathDays: number): void;
  stop(): void;
}

export interface AnalyzeResult {
  days: number;
  /** Discount rate of NPV and ranking, per year (0.08 = 8 %). */
  discountRate: number;
  sampleDays: number[];
  policies: PolicySummary[];
  hold: HoldSummary;
  fan: FanRow[];
  tornado: Tornado | null;
  /** Every path's figures (for paths.csv). */
  block: PathBlock;
  shape: BlockShape;
  stats: { pathDays: number; ms: number; workers: number };
}

/** Paths per job: small enough to spread over the workers and to move the progress bar, big enough to be cheap. */
export function jobSize(paths: number, workers: number): number {
  return Math.max(1, Math.min(8, Math.ceil(paths / (workers * 8))));
}

const pathDaysOf = (job: Job) => (isBandsJob(job) ? 0 : (job.to - job.from) * job.policies.length * job.days);

/** Runs a stage's jobs, handing each job's result to `onDone` (with the job's index) as it finishes. */
async function runStage<J extends Job>(
  jobs: J[],
  runner: JobRunner,
  stage: string,
  progress: AnalyzeProgress | undefined,
  onDone: (index: number, result: JobResult<J>) => void,
): Promise<void> {
  progress?.start(
    stage,
    jobs.reduce((sum, job) => sum + pathDaysOf(job), 0),
  );
  try {
    await runner.run(jobs, (index, result) => {
      onDone(index, result);
      progress?.advance(pathDaysOf(jobs[index]!));
    });
  } finally {
    progress?.stop();
  }
}

/** Runs the analysis. */
export async function runAnalysis(options: AnalyzeOptions, progress?: AnalyzeProgress): Promise<AnalyzeResult> {
  const runner = createJobRunner(options.workers);
  try {
    return await analyzeWith(runner, options, progress);
  } finally {
    await runner.close();
  }
}

/** The paths stage of a run: its jobs, and what every job of the run shares. */
export function pathsStage(options: AnalyzeOptions) {
  const days = Math.round(options.years * DAYS_PER_YEAR);
  const discountRate = discountRateOf(options.scenario) / 100;
  const sampleDays = sampleDaysFor(days, options.paths, options.policies.length);
  const template = { seed: options.seed, days, sale: options.sale, discountRate };
  // The first jobs of a run on worker threads ramp up in size, so that the threads start while this one works.
  const ranges = splitPaths(options.paths, jobSize(options.paths, options.workers), options.workers > 1);
  const jobs = ranges.map((range) =>
    pathJob({ ...template, ...range, sampleDays, scenario: options.scenario, policies: options.policies }),
  );
  return { days, discountRate, sampleDays, template, jobs };
}

async function analyzeWith(
  runner: JobRunner,
  options: AnalyzeOptions,
  progress: AnalyzeProgress | undefined,
): Promise<AnalyzeResult> {
  const started = performance.now();
  const { days, discountRate, sampleDays, template, jobs } = pathsStage(options);
  const years = days / DAYS_PER_YEAR;
  const shape: BlockShape = { policies: options.policies.length, samples: sampleDays.length };
  const tornadoPaths = Math.min(options.tornadoPaths, options.paths);
  // The tornado's variants are made before any path runs, and every worker thread is sent them first: a variant's
  // number that is fractional where the scenario's is whole changes how objects with that field are laid out, and code
  // compiled for the old layout is thrown away and compiled again, on the cores the run needs.
  const variants = tornadoPaths > 0 ? tornadoVariants(options.scenario) : [];
  runner.prime(variants.map((variant) => variant.scenario));
  // Each part is copied in as it arrives, while the other threads still work; the fan's band jobs read it in place.
  const block = allocateBlock(0, options.paths, shape, { shared: true });
  await runStage(jobs, runner, "paths", progress, (_, part) => copyBlock(block, part, shape));
  let pathDays = options.paths * options.policies.length * days;

  const policies = summarizePolicies(block, shape, options.policies, options.sale.priceUsd, years);
  const hold = summarizeHold(block, options.sale.priceUsd);
  // The fan's bands, a series per job on every thread, each gathering its values from the shared block. With a
  // tornado, they run in its stage, first: no thread waits for the last band before the tornado starts.
  const series = fanSeries(options.policies);
  const bandJobs = series.map((one) => bandsJob(block, shape, options.policies, one));
  const bands = new Array<Float64Array>(series.length);
  const onBand = (index: number, result: Float64Array) => (bands[index] = result);

  let tornado: Tornado | null = null;
  if (tornadoPaths === 0) await runner.run(bandJobs, onBand);
  else {
    const policy = options.policies.length === 1 ? options.policies[0]! : policies.find((p) => p.rank === 1)!.policy;
    const size = jobSize(tornadoPaths * variants.length, options.workers);
    const lastDay = { ...template, sampleDays: [days - 1] };
    // Variants with the same market run as the pools of one path: the market is drawn once for all of them.
    const groups = marketGroups(variants);
    const shapes = groups.map((group): BlockShape => ({ policies: group.length, samples: 1 }));
    const wholes = shapes.map((groupShape) => allocateBlock(0, tornadoPaths, groupShape));
    const groupJobLists = groups.map((group) =>
      groupJobs(variants, group, lastDay, policy, splitPaths(tornadoPaths, groupJobPaths(size, group.length))),
    );
    const groupOfJob = groupJobLists.flatMap((list, g) => list.map(() => g));
    const stageJobs: Job[] = [...bandJobs, ...groupJobLists.flat()];
    await runStage(stageJobs, runner, "tornado", progress, (index, result) => {
      if (index < bandJobs.length) return onBand(index, result as Float64Array);
      const g = groupOfJob[index - bandJobs.length]!;
      copyBlock(wholes[g]!, result as PathBlock, shapes[g]!);
    });
    const figures = new Array<VariantFigures>(variants.length);
    groups.forEach((group, g) => {
      const ofGroup = groupFigures(wholes[g]!, shapes[g]!, policy, options.sale.priceUsd, years);
      group.forEach((v, k) => (figures[v] = ofGroup[k]!));
    });
    tornado = buildTornado(options.scenario, policy, tornadoPaths, figures);
    pathDays += variants.length * tornadoPaths * days;
  }
  const fan = fanRowsOf(series, bands, sampleDays, (day) => dateOf(options.scenario, day));

  return {
    days,
    discountRate,
    sampleDays,
    policies,
    hold,
    fan,
    tornado,
    block,
    shape,
    stats: { pathDays, ms: performance.now() - started, workers: options.workers },
  };
}
