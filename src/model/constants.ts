/**
 * Physical and protocol constants of the economic model (docs/ECONOMICS.md). Every file of src/model takes its fixed
 * numbers from here; token facts (decimals, satoshis per BTC) live in src/tokens.ts.
 */

/** Seconds in a day: the `86400` of `H × 86400 × (subsidy + fees) / (D × 2^32)`. */
export const SECONDS_PER_DAY = 86_400;

/** `2^32`: expected hashes per unit of difficulty (S1, src/pow.cpp). */
export const TWO_POW_32 = 4_294_967_296;

/** Target block interval in seconds (S3): 600 s, hence 144 blocks a day. */
export const TARGET_BLOCK_SECONDS = 600;

/** Blocks per difficulty epoch (`difficultyAdjustment`: every 2016 blocks, S1). */
export const DIFFICULTY_EPOCH_BLOCKS = 2016;

/** Blocks between halvings (`blockSubsidy`, S1 GetBlockSubsidy). */
export const HALVING_INTERVAL = 210_000;

/** Days per year used everywhere (`dt = 1/365` in the GBM; `aiColoRevenue / 365`). */
export const DAYS_PER_YEAR = 365;

/** Hours per year: 365 × 24. */
export const HOURS_PER_YEAR = DAYS_PER_YEAR * 24;

/** Hashes per second in one TH/s, PH/s and EH/s. */
export const HASHES_PER_TH = 1e12;
export const HASHES_PER_PH = 1e15;
export const HASHES_PER_EH = 1e18;

/** Watts per megawatt. */
export const WATTS_PER_MW = 1e6;
