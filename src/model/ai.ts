/**
 * AI compute economics (ECONOMICS.md, "Formulas"), for capacity converted to AI.
 *
 * - Colocation (`aiMode: "colocation"`): revenue `MW_IT × aiColoRevenue / 365` a day (`aiColoRevenue`, M USD per
 *   MW of IT load per year, S14); cost `(1 − aiColoMargin)` of it (`aiColoMargin`, % NOI, S14). The tenant
 *   pays for its own power (pass-through), so no energy cost is added.
 * - GPU cloud (`aiMode: "gpu-cloud"`): `GPUs × gpuRentH100 × 24 × gpuUtilization` a day (S15), minus the GPUs'
 *   power at `powerPrice`: `GPUs × powerPerGpu × 24 / 1000` MWh a day (S16, PUE included), drawn around the
 *   clock whatever the utilization. GPUs = `floor(MW × 1000 / powerPerGpu)`. ECONOMICS.md charges no GPU
 *   ownership cost (conversionCapex excludes GPUs); the scenario's `gpuOwnershipCost` (USD per GPU-hour,
 *   default 0) lets a user add one (a ~35k USD H100 over 5 years is ~0.8 USD/GPU-hour).
 *
 * One MW of pool capacity is taken as one MW of IT load (colocation) or one MW at the facility (GPU cloud).
 */
import { DAYS_PER_YEAR, HOURS_PER_YEAR } from "./constants.js";
import type { Scenario } from "./scenario.js";

/** How converted capacity earns. */
export type AiMode = "colocation" | "gpu-cloud";

/** AI parameters in scenario units (percentages 0–100, money as in ECONOMICS.md); see `Scenario` for each field. */
export type AiParams = Pick<
  Scenario,
  | "aiMode"
  | "aiColoRevenue"
  | "aiColoMargin"
  | "gpuRentH100"
  | "powerPerGpu"
  | "gpuUtilization"
  | "gpuOwnershipCost"
  | "powerPrice"
>;

/** One AI day before capex, operator fee and loss carry-forward. */
export interface AiDay {
  /** GPUs deployed (0 in colocation mode) */
  gpus: number;
  /** revenue, USD */
  grossUsd: number;
  /** operating cost, USD: colocation `(1 − margin) × revenue`; GPU cloud the GPUs' power (+ ownership cost) */
  costUsd: number;
}

/** GPUs that `aiMw` MW of facility power hosts: `floor(MW × 1000 kW / powerPerGpu)`. */
export function gpusForPower(aiMw: number, powerPerGpuKw: number): number {
  if (aiMw <= 0) return 0;
  return Math.floor((aiMw * 1000) / powerPerGpuKw);
}

/** Revenue and cost of `aiMw` MW of earning AI capacity for one day. */
export function aiDay(aiMw: number, params: AiParams): AiDay {
  if (aiMw <= 0) return { gpus: 0, grossUsd: 0, costUsd: 0 };
  if (params.aiMode === "colocation") {
    const grossUsd = (aiMw * params.aiColoRevenue * 1e6) / DAYS_PER_YEAR;
    return { gpus: 0, grossUsd, costUsd: grossUsd * (1 - params.aiColoMargin / 100) };
  }
  const gpus = gpusForPower(aiMw, params.powerPerGpu);
  const grossUsd = gpus * params.gpuRentH100 * 24 * (params.gpuUtilization / 100);
  const powerMwh = (gpus * params.powerPerGpu * 24) / 1000;
  const costUsd = powerMwh * params.powerPrice + gpus * params.gpuOwnershipCost * 24;
  return { gpus, grossUsd, costUsd };
}

/**
 * Expected AI margin per MWh of capacity, USD/MWh (revenue − operating cost per MW-hour), before conversion
 * capex. Colocation: `aiColoRevenue × 1e6 / 8760 × aiColoMargin`; GPU cloud, per MW of facility power:
 * `(1000 / powerPerGpu) × (rent × utilization − powerPerGpu / 1000 × powerPrice − ownership cost)`.
 */
export function aiMarginUsdPerMwh(params: AiParams): number {
  if (params.aiMode === "colocation") {
    return ((params.aiColoRevenue * 1e6) / HOURS_PER_YEAR) * (params.aiColoMargin / 100);
  }
  const gpusPerMw = 1000 / params.powerPerGpu;
  const perGpuHour =
    params.gpuRentH100 * (params.gpuUtilization / 100) -
    (params.powerPerGpu / 1000) * params.powerPrice -
    params.gpuOwnershipCost;
  return gpusPerMw * perGpuHour;
}
