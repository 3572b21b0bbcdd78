/**
 * The network model (v2): hashrate anchored to its own falling cost, difficulty following it through the
 * protocol's retarget, subsidy by block height.
 *
 * - The marginal miner's cash cost of one PH/s for a day, USD: `networkEfficiency(t) × 0.024 × networkPowerPrice`,
 *   where `networkEfficiency(t) = networkEfficiency0 × (1 − networkEfficiencyGain)^years` (J/TH) and
 *   0.024 = 24 h × 1,000 TH/PH / 10^6. There is no fixed hashprice reference: as machines improve, the cost, and
 *   with it the hashprice the network settles at, falls.
 * - The margin signal `m` is an exponential moving average (time constant `lagDays`) of the daily log ratio
 *   `ln(hashprice / cost)`: the trailing margin miners react to.
 * - Network hashrate H grows at `upElasticity × m` a year while `m > 0` and falls at `downElasticity × (−m)`
 *   a year while `m < 0` (shutdowns only below cash cost); at every retarget it takes a shock `difficultyNoise × Z`
 *   (log), the part of hashrate growth the margin does not explain.
 * - Blocks arrive at `86400 × H / (D × 2^32)` a day. At every 2016th block the difficulty becomes
 *   `D × clamp(14 days / epoch duration, 1/4, 4)` (Bitcoin's retarget, target 2016 × 600 s); the subsidy halves
 *   at its block height. A day that crosses a retarget or a halving is split at that block.
 *
 * All functions here update a `NetworkState` in place: the daily loop allocates nothing.
 */
import {
  DAYS_PER_YEAR,
  DIFFICULTY_EPOCH_BLOCKS,
  HALVING_INTERVAL,
  HASHES_PER_PH,
  SECONDS_PER_DAY,
  TWO_POW_32,
} from "./constants.js";
import { subsidyBtc } from "./halving.js";

/** USD per PH/day per (J/TH × USD/MWh): 24 h × 1,000 TH/PH / 10^6 W/MW. */
export const COST_FACTOR = 0.024;

/** Protocol bounds of one retarget step. */
export const MAX_RETARGET_STEP = 4;

/** The days one epoch takes at the target block interval: 2016 × 600 s. */
export const TARGET_EPOCH_DAYS = (DIFFICULTY_EPOCH_BLOCKS * 600) / SECONDS_PER_DAY;

/** The network model's parameters (fitted ones marked *fit*). */
export interface NetworkParams {
  /** J/TH of the network's average machine on day 0 */
  networkEfficiency0: number;
  /** *fit*: fraction a year by which the network's J/TH falls (0.15 = 15 %) */
  networkEfficiencyGain: number;
  /** USD/MWh the marginal miner pays for power, all in */
  networkPowerPrice: number;
  /** *fit*: hashrate growth a year per unit of log margin above cost */
  upElasticity: number;
  /** *fit*: hashrate decline a year per unit of log margin below cost */
  downElasticity: number;
  /** *fit*: time constant of the trailing margin, days (≥ 1) */
  lagDays: number;
  /** *fit*: σ of the log hashrate shock at each retarget */
  difficultyNoise: number;
  /** spread (σ of log cash cost) of the machines around the network average; 0 = no day-to-day shutdowns */
  efficiencySpread?: number;
}

/** The network on one day; mutated in place by `advanceDay`. */
export interface NetworkState {
  /** days since day 0 at the start of the next day to simulate */
  time: number;
  /** network hashrate running, H/s */
  hashrate: number;
  /** installed hashrate, H/s (running = installed × share of machines above their cash cost) */
  installed: number;
  /** difficulty in force */
  difficulty: number;
  /** blocks mined so far: the height of the next block (fractional: expected blocks) */
  height: number;
  /** time (days since day 0) at which the current epoch began */
  epochStart: number;
  /** the trailing log margin `m` */
  margin: number;
  /** retargets so far (the noise stream draws one normal per retarget) */
  retargets: number;
  // ---- outputs of the last `advanceDay` ----
  /** expected BTC a day per H/s over the day just simulated, fees included, before pool fee */
  btcPerHsDay: number;
  /** the day's hashprice, USD per PH/s per day */
  hashpriceUsd: number;
  /** blocks mined in the day */
  blocks: number;
  /** true when a retarget happened during the day */
  retargeted: boolean;
  /** subsidy of the next block, BTC (updated at each halving height) */
  subsidyBtc: number;
}

/** Hashrate that finds 144 blocks a day at difficulty `D`: `D × 2^32 / 600`, H/s. */
export function hashrateAtTarget(difficulty: number): number {
  return (difficulty * TWO_POW_32) / 600;
}

/**
 * `ln(1 − gain)`: the log of what one year leaves of J/TH at efficiency gain `gain` (a fraction). Remembers the last
 * gain asked for: the daily loop asks for one scenario's gain on every day.
 */
let lastGain = Number.NaN;
let lastLogRetention = Number.NaN;
export function logYearlyRetention(gain: number): number {
  if (gain !== lastGain) {
    lastGain = gain;
    lastLogRetention = Math.log1p(-gain);
  }
  return lastLogRetention;
}

/** The marginal miner's cash cost of 1 PH/s for one day, USD, `years` after day 0. */
export function networkCostUsdPerPhDay(params: NetworkParams, years: number): number {
  const efficiency = params.networkEfficiency0 * Math.exp(years * logYearlyRetention(params.networkEfficiencyGain));
  return efficiency * COST_FACTOR * params.networkPowerPrice;
}

