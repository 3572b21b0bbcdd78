/**
 * The market of one path, day by day: the BTC price, the fee share and the network. It does not depend on the pool
 * (the pool is too small to move the network), so one market serves every policy run on the path (path.ts).
 *
 * - The BTC price moves by GBM (`btcDrift`, `btcVolatility`; day 0 is `btcPrice0`); the fee share is a lognormal
 *   AR(1) around `feeShare` (autocorrelation `feeAutocorrelation`, stationary σ `feeVolatility`, mean exactly
 *   `feeShare`).
 * - The network mines each day by network.ts: hashrate, retargets, halvings, hashprice.
 * - On history (`PathOptions.history`) price and fees are the history's from its start date, and the network is the
 *   history's own (`"actual"`) or the model run freely on those prices (`"model"`).
 *
 * Randomness: path i draws from streams derived from (seed, i) alone — `price`, `fees` and `network` (one normal
 * per retarget) — so path i is the same whatever the number of paths, policies or workers.
 */
import { DAYS_PER_YEAR, HASHES_PER_EH, SECONDS_PER_DAY, TWO_POW_32 } from "./constants.js";
import { subsidyBtc } from "./halving.js";
import type { History } from "./history.js";
import { dayIndex, feeShareOn, hashpriceOn } from "./history-series.js";
import {
  advanceDay,
  createNetworkState,
  hashpriceFor,
  networkCostUsdPerPhDay,
  type NetworkParams,
  type NetworkState,
  zero,
} from "./network.js";
import type { PathOptions } from "./path-types.js";
import { createRng, type Rng } from "./rng.js";
import { dateOfDay } from "./rows.js";
import type { Scenario } from "./scenario.js";

/**
 * The scenario fields a market is drawn from; `PathMarket` reads no others (its type says so). Scenarios equal in these
 * fields have the same market on every path, so their pools can share one (`sameMarket`).
 */
export const MARKET_FIELDS = [
  "startDate",
  "startHeight",
  "btcPrice0",
  "btcDrift",
  "btcVolatility",
  "feeShare",
  "feeAutocorrelation",
  "feeVolatility",
  "difficulty0",
  "networkEfficiency0",
  "networkEfficiencyGain",
  "networkPowerPrice",
  "upElasticity",
  "downElasticity",
  "lagDays",
  "difficultyNoise",
  "efficiencySpread",
] as const satisfies ReadonlyArray<keyof Scenario>;

/** What a market reads of a scenario. */
export type MarketScenario = Pick<Scenario, (typeof MARKET_FIELDS)[number]>;

/** Whether `a` and `b` have the same market (equal in every field of `MARKET_FIELDS`). */
export function sameMarket(a: MarketScenario, b: MarketScenario): boolean {
  return MARKET_FIELDS.every((field) => Object.is(a[field], b[field]));
}

/** The network model's parameters of a scenario (efficiency anchored at its start date). */
export function networkParams(s: MarketScenario): NetworkParams {
  return {
    networkEfficiency0: s.networkEfficiency0,
    networkEfficiencyGain: s.networkEfficiencyGain / 100,
    networkPowerPrice: s.networkPowerPrice,
    upElasticity: s.upElasticity,
    downElasticity: s.downElasticity,
    lagDays: s.lagDays,
    difficultyNoise: s.difficultyNoise,
    efficiencySpread: s.efficiencySpread,
  };
}

/** The random-stream key of path `pathIndex` of a run seeded `seed`. */
export function pathSeed(seed: string | number, pathIndex: number): string {
  return `${String(seed)}/path/${pathIndex}`;
}

/** What a market is drawn from: the path's seed and index, and its days (and history, if any). */
export type MarketOptions = Pick<PathOptions, "seed" | "pathIndex" | "days" | "history">;

/** One path's market. `openDay(d)` then `mineDay(d)`, for d = 0, 1, …; read the fields between and after. */
export class PathMarket {
  /** the date of day 0 */
  readonly startDate: string;
  readonly params: NetworkParams;
  /** the network; between `openDay(d)` and `mineDay(d)` it is as day d starts (what a policy decides on) */
  readonly network: NetworkState;
  // The fields written every day start at 0: a field that starts undefined keeps its numbers boxed, and V8 then
  // allocates a new box for each value written (two a path-day here).
  /** day d's BTC price, USD (set by `openDay`) */
  price = 0;
  /** day d's fees as a fraction of the subsidy (set by `openDay`) */
  feeShare = 0;

  private readonly history: PathOptions["history"];
  /** index of day 0 in the history */
  private readonly first: number;
  private readonly priceRng: Rng;
  private readonly feeRng: Rng;
  private readonly noise: () => number;
  // The GBM's and the fee AR(1)'s constants, computed once.
  private readonly priceDrift: number;
  private readonly priceDiffusion: number;
  private readonly phi: number;
  private readonly innovation: number;
  private readonly feeMean: number;
  private readonly feeCorrection: number;
  private feeLog = 0;

