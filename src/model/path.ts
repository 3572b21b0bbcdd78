/**
 * `simulatePath`: one seeded path of the market and the pool under one policy, day by day (contract in
 * path-types.ts). Pure and deterministic: the same scenario and options give the same result, value for value.
 *
 * Each day d:
 * 1. the BTC price moves (GBM, `btcDrift`, `btcVolatility`; day 0 is `btcPrice0`) and the fee share moves
 *    (lognormal AR(1) around `feeShare`: autocorrelation `feeAutocorrelation`, stationary σ `feeVolatility`,
 *    mean exactly `feeShare`);
 * 2. on day 0 and on the first day of each difficulty epoch the policy may sign AI deals (policies.ts);
 * 3. the network mines the day (network.ts): hashrate, retargets, halvings, hashprice;
 * 4. the capacity not committed to AI mines (fleet.ts), its fleet renewed by the sustaining reserve on every day it
 *    runs; earning deals earn (deals.ts) and pay their loan
 *    instalments and the operator's equity first;
 * 5. each source's net repays its carried loss, then the operator takes `operatorFee` % of what is left and holders
 *    receive the rest; a negative day pays nothing and carries the loss forward (settlement.ts).
 *
 * Randomness: path i of a run draws from streams derived from (seed, i) alone — `price`, `fees` and `network`
 * (one normal per retarget) — so path i is the same whatever the number of paths or workers.
 */
import { DAYS_PER_YEAR, HASHES_PER_EH } from "./constants.js";
import { createRng } from "./rng.js";
import { settleInto, type Settlement } from "./settlement.js";
import { aiOpexPerDay, aiRevenuePerDay, type Deal, signDeal } from "./deals.js";
import { emptyMiningDay, miningDay } from "./fleet.js";
import { dayIndex } from "./history.js";
import { feeShareOn, hashpriceOn } from "./history-series.js";
import {
  advanceDay,
  createNetworkState,
  hashpriceFor,
  networkCostUsdPerPhDay,
  type NetworkParams,
  zero,
} from "./network.js";
import type { PathOptions, PathResult } from "./path-types.js";
import { POLICY_NAMES } from "./path-types.js";
import { decide } from "./policies.js";
import { allocateColumns, dateOfDay } from "./rows.js";
import type { Scenario } from "./scenario.js";
import { aiValuePerMw, dealHorizonDays, miningValuePerMw } from "./valuation.js";
import { subsidyBtc } from "./halving.js";
import { SECONDS_PER_DAY, TWO_POW_32 } from "./constants.js";

