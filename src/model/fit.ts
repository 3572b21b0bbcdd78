/**
 * Fits the network model and the fee process to a history (ECONOMICS "*fit*" parameters). Pure: a history and
 * a date range in, parameters and their fit statistics out. `tasks/fit-network.ts` writes the result of the
 * full shipped history to `data/network-params.json`, which the scenario loader reads.
 *
 * Network: for each candidate efficiency gain g (0.00–0.40 a year) and lag τ (days), the daily log margin
 * `x = ln(hashprice / cost)` (cost anchored at `networkEfficiency0` J/TH on `efficiencyDate`) is smoothed into
 * the trailing margin m, and the log growth of mean hashrate from one difficulty epoch to the next is regressed
 * on the time integrals of `max(m, 0)` and `min(m, 0)` (least squares, elasticities ≥ 0). The (g, τ) with the
 * least squared error wins; the residuals' standard deviation is the per-retarget noise. When the trailing
 * margin never went below cost in the range, the down elasticity is not identified and is set to the up one.
 *
 * Fees: the daily log fee share is an AR(1); its lag-1 autocorrelation φ and stationary σ are fitted by least
 * squares, and its mean level is reported (the scenario's `feeShare` sets the level of a simulation).
 */
import type { History } from "./history.js";
import { dayIndex, feeShareOn, hashpriceOn, retargetDays, yearsBetween } from "./history-series.js";
import { COST_FACTOR, type NetworkParams, runningShare } from "./network.js";

/** The fixed inputs of a fit (ECONOMICS estimates, not fitted). */
export interface FitAnchors {
  /** J/TH of the network's average machine on `efficiencyDate` */
  networkEfficiency0: number;
  /** `YYYY-MM-DD` at which `networkEfficiency0` applies */
  efficiencyDate: string;
  /** USD/MWh of the marginal miner */
  networkPowerPrice: number;
}

/** The ECONOMICS anchors: 22 J/TH at the start of 2026, 50 USD/MWh. */
export const DEFAULT_ANCHORS: FitAnchors = {
  networkEfficiency0: 22,
  efficiencyDate: "2026-01-01",
  networkPowerPrice: 50,
};

/** What a fit returns. */
export interface NetworkFit {
  /** format version of the fitted-parameters file */
  version: 1;
  /** the days used: `from` inclusive, `to` exclusive */
  fittedOn: { from: string; to: string; source: string };
  anchors: FitAnchors;
  network: Pick<
    NetworkParams,
    "networkEfficiencyGain" | "upElasticity" | "downElasticity" | "lagDays" | "difficultyNoise" | "efficiencySpread"
  >;
  fees: {
    /** lag-1 autocorrelation of the daily log fee share */
    autocorrelation: number;
    /** stationary σ of the log fee share */
    volatility: number;
    /** mean fee share over the fit's last 365 days, % of the subsidy (for reference) */
    recentMeanPct: number;
  };
  stats: {
    /** epochs in the regression */
    epochs: number;
    /** R² of the hashrate-growth regression */
    rSquared: number;
    /** epochs on which the trailing margin was below cost at some point */
    epochsBelowCost: number;
    /**
     * false when the trailing margin was never below cost in the range, so the data cannot identify the down
     * elasticity: it is then set equal to the up elasticity (a symmetric response, our assumption)
     */
    downIdentified: boolean;
  };
}

/** Candidate efficiency gains and lags of the grid search. */
const GAINS = Array.from({ length: 41 }, (_, i) => i / 100);
const LAGS = [7, 14, 30, 45, 60, 90, 120, 150, 180, 240, 300, 365];
/**
 * Candidate spreads of the machines' log cash cost. Bounded at 0.6: fleets from 13.5 to 34 J/TH on power from 26
 * to 70 USD/MWh give a spread of about 0.3–0.5. The fit's error keeps falling towards the bound; beyond it the fit
 * turns unstable (down elasticities in the thousands), so the bound is a prior, said so in docs/ECONOMICS.md.
 */
const SPREADS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
/** Days of history the trailing margin warms up on before epochs enter the regression. */
const WARM_UP_DAYS = 180;

