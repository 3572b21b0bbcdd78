/**
 * Physical and protocol constants of the economic model (ECONOMICS.md, "Formulas").
 * Every other file in src/model takes its fixed numbers from here.
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

/** Satoshis per bitcoin; WBTC has 8 decimals, so its base unit is one satoshi. */
export const SATS_PER_BTC = 100_000_000;

/** USDC has 6 decimals: base units per USD. */
export const USDC_UNITS_PER_USD = 1_000_000;

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