  /** @throws Error with a one-line message when the history is too short for `options.days` */
  constructor(s: MarketScenario, options: MarketOptions) {
    this.params = networkParams(s);
    const key = pathSeed(options.seed, options.pathIndex);
    this.priceRng = createRng(key, "price");
    this.feeRng = createRng(key, "fees");
    const networkRng = createRng(key, "network");
    const hist = options.history;
    this.history = hist;
    this.first = hist === undefined ? 0 : dayIndex(hist.data, hist.start);
    if (hist !== undefined) checkHistory(hist.data, hist.start, this.first, options.days);
    this.noise = hist === undefined ? () => networkRng.normal() : zero;
    this.startDate = hist === undefined ? s.startDate : hist.start;

    this.price = hist === undefined ? s.btcPrice0 : hist.data.days[this.first]!.priceUsd;
    this.priceDrift = (s.btcDrift - (s.btcVolatility * s.btcVolatility) / 2) / DAYS_PER_YEAR;
    this.priceDiffusion = s.btcVolatility * Math.sqrt(1 / DAYS_PER_YEAR);
    this.phi = s.feeAutocorrelation;
    const sigmaFee = s.feeVolatility;
    this.innovation = sigmaFee * Math.sqrt(1 - this.phi * this.phi);
    this.feeCorrection = (sigmaFee * sigmaFee) / 2;
    this.feeLog = sigmaFee * this.feeRng.normal(); // stationary start
    this.feeMean = s.feeShare / 100;

    const d0 = hist === undefined ? s.difficulty0 : hist.data.days[this.first - 1]!.difficulty;
    const h0 = hist === undefined ? s.startHeight : hist.data.heightAtEnd[this.first - 1]!;
    const hp0 = hashpriceFor(d0, subsidyBtc(Math.floor(h0)) * (1 + this.feeMean), this.price);
    this.network = createNetworkState({
      difficulty: d0,
      height: h0,
      margin: Math.log(hp0 / networkCostUsdPerPhDay(this.params, 0)),
      hashrate: hist === undefined ? undefined : hist.data.days[this.first - 1]!.hashrateEhs * HASHES_PER_EH,
    });
  }

  /** Day `day`'s price and fee share (day 0's price is the starting one). */
  openDay(day: number): void {
    const hist = this.history;
    if (hist === undefined) {
      if (day > 0) {
        this.price *= Math.exp(this.priceDrift + this.priceDiffusion * this.priceRng.normal());
        this.feeLog = this.phi * this.feeLog + this.innovation * this.feeRng.normal();
      }
      this.feeShare = this.feeMean * Math.exp(this.feeLog - this.feeCorrection);
    } else {
      if (day > 0) this.price = hist.data.days[this.first + day]!.priceUsd;
      this.feeShare = feeShareOn(hist.data, this.first + day);
    }
  }

  /** The network mines day `day`; `network` then holds the day's outcome (`retargeted`, `btcPerHsDay`, …). */
  mineDay(day: number): void {
    const hist = this.history;
    if (hist !== undefined && hist.network === "actual") this.mineActualDay(hist.data, this.first + day);
    else advanceDay(this.network, this.params, this.price, this.feeShare, this.noise);
  }

  /** Day `i` of the history as it happened: its difficulty, hashrate and reward. */
  private mineActualDay(data: History, i: number): void {
    const network = this.network;
    const row = data.days[i]!;
    const reward = subsidyBtc(data.heightAtEnd[i]!) + row.feesBtc / data.blocks[i]!;
    network.retargeted = row.difficulty !== network.difficulty;
    network.difficulty = row.difficulty;
    network.height = data.heightAtEnd[i]!;
    network.subsidyBtc = subsidyBtc(network.height);
    network.hashrate = row.hashrateEhs * HASHES_PER_EH;
    network.btcPerHsDay = (SECONDS_PER_DAY * reward) / (row.difficulty * TWO_POW_32);
    network.hashpriceUsd = hashpriceOn(data, i);
    const cost = networkCostUsdPerPhDay(this.params, network.time / DAYS_PER_YEAR);
    network.margin += (Math.log(network.hashpriceUsd / cost) - network.margin) / Math.max(1, this.params.lagDays);
    network.time += 1;
  }
}

/** The history must have difficulty for the day before `start` and for `days` days from it. */
function checkHistory(data: History, start: string, first: number, days: number): void {
  const available = data.days.length - first;
  const withDifficulty = data.heightAtEnd.slice(first).findIndex((h) => !Number.isFinite(h));
  const usable = withDifficulty < 0 ? available : withDifficulty;
  if (first < 1 || usable < days) {
    throw new Error(
      `history: ${start} plus ${days} days needs rows with difficulty to ${dateOfDay(start, days - 1)} (the file has ${usable} from there)`,
    );
  }
}