interface Epoch {
  /** first day index */
  start: number;
  /** one past the last day index */
  end: number;
  /** ln of the mean hashrate over the epoch's days */
  logHashrate: number;
  /** mid-point day (fractional) */
  mid: number;
}

function epochsOf(history: History, from: number, to: number): Epoch[] {
  const bounds = retargetDays(history, from, to);
  const epochs: Epoch[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]!;
    const end = bounds[k + 1]!;
    let sum = 0;
    for (let i = start; i < end; i++) sum += history.days[i]!.hashrateEhs;
    epochs.push({ start, end, logHashrate: Math.log(sum / (end - start)), mid: (start + end - 1) / 2 });
  }
  return epochs;
}

function meanLogShare(x: Float64Array, epoch: Epoch, from: number, spread: number): number {
  if (spread === 0) return 0;
  let sum = 0;
  for (let i = epoch.start; i < epoch.end; i++) sum += Math.log(runningShare(spread, x[i - from]!));
  return sum / (epoch.end - epoch.start);
}

interface Regression {
  up: number;
  down: number;
  sse: number;
  sst: number;
  n: number;
  below: number;
}

/** Least squares of y on (p, q) through the origin with both coefficients ≥ 0 (q ≤ 0, so `down` multiplies −q). */
function nonNegativeLeastSquares(y: number[], p: number[], q: number[]): { up: number; down: number } {
  let spp = 0;
  let sqq = 0;
  let spq = 0;
  let spy = 0;
  let sqy = 0;
  for (let i = 0; i < y.length; i++) {
    spp += p[i]! * p[i]!;
    sqq += q[i]! * q[i]!;
    spq += p[i]! * q[i]!;
    spy += p[i]! * y[i]!;
    sqy += q[i]! * y[i]!;
  }
  const det = spp * sqq - spq * spq;
  if (det > 1e-12) {
    const a = (spy * sqq - sqy * spq) / det; // coefficient on p
    const b = (sqy * spp - spy * spq) / det; // coefficient on q (q ≤ 0, growth = b·q, so down = b)
    if (a >= 0 && b >= 0) return { up: a, down: b };
  }
  const upOnly = spp > 0 ? Math.max(0, spy / spp) : 0;
  const downOnly = sqq > 0 ? Math.max(0, sqy / sqq) : 0;
  const sseUp = sse(y, p, q, upOnly, 0);
  const sseDown = sse(y, p, q, 0, downOnly);
  return sseUp <= sseDown ? { up: upOnly, down: 0 } : { up: 0, down: downOnly };
}

function sse(y: number[], p: number[], q: number[], up: number, down: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total += (y[i]! - up * p[i]! - down * q[i]!) ** 2;
  return total;
}

/** The daily log margin `ln(hashprice / cost)` for efficiency gain `gain`, over days `from`…`to − 1`. */
function logMargins(history: History, from: number, to: number, anchors: FitAnchors, gain: number): Float64Array {
  const x = new Float64Array(to - from);
  for (let i = from; i < to; i++) {
    const years = yearsBetween(anchors.efficiencyDate, history.days[i]!.date);
    const cost = anchors.networkEfficiency0 * Math.pow(1 - gain, years) * COST_FACTOR * anchors.networkPowerPrice;
    x[i - from] = Math.log(hashpriceOn(history, i) / cost);
  }
  return x;
}

