/**
 * The market path: BTC price, fee share, block heights, subsidy and difficulty, day by day (ECONOMICS.md,
 * "Stochastic paths"). It depends only on the scenario and the seed — never on the allocation policy — so
 * every policy run with one seed sees the same path and the policies can be compared on it.
 *
 * Randomness comes from three independent streams of the seed: `price` (one normal per day from day 1),
 * `fees` (one normal per day) and `difficulty` (one normal per retarget).
 *
 * Day d covers the `blocksPerDay` blocks from `startHeight + d × blocksPerDay`. A halving or a retarget that
 * falls inside a day applies from its own block on ("The halving applies at its block height"): the day is
 * split into segments of constant subsidy and difficulty, each weighted by its share of the day's blocks.
 * At a retarget, hashprice_k is the block-weighted mean network hashprice (USD/PH/day, fees included, before
 * pool fee) over the blocks of epoch k that were simulated.
 */
import { DAYS_PER_YEAR } from "./constants.js";
import { type DifficultyParams, epochOfHeight, epochStartHeight, nextDifficulty } from "./difficulty.js";
import { blockRewardBtc, dailyFeeSharePct } from "./fees.js";
import { nextHalvingHeight, subsidyBtc } from "./halving.js";
import { btcPerDay, hashpriceUsdPerPhDay } from "./mining.js";
import { gbmStep } from "./price.js";
import { createRng, type Seed } from "./rng.js";
import type { Scenario } from "./scenario.js";

/** A run of blocks inside one day with one subsidy and one difficulty. */
export interface BlockSegment {
  /** first height of the segment */
  startHeight: number;
  /** number of blocks */
  blocks: number;
  /** subsidy, BTC */
  subsidyBtc: number;
  /** network difficulty */
  difficulty: number;
  /** network hashprice over the segment, USD/PH/day (fees included, before pool fee) */
  hashpriceUsdPerPhDay: number;
}

/** The market on one day. */
export interface MarketDay {
  day: number;
  /** `YYYY-MM-DD` (UTC) */
  date: string;
  /** height of the day's first block */
  height: number;
  /** USD per BTC */
  btcPriceUsd: number;
  /** that day's fees, % of the subsidy */
  feeSharePct: number;
  /** difficulty in force for the day's first block */
  difficulty: number;
  segments: BlockSegment[];
  /** expected BTC a day per H/s, block-weighted over the segments (before pool fee and uptime) */
  btcPerHsDay: number;
  /** network hashprice, USD/PH/day, block-weighted */
  hashpriceUsdPerPhDay: number;
  /** true on day 0 and on every day in which a new difficulty epoch begins */
  newEpoch: boolean;
}

/** `YYYY-MM-DD` of `startDate + day` days (UTC). */
export function dateOfDay(startDate: string, day: number): string {
  const ms = Date.parse(`${startDate}T00:00:00Z`) + day * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The difficulty process's parameters from a scenario (percentages to fractions). */
export function difficultyParams(scenario: Scenario): DifficultyParams {
  return {
    growthPerEpoch: scenario.difficultyGrowth / 100,
    priceBeta: scenario.difficultyPriceBeta,
    noisePerEpoch: scenario.difficultyNoise / 100,
    hashpriceRef: scenario.hashpriceRef,
  };
}

/** A deterministic day-by-day market path. */
export interface Market {
  next(): MarketDay;
}

/** Creates the market path of `scenario` under `seed`. */
export function createMarket(scenario: Scenario, seed: Seed): Market {
  const priceRng = createRng(seed, "price");
  const feeRng = createRng(seed, "fees");
  const difficultyRng = createRng(seed, "difficulty");
  const params = difficultyParams(scenario);
  const dt = 1 / DAYS_PER_YEAR;

  let day = 0;
  let price = scenario.btcPrice0;
  let difficulty = scenario.difficulty0;
  let epoch = epochOfHeight(scenario.startHeight);
  let epochHashpriceBlocks = 0; // Σ hashprice × blocks over the simulated blocks of the current epoch
  let epochBlocks = 0;

  function next(): MarketDay {
    if (day > 0) price = gbmStep(price, scenario.btcDrift, scenario.btcVolatility, priceRng.normal(), dt);
    const feeSharePct = dailyFeeSharePct(scenario.feeShare, scenario.feeVolatility, feeRng.normal());
    const firstHeight = scenario.startHeight + day * scenario.blocksPerDay;
    const endHeight = firstHeight + scenario.blocksPerDay;

    let newEpoch = day === 0;
    const segments: BlockSegment[] = [];
    let btcPerHsDay = 0;
    let hashprice = 0;
    let height = firstHeight;
    while (height < endHeight) {
      const heightEpoch = epochOfHeight(height);
      if (heightEpoch !== epoch) {
        // Retarget at `height`: close epoch k with its block-weighted hashprice.
        const subsidyNow = subsidyBtc(height);
        const hashpriceK =
          epochBlocks > 0
            ? epochHashpriceBlocks / epochBlocks
            : hashpriceUsdPerPhDay(difficulty, blockRewardBtc(subsidyNow, feeSharePct), price);
        difficulty = nextDifficulty(difficulty, params, hashpriceK, difficultyRng.normal());
        epoch = heightEpoch;
        epochHashpriceBlocks = 0;
        epochBlocks = 0;
        newEpoch = true;
      }
      const segmentEnd = Math.min(endHeight, epochStartHeight(epoch + 1), nextHalvingHeight(height));
      const blocks = segmentEnd - height;
      const subsidy = subsidyBtc(height);
      const reward = blockRewardBtc(subsidy, feeSharePct);
      const segmentHashprice = hashpriceUsdPerPhDay(difficulty, reward, price);
      const weight = blocks / scenario.blocksPerDay;
      segments.push({
        startHeight: height,
        blocks,
        subsidyBtc: subsidy,
        difficulty,
        hashpriceUsdPerPhDay: segmentHashprice,
      });
      btcPerHsDay += weight * btcPerDay(1, difficulty, reward);
      hashprice += weight * segmentHashprice;
      epochHashpriceBlocks += segmentHashprice * blocks;
      epochBlocks += blocks;
      height = segmentEnd;
    }

    const result: MarketDay = {
      day,
      date: dateOfDay(scenario.startDate, day),
      height: firstHeight,
      btcPriceUsd: price,
      feeSharePct,
      difficulty: segments[0]!.difficulty,
      segments,
      btcPerHsDay,
      hashpriceUsdPerPhDay: hashprice,
      newEpoch,
    };
    day += 1;
    return result;
  }

  return { next };
}
