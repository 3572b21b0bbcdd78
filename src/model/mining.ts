/**
 * Bitcoin mining economics (ECONOMICS.md, "Formulas").
 *
 * - Expected BTC a day for hashrate H (H/s): `H × 86400 × (subsidy + fees) / (D × 2^32)`, equivalently
 *   `(H / Hnet) × 144 × (subsidy + fees)` with `Hnet = D × 2^32 / 600`.
 * - Hashprice: that amount for H = 1 PH/s, in BTC or USD per PH/s per day (S4, S9), before the pool fee.
 * - Revenue the pool pays: `btcPerDay × (1 − poolFee) × uptime`, in BTC (`poolFee` S12 FPPS, `uptime` S13).
 * - Energy: `TH × J/TH × 24 / 1e6` MWh a day, times uptime, times `powerPrice` (`fleetEfficiency` S10,
 *   `powerPrice` S11).
 */
import { HASHES_PER_PH, HASHES_PER_TH, SECONDS_PER_DAY, TWO_POW_32, WATTS_PER_MW } from "./constants.js";

/**
 * Expected BTC a day for hashrate `hashrateHs` at difficulty `difficulty`.
 * @param hashrateHs H, hashes per second
 * @param rewardBtc block reward, subsidy + fees, in BTC
 */
export function btcPerDay(hashrateHs: number, difficulty: number, rewardBtc: number): number {
  return (hashrateHs * SECONDS_PER_DAY * rewardBtc) / (difficulty * TWO_POW_32);
}

/**
 * Expected BTC a day as a share of the network: `(H / Hnet) × blocksPerDay × reward`.
 * @param hashrateHs H, H/s
 * @param networkHashrateHs Hnet, H/s
 * @param rewardBtc subsidy + fees, BTC
 * @param blocksPerDay 144 (`blocksPerDay`, S3)
 */
export function btcPerDayFromNetworkShare(
  hashrateHs: number,
  networkHashrateHs: number,
  rewardBtc: number,
  blocksPerDay: number = 144,
): number {
  return (hashrateHs / networkHashrateHs) * blocksPerDay * rewardBtc;
}

/** Hashprice in BTC per PH/s per day (before pool fee). */
export function hashpriceBtcPerPhDay(difficulty: number, rewardBtc: number): number {
  return btcPerDay(HASHES_PER_PH, difficulty, rewardBtc);
}

/** Hashprice in USD per PH/s per day (before pool fee): the BTC hashprice times the BTC price. */
export function hashpriceUsdPerPhDay(difficulty: number, rewardBtc: number, btcPriceUsd: number): number {
  return hashpriceBtcPerPhDay(difficulty, rewardBtc) * btcPriceUsd;
}

/** Energy one PH/s draws in a day at full uptime, MWh: `1000 TH × J/TH × 24 h / 1e6`. */
export function mwhPerPhDay(fleetEfficiencyJPerTh: number): number {
  return (1000 * fleetEfficiencyJPerTh * 24) / WATTS_PER_MW;
}

/**
 * Revenue per MWh of power consumed for a given hashprice (before pool fee), USD/MWh.
 * 39.5 USD/PH/day at 17.5 J/TH gives ≈ 94 USD/MWh (ECONOMICS.md check).
 */
export function revenueUsdPerMwh(hashpriceUsdPerPhDayValue: number, fleetEfficiencyJPerTh: number): number {
  return hashpriceUsdPerPhDayValue / mwhPerPhDay(fleetEfficiencyJPerTh);
}

/** Whole TH/s a fleet of `efficiency` J/TH draws from `powerMw` MW: `floor(MW × 1e6 W / (J/TH))`. */
export function hashrateThsForPower(powerMw: number, fleetEfficiencyJPerTh: number): number {
  if (powerMw <= 0) return 0;
  return Math.floor((powerMw * WATTS_PER_MW) / fleetEfficiencyJPerTh);
}

/** Energy a day, MWh: `TH × J/TH × 24 / 1e6 × uptime`. */
export function energyMwhPerDay(hashrateThs: number, fleetEfficiencyJPerTh: number, uptimeFraction: number): number {
  return ((hashrateThs * fleetEfficiencyJPerTh * 24) / WATTS_PER_MW) * uptimeFraction;
}

/** Inputs of one mining day; percentages as in the scenario (0–100). */
export interface MiningDayInput {
  /** the pool's mining hashrate, whole TH/s */
  hashrateThs: number;
  /** expected BTC a day per H/s at that day's difficulty and reward (see `btcPerDay`) */
  btcPerHsDay: number;
  /** USD per BTC */
  btcPriceUsd: number;
  /** `poolFee`, % */
  poolFeePct: number;
  /** `uptime`, % */
  uptimePct: number;
  /** `fleetEfficiency`, J/TH */
  fleetEfficiency: number;
  /** `powerPrice`, USD/MWh */
  powerPrice: number;
}

/** One mining day before the operator fee and loss carry-forward. */
export interface MiningDay {
  /** expected BTC at full uptime, before the pool fee */
  btcExpected: number;
  /** BTC the pool pays: after pool fee and uptime */
  btcGross: number;
  /** `btcGross` in USD at the day's price */
  usdGross: number;
  /** MWh consumed (after uptime) */
  energyMwh: number;
  /** `energyMwh × powerPrice`, USD */
  energyCostUsd: number;
  /** `usdGross − energyCostUsd` (may be negative) */
  netUsd: number;
}

/** Computes one mining day (ECONOMICS.md "Net mining revenue" and "Energy"). */
export function miningDay(input: MiningDayInput): MiningDay {
  const uptime = input.uptimePct / 100;
  const btcExpected = input.hashrateThs * HASHES_PER_TH * input.btcPerHsDay;
  const btcGross = btcExpected * (1 - input.poolFeePct / 100) * uptime;
  const usdGross = btcGross * input.btcPriceUsd;
  const energyMwh = energyMwhPerDay(input.hashrateThs, input.fleetEfficiency, uptime);
  const energyCostUsd = energyMwh * input.powerPrice;
  return { btcExpected, btcGross, usdGross, energyMwh, energyCostUsd, netUsd: usdGross - energyCostUsd };
}

/** Parameters of the mining margin; percentages 0–100. */
export interface MiningMarginParams {
  fleetEfficiency: number;
  poolFee: number;
  uptime: number;
  powerPrice: number;
}

/**
 * Expected mining margin per MWh of *capacity* (one MW for one hour, whether or not it runs), USD/MWh:
 * `uptime × (hashprice × (1 − poolFee) / MWh-per-PH-day − powerPrice)`. Used by the arbitrage policy.
 */
export function miningMarginUsdPerMwh(hashpriceUsdPerPhDayValue: number, params: MiningMarginParams): number {
  const revenue = revenueUsdPerMwh(hashpriceUsdPerPhDayValue, params.fleetEfficiency) * (1 - params.poolFee / 100);
  return (params.uptime / 100) * (revenue - params.powerPrice);
}
