/**
 * The default sale price of a share, derived from the capital a share stands for on day 0 (docs/ECONOMICS.md, "The
 * sale price"): the site of every gross MW of capacity at `siteCapex`, the machines of the capacity that mines at
 * `fleetCapex` (USD per TH of the starting fleet), and the operator's share of the conversion capex of an AI lease
 * already running on day 0 (its fit-out is in place, so the buyer pays for it), written down straight-line over the
 * lease's term + renewal by the days it has run; divided by the shares sold and rounded to the cent. A scenario may set `salePriceUsd` instead; then that price is the investor's cost.
 */
import { termDays } from "./deals.js";
import { fleetThs, type FleetParams } from "./fleet.js";

export type SaleParams = FleetParams & {
  capacityMw: number;
  siteCapex: number;
  shares: number;
  aiItMwAtStart: number;
  itToGrossMw: number;
  conversionCapex: number;
  tenantCapexShare: number;
  aiContractAgeAtStartDays: number;
  contractTerm: number;
  renewalTerm: number;
};

/** The capital in place on day 0, USD (see the file comment). */
export function startingCapitalUsd(p: SaleParams): number {
  const aiGrossMw = Math.min(p.capacityMw, p.aiItMwAtStart * p.itToGrossMw);
  const site = p.capacityMw * p.siteCapex * 1e6;
  const machines = p.fleetCapex * fleetThs(p.capacityMw - aiGrossMw, p);
  const life = termDays(p.contractTerm) + termDays(p.renewalTerm);
  const left = Math.max(0, 1 - p.aiContractAgeAtStartDays / life);
  const fitOut = p.aiItMwAtStart * p.conversionCapex * 1e6 * (1 - p.tenantCapexShare / 100) * left;
  return site + machines + fitOut;
}

/** The derived sale price: starting capital per share, rounded to the cent, USD. */
export function derivedSalePriceUsd(p: SaleParams): number {
  return Math.round((startingCapitalUsd(p) / p.shares) * 100) / 100;
}
