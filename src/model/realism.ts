/**
 * The realism statistic (ECONOMICS "Checks"): the least-squares slope of 90-day log hashprice changes on 90-day
 * log BTC price changes, over all (overlapping, daily) 90-day changes of a window. On the history it is computed
 * on every `windowDays`-long window (stepped by `stepDays`), which gives its spread; a simulated path of the
 * same length gives one value.
 */
import type { History } from "./history.js";
import { hashpriceOn } from "./history-series.js";

/** Slope of `ln hp(t+h) − ln hp(t)` on `ln S(t+h) − ln S(t)` over the window `from`…`to − 1`. */
export function hashpriceSlope(
  price: ArrayLike<number>,
  hashprice: ArrayLike<number>,
  horizon = 90,
  from = 0,
  to = price.length,
): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let t = from; t + horizon < to; t++) {
    const x = Math.log(price[t + horizon]! / price[t]!);
    const y = Math.log(hashprice[t + horizon]! / hashprice[t]!);
    n += 1;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  return (sxy - (sx * sy) / n) / (sxx - (sx * sx) / n);
}

/** The statistic on each window of the history's days with a hashprice. */
export function historySlopes(history: History, windowDays: number, stepDays = 30, horizon = 90): number[] {
  const prices: number[] = [];
  const hashprices: number[] = [];
  for (let i = 0; i < history.days.length; i++) {
    const hp = hashpriceOn(history, i);
    if (!Number.isFinite(hp)) continue;
    prices.push(history.days[i]!.priceUsd);
    hashprices.push(hp);
  }
  const slopes: number[] = [];
  for (let from = 0; from + windowDays <= prices.length; from += stepDays) {
    slopes.push(hashpriceSlope(prices, hashprices, horizon, from, from + windowDays));
  }
  return slopes;
}

/** The `q` quantile (0–1) of `values`, linear interpolation. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