/** The network model's parameters of a scenario (efficiency anchored at its start date). */
export function networkParams(s: Scenario): NetworkParams {
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

const aiValues = new WeakMap<Scenario, number>();

/** `aiValuePerMw` of a scenario at its discount rate, computed once per scenario object (scenarios are not mutated). */
function aiValueOf(s: Scenario): number {
  let value = aiValues.get(s);
  if (value === undefined) {
    value = aiValuePerMw(s, s.discountRate);
    aiValues.set(s, value);
  }
  return value;
}

/** The random-stream key of path `pathIndex` of a run seeded `seed`. */
export function pathSeed(seed: string | number, pathIndex: number): string {
  return `${String(seed)}/path/${pathIndex}`;
}

function fits(columns: PathResult["columns"], days: number): boolean {
  return columns.priceUsd.length >= days;
}

function checkOptions(options: PathOptions): void {
  if (!Number.isSafeInteger(options.days) || options.days < 1) {
    throw new Error(`days: must be a positive integer (got ${String(options.days)})`);
  }
  if (!Number.isSafeInteger(options.pathIndex) || options.pathIndex < 0) {
    throw new Error(`pathIndex: must be a non-negative integer (got ${String(options.pathIndex)})`);
  }
  if (!POLICY_NAMES.includes(options.policy)) {
    throw new Error(`policy: must be one of ${POLICY_NAMES.join(", ")} (got ${JSON.stringify(options.policy)})`);
  }
  if (typeof options.seed === "number" && !Number.isFinite(options.seed)) {
    throw new Error(`seed: must be a finite number or a string (got ${String(options.seed)})`);
  }
}

/**
 * Simulates one path (see the file comment and path-types.ts).
 * @throws Error with a one-line message on bad options (or a history too short for `days`)
 */
export function simulatePath(s: Scenario, options: PathOptions): PathResult {
  checkOptions(options);
  const { days, policy } = options;
  const key = pathSeed(options.seed, options.pathIndex);
  const priceRng = createRng(key, "price");
  const feeRng = createRng(key, "fees");
  const networkRng = createRng(key, "network");
  const noise = (): number => networkRng.normal();
  const params = networkParams(s);
  const columns =
    options.columns !== undefined && fits(options.columns, days) ? options.columns : allocateColumns(days);
  const c = columns;

  const hist = options.history;
  const first = hist === undefined ? 0 : dayIndex(hist.data, hist.start);
  if (hist !== undefined) {
    const available = hist.data.days.length - first;
    const withDifficulty = hist.data.heightAtEnd.slice(first).findIndex((h) => !Number.isFinite(h));
    const usable = withDifficulty < 0 ? available : withDifficulty;
    if (first < 1 || usable < days) {
      throw new Error(
        `history: ${hist.start} plus ${days} days needs rows with difficulty to ${dateOfDay(hist.start, days - 1)} (the file has ${usable} from there)`,
      );
    }
  }
  const startDate = hist === undefined ? s.startDate : hist.start;

  // Day 0's market.
  let price = hist === undefined ? s.btcPrice0 : hist.data.days[first]!.priceUsd;
  const phi = s.feeAutocorrelation;
  const sigmaFee = s.feeVolatility;
  const innovation = sigmaFee * Math.sqrt(1 - phi * phi);
  let feeLog = sigmaFee * feeRng.normal(); // stationary start
  const feeMean = s.feeShare / 100;
  const feeShareToday = (): number =>
    hist === undefined ? feeMean * Math.exp(feeLog - (sigmaFee * sigmaFee) / 2) : feeShareOn(hist.data, first + day);

  const d0 = hist === undefined ? s.difficulty0 : hist.data.days[first - 1]!.difficulty;
  const h0 = hist === undefined ? s.startHeight : hist.data.heightAtEnd[first - 1]!;
  const hp0 = hashpriceFor(d0, subsidyBtc(Math.floor(h0)) * (1 + feeMean), price);
  const network = createNetworkState({
    difficulty: d0,
    height: h0,
    margin: Math.log(hp0 / networkCostUsdPerPhDay(params, 0)),
    hashrate: hist === undefined ? undefined : hist.data.days[first - 1]!.hashrateEhs * HASHES_PER_EH,
  });

  // Deals: the one running at the start (capex sunk), then those the policy signs.
  const deals: Deal[] = [];
  if (s.aiItMwAtStart > 0) {
    deals.push(signDeal(s, s.aiItMwAtStart * s.itToGrossMw, -s.aiContractAgeAtStartDays - s.conversionLag, true));
  }
  const horizon = dealHorizonDays(s);
  let aiValue = Number.NaN; // the same every evaluation of a scenario: computed once, when first needed
  const decisions: PathResult["decisions"] = [];
  const mining = emptyMiningDay();
  const minedSettled: Settlement = { payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 0 };
  const aiSettled: Settlement = { payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 0 };
  let carriedMining = 0;
  let carriedAi = 0;
  let fleetYears = 0; // years of sustaining reserve paid: the fleet's age in years of renewal (fleet.ts)
  let evaluate = true;
  let day = 0;

  for (; day < days; day++) {
    if (day > 0) {
      if (hist === undefined) {
        const z = priceRng.normal();
        price *= Math.exp(
          (s.btcDrift - (s.btcVolatility * s.btcVolatility) / 2) / DAYS_PER_YEAR +
            s.btcVolatility * Math.sqrt(1 / DAYS_PER_YEAR) * z,
        );
        feeLog = phi * feeLog + innovation * feeRng.normal();
      } else {
        price = hist.data.days[first + day]!.priceUsd;
      }
    }
    const feeShare = feeShareToday();

    const capacityMw = s.capacityMw + (s.capacityGrowthMwPerYear * day) / DAYS_PER_YEAR;
    let committed = 0;
    for (const deal of deals) if (deal.signDay <= day && day < deal.endDay) committed += deal.grossMw;
    if (evaluate) {
      const decision = decide({
        day,
        policy,
        capacityMw,
        committedMw: committed,
        blockMw: (s.dealSize / 100) * capacityMw,
        maxAiMw: (s.maxAiShare / 100) * capacityMw,
        aiValue: () => (Number.isNaN(aiValue) ? (aiValue = aiValueOf(s)) : aiValue),
        miningValue: () => miningValuePerMw(s, params, network, price, horizon, fleetYears),
      });
      if (decision !== undefined) {
        decisions.push(decision);
        if (decision.convertedMw > 0) {
          deals.push(signDeal(s, decision.convertedMw, day));
          committed += decision.convertedMw;
        }
      }
    }

    if (hist !== undefined && hist.network === "actual") {
      const i = first + day;
      const row = hist.data.days[i]!;
      const blocks = hist.data.blocks[i]!;
      const reward = subsidyBtc(hist.data.heightAtEnd[i]!) + row.feesBtc / blocks;
      network.retargeted = row.difficulty !== network.difficulty;
      network.difficulty = row.difficulty;
      network.height = hist.data.heightAtEnd[i]!;
      network.subsidyBtc = subsidyBtc(network.height);
      network.hashrate = row.hashrateEhs * HASHES_PER_EH;
      network.btcPerHsDay = (SECONDS_PER_DAY * reward) / (row.difficulty * TWO_POW_32);
      network.hashpriceUsd = hashpriceOn(hist.data, i);
      const cost = networkCostUsdPerPhDay(params, network.time / DAYS_PER_YEAR);
      network.margin += (Math.log(network.hashpriceUsd / cost) - network.margin) / Math.max(1, params.lagDays);
      network.time += 1;
    } else {
      advanceDay(network, params, price, feeShare, hist === undefined ? noise : zero);
    }
    evaluate = network.retargeted;

    // AI: earning deals, their loans and the operator's equity.
    let aiMw = 0;
    let convertingMw = 0;
    let aiRevenue = 0;
    let aiOpex = 0;
    let aiFinancing = 0;
    let aiEquity = 0;
    let aiNet = 0;
    for (const deal of deals) {
      if (day < deal.signDay || day >= deal.endDay) continue;
      if (day < deal.earnDay) {
        convertingMw += deal.grossMw;
        continue;
      }
      aiMw += deal.grossMw;
      const revenue = aiRevenuePerDay(s, deal.grossMw, day - deal.earnDay);
      const opex = aiOpexPerDay(s, deal.grossMw, revenue);
      const loan = day < deal.loanEndDay ? deal.loanPaymentUsd : 0;
      const beforeEquity = revenue - opex - loan;
      const equity = beforeEquity > 0 ? Math.min(beforeEquity, deal.equityOwedUsd) : 0;
      deal.equityOwedUsd -= equity;
      aiRevenue += revenue;
      aiOpex += opex;
      aiFinancing += loan;
      aiEquity += equity;
      aiNet += beforeEquity - equity;
    }

    const miningMw = Math.max(0, capacityMw - committed);
    miningDay(mining, s, miningMw, network.btcPerHsDay, price, fleetYears);
    c.poolHashrateThs[day] = mining.ths;
    if (!mining.shutdown) fleetYears += 1 / DAYS_PER_YEAR;
    const miningNet = mining.revenueUsd - mining.powerUsd - mining.opexUsd - mining.depreciationUsd;
    settleInto(minedSettled, miningNet, carriedMining, s.operatorFee);
    carriedMining = minedSettled.carriedLossUsd;
    settleInto(aiSettled, aiNet, carriedAi, s.operatorFee);
    carriedAi = aiSettled.carriedLossUsd;

    c.priceUsd[day] = price;
    c.difficulty[day] = network.difficulty;
    c.networkHashrateEhs[day] = network.hashrate / HASHES_PER_EH;
    c.height[day] = network.height;
    c.hashpriceUsd[day] = network.hashpriceUsd;
    c.feeSharePct[day] = feeShare * 100;
    c.miningMw[day] = mining.shutdown ? 0 : miningMw;
    c.aiMw[day] = aiMw;
    c.convertingMw[day] = convertingMw;
    c.aiShare[day] = (aiMw + convertingMw) / capacityMw;
    c.capacityMw[day] = capacityMw;
    c.shutdown[day] = mining.shutdown ? 1 : 0;
    c.miningBtc[day] = mining.btc;
    c.miningRevenueUsd[day] = mining.revenueUsd;
    c.miningPowerUsd[day] = mining.powerUsd;
    c.miningOpexUsd[day] = mining.opexUsd;
    c.miningDepreciationUsd[day] = mining.depreciationUsd;
    c.aiRevenueUsd[day] = aiRevenue;
    c.aiOpexUsd[day] = aiOpex;
    c.aiFinancingUsd[day] = aiFinancing;
    c.aiEquityUsd[day] = aiEquity;
    c.operatorFeeUsd[day] = minedSettled.operatorFeeUsd + aiSettled.operatorFeeUsd;
    c.holdersMiningUsd[day] = minedSettled.payoutUsd;
    c.holdersMiningBtc[day] = minedSettled.payoutUsd / price;
    c.holdersAiUsd[day] = aiSettled.payoutUsd;
    c.carriedLossMiningUsd[day] = carriedMining;
    c.carriedLossAiUsd[day] = carriedAi;
  }
  return { scenario: s, options, startDate, days, columns, decisions };
}
