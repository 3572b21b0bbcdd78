/**
 * The one door from `hardhat analyze` to the economic model (src/model): everything analyze needs from the model goes
 * through this file and payouts.ts (the day loop, kept apart so that worker threads load nothing else), so that a new
 * model version changes these two files only.
 *
 * Path i of a run with seed s is the model's path (s, i): it depends on (s, i) alone, never on the number of paths or
 * workers. Every policy of path i sees the same market path (the model's market does not depend on the policy).
 */
import path from "node:path";

import {
  dateOfDay,
  dayIndex,
  loadScenario,
  parseScenario,
  POLICY_NAMES,
  type History,
  type PolicyName,
  type Scenario,
} from "../model/index.js";

export { parseScenario, POLICY_NAMES, type History, type PolicyName, type Scenario };
export { loadHistory, sameMarket, SHIPPED_HISTORY } from "../model/index.js";
export { simulatePolicyPaths, type HistoryDrive, type PathPayouts, type PathRun } from "./payouts.js";

/** True for the name of a policy. */
export function isPolicyName(name: unknown): name is PolicyName {
  return typeof name === "string" && (POLICY_NAMES as readonly string[]).includes(name);
}

/** Reads and validates a scenario file (the model's loader; its message names the file and the field). */
export function loadScenarioFile(file: string): Scenario {
  return loadScenario(path.resolve(file));
}

/**
 * Days of `history` the model can run from `start` on (start included): the rows up to the last one whose block height
 * is known (a row without difficulty ends the usable history).
 * @throws Error when the history has no row for `start` (the message gives the range it covers)
 */
export function historyDaysFrom(history: History, start: string): number {
  const first = dayIndex(history, start);
  let last = first;
  while (last < history.days.length && Number.isFinite(history.heightAtEnd[last]!)) last++;
  return last - first;
}

/** The scenario's sale: shares sold (one per TH/s of the fleet mining on day 0) and their price, USD per share. */
export function saleOf(scenario: Scenario): { priceUsd: number; shares: number } {
  return { priceUsd: scenario.salePriceUsd, shares: scenario.shares };
}

/** The scenario's discount rate, % a year (used for NPV and the policy ranking). */
export function discountRateOf(scenario: Scenario): number {
  return scenario.discountRate;
}

/** `YYYY-MM-DD` (UTC) of day `day` from `start`. */
export function dateFrom(start: string, day: number): string {
  return dateOfDay(start, day);
}

/** `YYYY-MM-DD` (UTC) of day `day` of `scenario`. */
export function dateOf(scenario: Scenario, day: number): string {
  return dateOfDay(scenario.startDate, day);
}

/** One input of the sensitivity tornado: a scenario field and its plausible range (ECONOMICS.md's table). */
export interface TornadoInput {
  field: string;
  label: string;
  unit: string;
  low: number;
  high: number;
}

/**
 * The plausible ranges of ECONOMICS.md's parameter table ("plausible range" column; where the column is blank or
 * qualitative, the reading is ours and is said so in docs/ANALYZE.md). Only the fields the model's scenario has are
 * used (`tornadoInputs`), so that fields of a newer model join the tornado when it lands.
 */
