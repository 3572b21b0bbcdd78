/**
 * Fleet economics of the capacity that mines (ECONOMICS "Formulas"), with the fleet renewed by a sustaining reserve.
 *
 * - Per gross MW of capacity the fleet runs `1e6 / (miningPue × efficiency)` TH/s; revenue
 *   `btcPerDay × (1 − poolFee) × uptime`; power `MW × 24 × uptime` MWh a day (PUE included) at `powerPrice`;
 *   non-power opex `miningOpex` per MWh.
 * - Sustaining reserve (ECONOMICS allows "straight-line depreciation or sustaining reserve"): each day the fleet sets
 *   aside `fleetCapex × TH / (fleetLife × 365)` and spends it on new machines, so the whole fleet is renewed every
 *   `fleetLife` years. New machines improve at the network's efficiency gain (`networkEfficiencyGain`), so the fleet's
 *   J/TH after `r` years of renewal is `fleetEfficiency × (1 − gain)^r` and keeps its edge over the network average;
 *   machines are priced per watt (capex per TH falls with J/TH), so the reserve per MW stays constant while the TH/s
 *   it buys grows. `r` counts the days the reserve was paid (see `miningDay`).
 * - Shutdown rule: a day whose revenue is below its power + opex cost earns and costs nothing — no power, no opex and
 *   no reserve; the fleet is then not renewed that day (its renewal clock stands still).
 */
import { DAYS_PER_YEAR, HASHES_PER_TH, WATTS_PER_MW } from "./constants.js";
import { logYearlyRetention } from "./network.js";
import type { Scenario } from "./scenario.js";

/** One mining day, USD and BTC. Written into by `miningDay` (no allocation). */
export interface MiningDay {
  shutdown: boolean;
  /** TH/s installed on the capacity (also on a shutdown day) */
  ths: number;
  btc: number;
  revenueUsd: number;
  powerUsd: number;
  opexUsd: number;
  /** the sustaining reserve (the fleet's depreciation, spent on renewal) */
  depreciationUsd: number;
}

export type FleetParams = Pick<
  Scenario,
  | "fleetEfficiency"
  | "miningPue"
  | "powerPrice"
  | "miningOpex"
  | "fleetCapex"
  | "fleetLife"
  | "shutdownRule"
  | "poolFee"
  | "uptime"
  | "networkEfficiencyGain"
>;

/** The fleet's J/TH after `fleetYears` years of renewal: `fleetEfficiency × (1 − networkEfficiencyGain)^years`. */
export function fleetEfficiencyAt(fleet: FleetParams, fleetYears = 0): number {
  if (fleetYears === 0) return fleet.fleetEfficiency;
  return fleet.fleetEfficiency * Math.exp(fleetYears * logYearlyRetention(fleet.networkEfficiencyGain / 100));
}

/** TH/s that `grossMw` MW of capacity runs after `fleetYears` of renewal: the IT power `MW / PUE` over J/TH. */
export function fleetThs(grossMw: number, fleet: FleetParams, fleetYears = 0): number {
  return (grossMw * WATTS_PER_MW) / (fleet.miningPue * fleetEfficiencyAt(fleet, fleetYears));
}

/**
 * The sustaining reserve of `grossMw` MW a day, USD: `fleetCapex × TH / (fleetLife × 365)` at the starting fleet,
 * the same at any renewal age (capex per watt is constant).
 */
export function sustainingReservePerDay(fleet: FleetParams, grossMw: number): number {
  return (fleet.fleetCapex * fleetThs(grossMw, fleet)) / (fleet.fleetLife * DAYS_PER_YEAR);
}

/** A zeroed `MiningDay`. */
export function emptyMiningDay(): MiningDay {
  return { shutdown: false, ths: 0, btc: 0, revenueUsd: 0, powerUsd: 0, opexUsd: 0, depreciationUsd: 0 };
}

/**
 * Computes the mining day of `grossMw` MW into `out`.
 * @param btcPerHsDay expected BTC a day per H/s (fees included, before pool fee)
 * @param fleetYears the fleet's age in years of renewal: years of reserve paid so far (0 on day 0)
 */
export function miningDay(
  out: MiningDay,
  fleet: FleetParams,
  grossMw: number,
  btcPerHsDay: number,
  priceUsd: number,
  fleetYears = 0,
): MiningDay {
  const uptime = fleet.uptime / 100;
  const ths = fleetThs(grossMw, fleet, fleetYears);
  const btc = ths * HASHES_PER_TH * btcPerHsDay * (1 - fleet.poolFee / 100) * uptime;
  const mwh = grossMw * 24 * uptime;
  const revenueUsd = btc * priceUsd;
  const powerUsd = mwh * fleet.powerPrice;
  const opexUsd = mwh * fleet.miningOpex;
  const shutdown = fleet.shutdownRule && grossMw > 0 && revenueUsd < powerUsd + opexUsd;
  out.shutdown = shutdown;
  out.ths = ths;
  out.btc = shutdown ? 0 : btc;
  out.revenueUsd = shutdown ? 0 : revenueUsd;
  out.powerUsd = shutdown ? 0 : powerUsd;
  out.opexUsd = shutdown ? 0 : opexUsd;
  out.depreciationUsd = shutdown ? 0 : sustainingReservePerDay(fleet, grossMw);
  return out;
}

/** The day's mining margin of one gross MW after every cost (0 on a shutdown day), USD. */
export function miningMarginPerMw(
  fleet: FleetParams,
  btcPerHsDay: number,
  priceUsd: number,
  out: MiningDay,
  fleetYears = 0,
): number {
  miningDay(out, fleet, 1, btcPerHsDay, priceUsd, fleetYears);
  return out.revenueUsd - out.powerUsd - out.opexUsd - out.depreciationUsd;
}
