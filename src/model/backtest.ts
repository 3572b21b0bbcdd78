/**
 * The network model's backtest (ECONOMICS "Checks"): driven by the history's BTC price and fees, the network
 * model runs freely — its own hashrate, retargets and halving, no noise — from a start date to the last day with
 * difficulty, and its difficulty is compared with the actual one at every retarget and around a halving.
 */
import type { History } from "./history.js";
import { dayIndex, feeShareOn, hashpriceOn, retargetDays, yearsBetween } from "./history-series.js";
import type { NetworkFit } from "./fit.js";
import { advanceDay, createNetworkState, networkCostUsdPerPhDay, type NetworkParams, zero } from "./network.js";
import { HALVING_INTERVAL, HASHES_PER_EH } from "./constants.js";

/** The model's difficulty against the actual one on one retarget day. */
export interface RetargetComparison {
  date: string;
  actual: number;
  model: number;
  /** `model / actual − 1`, % */
  errorPct: number;
}

/**
 * The difficulty response to a halving: the change from the day before the halving to `weeks` weeks after it —
 * for the actual chain on the day it reached the halving height, for the model on the day its own (free-running)
 * chain did.
 */
export interface HalvingResponse {
  /** the day the halving block was counted */
  date: string;
  /** the day the model's own chain reached the halving height */
  modelDate: string;
  weeks: number;
  /** actual change, % */
  actualPct: number;
  /** model change, % */
  modelPct: number;
  /** `|modelPct − actualPct|`, percentage points */
  differencePoints: number;
}

export interface NetworkBacktest {
  start: string;
  end: string;
  retargets: RetargetComparison[];
  /** largest `|errorPct|` over the retargets */
  maxAbsErrorPct: number;
  /** the response to each halving inside the run (with `weeks` weeks of data after it) */
  halvings: HalvingResponse[];
}

/** Indices `i` in (from, to] of the days whose end height crossed a halving height (the day before did not). */
function halvingDays(heights: Float64Array, from: number, to: number): number[] {
  const result: number[] = [];
  for (let i = from + 1; i <= to; i++) {
    if (Math.floor(heights[i]! / HALVING_INTERVAL) > Math.floor(heights[i - 1]! / HALVING_INTERVAL)) result.push(i);
  }
  return result;
}

/** The network parameters of a fit, with the efficiency anchor moved to `date` (the run's day 0). */
export function networkParamsAt(fit: NetworkFit, date: string): NetworkParams {
  const years = yearsBetween(fit.anchors.efficiencyDate, date);
  return {
    ...fit.network,
    networkEfficiency0: fit.anchors.networkEfficiency0 * Math.pow(1 - fit.network.networkEfficiencyGain, years),
    networkPowerPrice: fit.anchors.networkPowerPrice,
  };
}

/**
 * The trailing margin on the day before index `start`, computed from the history with the model's own cost and
 * lag (the margin miners had seen up to then).
 */
export function trailingMarginBefore(history: History, fit: NetworkFit, start: number): number {
  const params = networkParamsAt(fit, history.days[start]!.date);
  let margin = Number.NaN;
  for (let i = 0; i < start; i++) {
    const hashprice = hashpriceOn(history, i);
    if (!Number.isFinite(hashprice)) continue;
    const cost = networkCostUsdPerPhDay(params, (i - start) / 365);
    const x = Math.log(hashprice / cost);
    margin = Number.isNaN(margin) ? x : margin + (x - margin) / Math.max(1, params.lagDays);
  }
  return margin;
}

/**
 * Runs the network model on the history from `start` (see the file comment).
 * @param weeks the halving response window (8 weeks in ECONOMICS)
 * @throws Error when `start` is not in the history or has no difficulty and height
 */
export function backtestNetwork(history: History, fit: NetworkFit, start: string, weeks = 8): NetworkBacktest {
  const first = dayIndex(history, start);
  if (first < 14 || !Number.isFinite(history.heightAtEnd[first - 1]!)) {
    throw new Error(`backtest: ${start} needs two weeks of history with difficulty before it`);
  }
  let last = first;
  while (last + 1 < history.days.length && Number.isFinite(history.heightAtEnd[last + 1]!)) last += 1;
  const params = networkParamsAt(fit, start);

  let hashrate = 0;
  for (let i = first - 14; i < first; i++) hashrate += (history.days[i]!.hashrateEhs * HASHES_PER_EH) / 14;
  const lastRetarget = retargetDays(history, 1, first + 1).at(-1) ?? first;
  const state = createNetworkState({
    difficulty: history.days[first - 1]!.difficulty,
    height: history.heightAtEnd[first - 1]!,
    hashrate,
    margin: trailingMarginBefore(history, fit, first),
    epochStart: lastRetarget - first + 0.5,
  });

  const model = new Float64Array(last - first + 1);
  const modelHeight = new Float64Array(last - first + 1);
  for (let i = first; i <= last; i++) {
    advanceDay(state, params, history.days[i]!.priceUsd, feeShareOn(history, i), zero);
    model[i - first] = state.difficulty;
    modelHeight[i - first] = state.height;
  }

  const retargets = retargetDays(history, first + 1, last + 1).map((i): RetargetComparison => {
    const actual = history.days[i]!.difficulty;
    const value = model[i - first]!;
    return { date: history.days[i]!.date, actual, model: value, errorPct: (value / actual - 1) * 100 };
  });
  const halvings: HalvingResponse[] = [];
  const actualHalvings = halvingDays(history.heightAtEnd, first, last);
  const modelHalvings = halvingDays(modelHeight, 0, last - first).map((i) => i + first);
  for (let h = 0; h < Math.min(actualHalvings.length, modelHalvings.length); h++) {
    const i = actualHalvings[h]!;
    const k = modelHalvings[h]!;
    if (i + weeks * 7 > last || k + weeks * 7 > last) continue;
    const actualPct = (history.days[i + weeks * 7]!.difficulty / history.days[i - 1]!.difficulty - 1) * 100;
    const modelPct = (model[k + weeks * 7 - first]! / model[k - 1 - first]! - 1) * 100;
    halvings.push({
      date: history.days[i]!.date,
      modelDate: history.days[k]!.date,
      weeks,
      actualPct,
      modelPct,
      differencePoints: Math.abs(modelPct - actualPct),
    });
  }
  return {
    start,
    end: history.days[last]!.date,
    retargets,
    maxAbsErrorPct: Math.max(...retargets.map((r) => Math.abs(r.errorPct))),
    halvings,
  };
}