function regress(epochs: Epoch[], x: Float64Array, from: number, lag: number, spread: number): Regression {
  // Trailing margin m for each day (EMA with time constant `lag`), from the first day.
  const m = new Float64Array(x.length);
  let margin = x[0]!;
  for (let t = 0; t < x.length; t++) {
    margin += (x[t]! - margin) / lag;
    m[t] = margin;
  }
  const y: number[] = [];
  const p: number[] = [];
  const q: number[] = [];
  let below = 0;
  for (let k = 0; k + 1 < epochs.length; k++) {
    const a = epochs[k]!;
    const b = epochs[k + 1]!;
    if (a.start - from < WARM_UP_DAYS) continue;
    // growth from mid a to mid b is driven by m on the days in between (m of day t moves H from t to t+1)
    let pos = 0;
    let neg = 0;
    for (let t = Math.floor(a.mid); t < Math.floor(b.mid); t++) {
      const value = m[t - from]!;
      if (value >= 0) pos += value / 365;
      else neg += value / 365;
    }
    // observed hashrate = installed × running share: take the share's change out of the growth to explain
    y.push(b.logHashrate - a.logHashrate - (meanLogShare(x, b, from, spread) - meanLogShare(x, a, from, spread)));
    p.push(pos);
    q.push(neg);
    if (neg < 0) below += 1;
  }
  const { up, down } = nonNegativeLeastSquares(y, p, q);
  const meanY = y.reduce((s, v) => s + v, 0) / y.length;
  return {
    up,
    down,
    sse: sse(y, p, q, up, down),
    sst: y.reduce((s, v) => s + (v - meanY) ** 2, 0),
    n: y.length,
    below,
  };
}

function fitFees(history: History, from: number, to: number): NetworkFit["fees"] {
  const logs: number[] = [];
  for (let i = from; i < to; i++) {
    const share = feeShareOn(history, i);
    if (share > 0) logs.push(Math.log(share));
  }
  const n = logs.length;
  const mean = logs.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let den = 0;
  for (let t = 1; t < n; t++) num += (logs[t]! - mean) * (logs[t - 1]! - mean);
  for (let t = 0; t < n; t++) den += (logs[t]! - mean) ** 2;
  const autocorrelation = num / den;
  let residuals = 0;
  for (let t = 1; t < n; t++) residuals += (logs[t]! - mean - autocorrelation * (logs[t - 1]! - mean)) ** 2;
  const innovation = Math.sqrt(residuals / (n - 2));
  let recent = 0;
  let recentDays = 0;
  for (let i = Math.max(from, to - 365); i < to; i++) {
    const share = feeShareOn(history, i);
    if (share > 0) {
      recent += share;
      recentDays += 1;
    }
  }
  return {
    autocorrelation,
    volatility: innovation / Math.sqrt(1 - autocorrelation * autocorrelation),
    recentMeanPct: (recent / recentDays) * 100,
  };
}

/**
 * Fits the network and fee parameters on the history's days from `from` (inclusive) to `to` (exclusive).
 * @throws Error when the range holds fewer than two years of days with difficulty
 */
export function fitNetwork(
  history: History,
  range: { from: string; to: string },
  anchors: FitAnchors = DEFAULT_ANCHORS,
): NetworkFit {
  const from = dayIndex(history, range.from);
  let to = history.days.findIndex((d) => d.date >= range.to);
  if (to < 0) to = history.days.length;
  while (to > from && !(history.blocks[to - 1]! > 0 && Number.isFinite(history.heightAtEnd[to - 1]!))) to -= 1;
  if (to - from < 730) {
    throw new Error(`fit: needs at least two years of days with difficulty from ${range.from} (got ${to - from})`);
  }
  const epochs = epochsOf(history, from, to);
  let best: (Regression & { gain: number; lag: number; spread: number }) | undefined;
  for (const gain of GAINS) {
    const x = logMargins(history, from, to, anchors, gain);
    for (const spread of SPREADS) {
      for (const lag of LAGS) {
        const r = regress(epochs, x, from, lag, spread);
        if (best === undefined || r.sse < best.sse) best = { ...r, gain, lag, spread };
      }
    }
  }
  const b = best!;
  const downIdentified = b.below > 0;
  return {
    version: 1,
    fittedOn: { from: history.days[from]!.date, to: history.days[to - 1]!.date, source: history.source },
    anchors,
    network: {
      networkEfficiencyGain: b.gain,
      upElasticity: b.up,
      downElasticity: downIdentified ? b.down : b.up,
      lagDays: b.lag,
      difficultyNoise: Math.sqrt(b.sse / Math.max(1, b.n - 4)),
      efficiencySpread: b.spread,
    },
    fees: fitFees(history, from, to),
    stats: { epochs: b.n, rSquared: 1 - b.sse / b.sst, epochsBelowCost: b.below, downIdentified },
  };
}
