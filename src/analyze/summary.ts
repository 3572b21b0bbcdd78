/**
 * From many paths to what an investor is told: per policy, percentile bands of the payouts and of the investor's
 * figures at the sale price, the chance the payouts never repay the price, the same money held in BTC, and the
 * policies ranked by their discounted value across paths.
 */
import { bands, percentileOfSorted, yieldPerYear, type Band } from "../finance/index.js";
import { HOLD_METRICS, IRR_STATUS, METRICS, type BlockShape, type MetricName, type PathBlock } from "./block.js";
import type { PolicyName } from "./model.js";

/** p5 … p95 of a figure across paths. */
export type Bands = Record<`p${Band}`, number>;

/** p5 … p95 of a day count across paths; `null` where the percentile falls among paths that never got there. */
export type DayBands = Record<`p${Band}`, number | null>;

/**
 * IRR per year across paths, terminal value 0. A path that paid nothing at all (`irrNone.noInflow`), or so little that
 * its IRR is below −99.99 % (`irrNone.belowRange`), counts as −100 %. Paths whose IRR is above the searched range (a
 * gain of a few days, annualized) or not defined are left out and counted in `irrNone.excluded`; the bands are NaN when
 * no path is left.
 */
export interface IrrFigures {
  irr: Bands;
  irrNone: { noInflow: number; belowRange: number; excluded: number };
}

/** The median IRR a report shows: NaN (shown "n/a") when some paths have none, as their IRR would move it. */
export function medianIrr(figures: IrrFigures): number {
  return figures.irrNone.excluded > 0 ? Number.NaN : figures.irr.p50;
}

/** IRRs and their statuses (`IRR_STATUS` codes) across paths, counted as `IrrFigures` says. */
function irrFigures(irr: ArrayLike<number>, status: ArrayLike<number>): IrrFigures {
  const values: number[] = [];
  const none = { noInflow: 0, belowRange: 0, excluded: 0 };
  for (let i = 0; i < irr.length; i++) {
    const reason = IRR_STATUS[status[i]!];
    if (reason === "ok") values.push(irr[i]!);
    else if (reason === "no-inflow" || reason === "below-range") {
      none[reason === "no-inflow" ? "noInflow" : "belowRange"]++;
      values.push(-1);
    } else none.excluded++;
  }
  return { irr: values.length === 0 ? nanBands() : bands(values), irrNone: none };
}

/** One policy's figures across paths, for one share bought at the sale price. */
export interface PolicySummary extends IrrFigures {
  policy: PolicyName;
  /** Cumulative payouts over the horizon, per share. */
  totalUsd: Bands;
  totalBtc: Bands;
  miningUsd: Bands;
  aiUsd: Bands;
  /** Payouts per year on the price paid (0.08 = 8 %), undiscounted. */
  yieldPerYear: Bands;
  /** NPV at the discount rate, USD per share, terminal value 0; its mean across paths ranks the policies. */
  npvUsd: Bands & { mean: number };
  /** The day (0-based) the payouts repaid the price. */
  paybackDay: DayBands;
  /** Share of paths (0–1) whose payouts never repay the price within the horizon. */
  chanceNotRepaid: number;
  /** Share of paths whose NPV is negative. */
  chanceNpvNegative: number;
  /** Share of paths on which the share's payouts beat the price held in BTC (its value at the end). */
  chanceBeatsBtc: number;
  /** Share of paths on which this policy has the highest NPV of the policies run (ties split). */
  bestOnPaths: number;
  /** 1 = highest mean NPV. */
  rank: number;
}

/** The sale price held in BTC from day 0 instead, on the same paths, and its IRR per year. */
export interface HoldSummary extends IrrFigures {
  /** What it is worth at the end of the horizon, USD. */
  endUsd: Bands;
  /** Share of paths where it is worth less than the price at the end. */
  chanceLoss: number;
}

const column = (block: PathBlock, shape: BlockShape, policy: number, metric: MetricName): Float64Array => {
  const paths = block.to - block.from;
  const out = new Float64Array(paths);
  const m = METRICS.indexOf(metric);
  for (let i = 0; i < paths; i++) out[i] = block.metrics[(i * shape.policies + policy) * METRICS.length + m]!;
  return out;
};

