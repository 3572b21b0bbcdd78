/**
 * Fleet economics of the capacity that mines (ECONOMICS "Formulas"): per gross MW of capacity,
 * `1e6 / (miningPue × fleetEfficiency)` TH/s; revenue `btcPerDay × (1 − poolFee) × uptime`; power
 * `MW × 24 × uptime` MWh a day (PUE included) at `powerPrice`; non-power opex `miningOpex` per MWh; depreciation
 * `fleetCapex × TH / (fleetLife × 365)` a day. Under the shutdown rule a day whose revenue is below its power +
 * opex cost earns and costs nothing.
 */
import { DAYS_PER_YEAR, HASHES_PER_TH, WATTS_PER_MW } from "../constants.js";
import type { Scenario } from "./scenario.js";

/** One mining day, USD and BTC. Written into by `miningDay` (no allocation). */
export interface MiningDay {
  shutdown: boolean;
  btc: number;
  revenueUsd: number;
  powerUsd: number;
  opexUsd: number;
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
>;

/** TH/s that `grossMw` MW of capacity runs: the IT power `MW / PUE` over J/TH. */
export function fleetThs(grossMw: number, fleet: FleetParams): number {
  return (grossMw * WATTS_PER_MW) / (fleet.miningPue * fleet.fleetEfficiency);
}

/** A zeroed `MiningDay`. */
export function emptyMiningDay(): MiningDay {
  return { shutdown: false, btc: 0, revenueUsd: 0, powerUsd: 0, opexUsd: 0, depreciationUsd: 0 };
}

/**
 * Computes the mining day of `grossMw` MW into `out`.
 * @param btcPerHsDay expected BTC a day per H/s (fees included, before pool fee)
 */
export function miningDay(
  out: MiningDay,
  fleet: FleetParams,
  grossMw: number,
  btcPerHsDay: number,
  priceUsd: number,
): MiningDay {
  const uptime = fleet.uptime / 100;
  const ths = fleetThs(grossMw, fleet);
  const btc = ths * HASHES_PER_TH * btcPerHsDay * (1 - fleet.poolFee / 100) * uptime;
  const mwh = grossMw * 24 * uptime;
  const revenueUsd = btc * priceUsd;
  const powerUsd = mwh * fleet.powerPrice;
  const opexUsd = mwh * fleet.miningOpex;
  const shutdown = fleet.shutdownRule && grossMw > 0 && revenueUsd < powerUsd + opexUsd;
  out.shutdown = shutdown;
  out.btc = shutdown ? 0 : btc;
  out.revenueUsd = shutdown ? 0 : revenueUsd;
  out.powerUsd = shutdown ? 0 : powerUsd;
  out.opexUsd = shutdown ? 0 : opexUsd;
  out.depreciationUsd = shutdown ? 0 : (fleet.fleetCapex * ths) / (fleet.fleetLife * DAYS_PER_YEAR);
  return out;
}

/** The day's mining margin of one gross MW after every cost (0 on a shutdown day), USD. */
export function miningMarginPerMw(fleet: FleetParams, btcPerHsDay: number, priceUsd: number, out: MiningDay): number {
  miningDay(out, fleet, 1, btcPerHsDay, priceUsd);
  return out.revenueUsd - out.powerUsd - out.opexUsd - out.depreciationUsd;
}