/** Hashprice, USD per PH/s per day, at difficulty `D`, reward (subsidy + fees) and price. */
export function hashpriceFor(difficulty: number, rewardBtc: number, priceUsd: number): number {
  return (HASHES_PER_PH * SECONDS_PER_DAY * rewardBtc * priceUsd) / (difficulty * TWO_POW_32);
}

/** Yearly log growth of hashrate for trailing margin `m`. */
export function hashrateGrowth(params: NetworkParams, margin: number): number {
  return margin >= 0 ? params.upElasticity * margin : params.downElasticity * margin;
}

/** One retarget step factor: `clamp(TARGET_EPOCH_DAYS / duration, 1/4, 4)`. */
export function retargetStep(epochDays: number): number {
  const step = epochDays > 0 ? TARGET_EPOCH_DAYS / epochDays : MAX_RETARGET_STEP;
  return Math.min(MAX_RETARGET_STEP, Math.max(1 / MAX_RETARGET_STEP, step));
}

/**
 * A network at difficulty `difficulty` and height `height` on day 0, its hashrate `hashrate` (default: the one
 * that finds 144 blocks a day) and trailing margin `margin`. The current epoch is taken to have started
 * `(height mod 2016) / 144` days before, at the target pace.
 */
export function createNetworkState(init: {
  difficulty: number;
  height: number;
  margin: number;
  hashrate?: number;
  epochStart?: number;
}): NetworkState {
  const intoEpoch = init.height % DIFFICULTY_EPOCH_BLOCKS;
  return {
    time: 0,
    hashrate: init.hashrate ?? hashrateAtTarget(init.difficulty),
    installed: Number.NaN,
    difficulty: init.difficulty,
    height: init.height,
    epochStart: init.epochStart ?? -intoEpoch / 144,
    margin: init.margin,
    retargets: 0,
    btcPerHsDay: 0,
    hashpriceUsd: 0,
    blocks: 0,
    retargeted: false,
    subsidyBtc: subsidyBtc(Math.floor(init.height)),
  };
}

/** Copies every field of `from` into `to`. */
export function copyNetworkState(from: NetworkState, to: NetworkState): void {
  Object.assign(to, from);
}

/**
 * Mines one day (or `span` days as one step, for projections) at the state's hashrate and difficulty: splits it
 * at retargets and halvings, records the BTC per H/s a day, hashprice and blocks, then updates the trailing margin
 * and the hashrate for the next step.
 * @param priceUsd the day's BTC price
 * @param feeShare the day's fees as a fraction of the subsidy (0.01 = 1 %)
 * @param noise returns a standard normal for each retarget's shock (called once per retarget); pass `zero` for the
 *   expected path
 */
export function advanceDay(
  state: NetworkState,
  params: NetworkParams,
  priceUsd: number,
  feeShare: number,
  noise: () => number,
  span = 1,
): void {
  let remaining = span;
  let btcPerHsDay = 0;
  let blocks = 0;
  let retargeted = false;
  while (remaining > 0) {
    const rate = (SECONDS_PER_DAY * state.hashrate) / (state.difficulty * TWO_POW_32); // blocks a day
    const height = state.height;
    const nextEpoch = (Math.floor(height / DIFFICULTY_EPOCH_BLOCKS) + 1) * DIFFICULTY_EPOCH_BLOCKS;
    const nextHalving = (Math.floor(height / HALVING_INTERVAL) + 1) * HALVING_INTERVAL;
    const boundary = nextEpoch < nextHalving ? nextEpoch : nextHalving;
    const subsidy = state.subsidyBtc;
    const toBoundary = (boundary - height) / rate;
    const step = toBoundary < remaining ? toBoundary : remaining;
    btcPerHsDay += (step * SECONDS_PER_DAY * subsidy * (1 + feeShare)) / (state.difficulty * TWO_POW_32);
    blocks += step * rate;
    remaining -= step;
    if (step === toBoundary) {
      state.height = boundary;
      if (boundary === nextHalving) state.subsidyBtc = subsidyBtc(boundary);
      if (boundary === nextEpoch) {
        const now = state.time + (span - remaining);
        state.difficulty *= retargetStep(now - state.epochStart);
        state.epochStart = now;
        const shock = Math.exp(params.difficultyNoise * noise());
        state.hashrate *= shock;
        state.installed *= shock;
        state.retargets += 1;
        retargeted = true;
      }
    } else {
      state.height = height + step * rate;
    }
  }
  state.btcPerHsDay = btcPerHsDay / span;
  state.hashpriceUsd = state.btcPerHsDay * HASHES_PER_PH * priceUsd;
  state.blocks = blocks;
  state.retargeted = retargeted;
  const cost = networkCostUsdPerPhDay(params, state.time / DAYS_PER_YEAR);
  const x = Math.log(state.hashpriceUsd / cost);
  state.margin += (x - state.margin) * Math.min(1, span / Math.max(1, params.lagDays));
  const spread = params.efficiencySpread ?? 0;
  if (Number.isNaN(state.installed)) state.installed = state.hashrate / runningShare(spread, x);
  state.installed *= Math.exp((hashrateGrowth(params, state.margin) * span) / DAYS_PER_YEAR);
  state.hashrate = state.installed * runningShare(spread, x);
  state.time += span;
}

/** Standard normal CDF (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - p : p;
}

/**
 * Share of installed hashrate whose own cash cost is below the hashprice, machines' log cost spread `spread` around
 * the average (`x` = ln(hashprice / average cost)): `Φ((x + spread²/2) / spread)`; 1 when `spread` is 0.
 */
export function runningShare(spread: number, x: number): number {
  return spread > 0 ? normalCdf((x + (spread * spread) / 2) / spread) : 1;
}

/** A noise source that always returns 0 (the expected path). */
export const zero = (): number => 0;