/** Bands of day counts where −1 means "never": never sorts last, and a band that falls on it is `null`. */
export function dayBands(days: ArrayLike<number>): DayBands {
  const sorted = Float64Array.from(days as ArrayLike<number>, (d) => (d < 0 ? Infinity : d)).sort();
  const at = (p: number): number | null => {
    const h = (p / 100) * (sorted.length - 1);
    if (!Number.isFinite(sorted[Math.ceil(h)]!)) return null;
    return percentileOfSorted(sorted, p);
  };
  return { p5: at(5), p25: at(25), p50: at(50), p75: at(75), p95: at(95) };
}

/** The summaries of every policy of `block` (all paths of a run), ranked. */
export function summarizePolicies(
  block: PathBlock,
  shape: BlockShape,
  policies: readonly PolicyName[],
  priceUsd: number,
  years: number,
): PolicySummary[] {
  const paths = block.to - block.from;
  const npvs = policies.map((_, k) => column(block, shape, k, "npvUsd"));
  const best = new Float64Array(policies.length);
  for (let i = 0; i < paths; i++) {
    let top = -Infinity;
    for (let k = 0; k < policies.length; k++) top = Math.max(top, npvs[k]![i]!);
    const winners = policies.map((_, k) => k).filter((k) => npvs[k]![i] === top);
    for (const k of winners) best[k]! += 1 / winners.length;
  }
  const holdEnd = holdColumn(block, "holdEndUsd");
  const summaries = policies.map((policy, k): Omit<PolicySummary, "rank"> => {
    const totalUsd = column(block, shape, k, "totalUsd");
    const npv = npvs[k]!;
    const payback = column(block, shape, k, "paybackDay");
    const count = (test: (i: number) => boolean): number => {
      let n = 0;
      for (let i = 0; i < paths; i++) if (test(i)) n++;
      return n / paths;
    };
    return {
      policy,
      totalUsd: bands(totalUsd),
      totalBtc: bands(column(block, shape, k, "totalBtc")),
      miningUsd: bands(column(block, shape, k, "miningUsd")),
      aiUsd: bands(column(block, shape, k, "aiUsd")),
      yieldPerYear: bands(totalUsd.map((usd) => yieldPerYear(usd, priceUsd, years))),
      ...irrFigures(column(block, shape, k, "irr"), column(block, shape, k, "irrStatus")),
      npvUsd: { ...bands(npv), mean: npv.reduce((a, b) => a + b, 0) / paths },
      paybackDay: dayBands(payback),
      chanceNotRepaid: count((i) => payback[i]! < 0),
      chanceNpvNegative: count((i) => npv[i]! < 0),
      chanceBeatsBtc: count((i) => totalUsd[i]! > holdEnd[i]!),
      bestOnPaths: best[k]! / paths,
    };
  });
  return summaries.map((s) => ({
    ...s,
    rank: 1 + summaries.filter((other) => other.npvUsd.mean > s.npvUsd.mean).length,
  }));
}

function nanBands(): Bands {
  return { p5: Number.NaN, p25: Number.NaN, p50: Number.NaN, p75: Number.NaN, p95: Number.NaN };
}

function holdColumn(block: PathBlock, metric: (typeof HOLD_METRICS)[number]): Float64Array {
  const paths = block.to - block.from;
  const m = HOLD_METRICS.indexOf(metric);
  return Float64Array.from({ length: paths }, (_, i) => block.hold[i * HOLD_METRICS.length + m]!);
}

/** The BTC holding's figures across the paths of `block`. */
export function summarizeHold(block: PathBlock, priceUsd: number): HoldSummary {
  const end = holdColumn(block, "holdEndUsd");
  return {
    endUsd: bands(end),
    ...irrFigures(holdColumn(block, "holdIrr"), holdColumn(block, "holdIrrStatus")),
    chanceLoss: end.filter((usd) => usd < priceUsd).length / end.length,
  };
}
