/**
 * The share sale (docs/ECONOMICS.md, "The sale price"). A share is the chain's share: one per whole TH/s of the fleet
 * that mines on day 0 — the capacity less any AI lease running at the start — which is what the pool mints on its
 * first hashrate report (`sharesPerTHs` = one share per TH/s). The count is derived, never set, so a scenario cannot
 * sell a share the chain does not mint.
 *
 * The default sale price is derived from the capital a share stands for on day 0: the site of every gross MW of
 * capacity at `siteCapex`, the machines of the capacity that mines at `fleetCapex` (USD per TH of the starting fleet),
 * and the operator's share of the conversion capex of an AI lease already running on day 0 (its fit-out is in place,
 * so the buyer pays for it), written down straight-line over the lease's term + renewal by the days it has run;
 * divided by the shares and rounded to the cent. A scenario may set `salePriceUsd` instead; then that price is the
 * investor's cost.
 */
import { termDays } from "./deals.js";
import { fleetThs, type FleetParams } from "./fleet.js";

export type SaleParams = FleetParams & {
  capacityMw: number;
  siteCapex: number;
  aiItMwAtStart: number;
  itToGrossMw: number;
  conversionCapex: number;
  tenantCapexShare: number;
  aiContractAgeAtStartDays: number;
  contractTerm: number;
  renewalTerm: number;
};

/** Gross MW leased to AI on day 0 (the running lease, at most the whole capacity). */
function aiGrossMwAtStart(p: SaleParams): number {
  return Math.min(p.capacityMw, p.aiItMwAtStart * p.itToGrossMw);
}

/** Gross MW that mines on day 0: the capacity less the AI lease running at the start. */
export function startingMiningMw(p: SaleParams): number {
  return p.capacityMw - aiGrossMwAtStart(p);
}

/**
 * The shares sold: one per whole TH/s of the fleet mining on day 0 (`fleetThs` of `startingMiningMw`), the supply the
 * pool mints on its first report (the simulator reports whole TH/s). 0 when nothing mines on day 0.
 */
export function startingShares(p: SaleParams): number {
  return Math.floor(fleetThs(startingMiningMw(p), p));
}

/** The capital in place on day 0, USD (see the file comment). */
export function startingCapitalUsd(p: SaleParams): number {
  const site = p.capacityMw * p.siteCapex * 1e6;
  const machines = p.fleetCapex * fleetThs(startingMiningMw(p), p);
  const life = termDays(p.contractTerm) + termDays(p.renewalTerm);
  const left = Math.max(0, 1 - p.aiContractAgeAtStartDays / life);
  const fitOut = p.aiItMwAtStart * p.conversionCapex * 1e6 * (1 - p.tenantCapexShare / 100) * left;
  return site + machines + fitOut;
}

/** The derived sale price: starting capital per share (`startingShares`), rounded to the cent, USD. */
export function derivedSalePriceUsd(p: SaleParams): number {
  return Math.round((startingCapitalUsd(p) / startingShares(p)) * 100) / 100;
}