const PLAUSIBLE_RANGES: readonly TornadoInput[] = [
  { field: "btcPrice0", label: "BTC price at start", unit: "USD", low: 60_000, high: 126_000 },
  { field: "btcDrift", label: "BTC drift", unit: "per year", low: -0.3, high: 0.3 },
  { field: "btcVolatility", label: "BTC volatility", unit: "per year", low: 0.43, high: 0.55 },
  { field: "difficulty0", label: "difficulty at start", unit: "", low: 110e12, high: 156e12 },
  { field: "feeShare", label: "fee share", unit: "% of subsidy", low: 0.55, high: 1.93 },
  { field: "networkEfficiency0", label: "network efficiency", unit: "J/TH", low: 17.5, high: 29.5 },
  { field: "networkPowerPrice", label: "network power price", unit: "USD/MWh", low: 40, high: 70 },
  { field: "fleetEfficiency", label: "fleet efficiency", unit: "J/TH", low: 13.5, high: 29.5 },
  { field: "miningPue", label: "mining PUE", unit: "", low: 1.03, high: 1.15 },
  { field: "powerPrice", label: "power price", unit: "USD/MWh", low: 26, high: 50 },
  { field: "miningOpex", label: "mining opex", unit: "USD/MWh", low: 5, high: 10 },
  { field: "fleetCapex", label: "fleet capex", unit: "USD/TH", low: 10, high: 30 },
  { field: "fleetLife", label: "fleet life", unit: "years", low: 3, high: 5 },
  { field: "poolFee", label: "pool fee", unit: "%", low: 0.7, high: 4 },
  { field: "uptime", label: "uptime", unit: "%", low: 75, high: 99 },
  { field: "itToGrossMw", label: "gross MW per IT MW", unit: "", low: 1.35, high: 1.45 },
  { field: "aiColoRevenue", label: "AI colocation revenue", unit: "M USD/MW-yr", low: 1.22, high: 2.13 },
  { field: "aiEscalator", label: "AI escalator", unit: "% per year", low: 2, high: 3 },
  { field: "aiColoMargin", label: "AI colocation margin", unit: "%", low: 80, high: 85 },
  { field: "conversionCapex", label: "conversion capex", unit: "M USD/MW", low: 7.5, high: 11 },
  { field: "conversionLag", label: "conversion lag", unit: "days", low: 365, high: 730 },
  { field: "contractTerm", label: "AI contract term", unit: "years", low: 5, high: 15 },
  { field: "tenantCapexShare", label: "tenant-funded capex", unit: "%", low: 0, high: 80 },
  { field: "loanToCost", label: "loan-to-cost", unit: "%", low: 50, high: 85 },
  { field: "loanRate", label: "loan rate", unit: "% per year", low: 7, high: 10 },
  { field: "maxAiShare", label: "AI share cap", unit: "% of capacity", low: 20, high: 100 },
  { field: "gpuRentH100", label: "H100 rent", unit: "USD/GPU-h", low: 1.7, high: 2.35 },
  { field: "gpuOwnershipCost", label: "GPU ownership cost", unit: "USD/GPU-h", low: 0.8, high: 1.2 },
  { field: "operatorFee", label: "operator fee", unit: "%", low: 2, high: 3 },
];

/** Inputs that matter in gpu-cloud mode only (the colocation ones, `aiColo*`, in colocation mode only). */
const GPU_CLOUD_ONLY = new Set(["gpuRentH100", "gpuOwnershipCost"]);

/**
 * The tornado's inputs for `scenario`: the plausible ranges of the fields this model has, with the scenario's own
 * value as the default. A GPU-rent range applies in gpu-cloud mode only, the colocation ones otherwise.
 */
export function tornadoInputs(scenario: Scenario): Array<TornadoInput & { base: number }> {
  const values = scenario as unknown as Record<string, unknown>;
  const gpuCloud = (values.aiMode as string | undefined) === "gpu-cloud";
  return PLAUSIBLE_RANGES.filter((input) => typeof values[input.field] === "number")
    .filter((input) => (GPU_CLOUD_ONLY.has(input.field) ? gpuCloud : !(gpuCloud && input.field.startsWith("aiColo"))))
    .map((input) => ({ ...input, base: values[input.field] as number }));
}

/** `scenario` with `field` set to `value`, validated by the model. */
export function withInput(scenario: Scenario, field: string, value: number): Scenario {
  const { shares: _derived, ...fields } = scenario; // derived from the fleet, not a field a scenario sets
  return parseScenario({ ...fields, [field]: field === "conversionLag" ? Math.round(value) : value });
}
