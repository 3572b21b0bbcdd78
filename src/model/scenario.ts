/**
 * The v2 scenario: every parameter of the model with its default (docs/ECONOMICS.md gives the sources), validated
 * by zod. A scenario file is JSON; a partial file is merged over the defaults; unknown fields are refused (a typo
 * must not silently fall back to a default). Percent fields hold percentages (2.5 means 2.5 %).
 *
 * The network and fee parameters marked *fit* default to the fitted values in `data/network-params.json`
 * (written by `npm run fit`); a scenario may override any of them.
 *
 * Invalid input throws an `Error` whose one-line message names the field and the reason, e.g.
 * `scenario.powerPrice: must be ≥ 0 (got -3)`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { z } from "zod";

import type { NetworkFit } from "./fit.js";
import { derivedSalePriceUsd, startingMiningMw, startingShares } from "./sale.js";

/** The shipped fitted-parameters file. */
export const NETWORK_PARAMS_FILE = fileURLToPath(new URL("../../data/network-params.json", import.meta.url));

const num = () => z.number().finite();
const nonNegative = () => num().min(0);
const positive = () => num().gt(0);
const percent = () => num().min(0).max(100);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a calendar date YYYY-MM-DD")
  .refine((t) => {
    const ms = Date.parse(`${t}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === t;
  }, "must be a calendar date YYYY-MM-DD");

/** Fields whose defaults come from the fitted-parameters file. */
const fitted = {
  networkEfficiencyGain: percent().optional(),
  upElasticity: nonNegative().optional(),
  downElasticity: nonNegative().optional(),
  lagDays: num().min(1).max(3650).optional(),
  difficultyNoise: nonNegative().optional(),
  efficiencySpread: num().min(0).max(3).optional(),
  feeAutocorrelation: num().min(0).lt(1).optional(),
  feeVolatility: nonNegative().optional(),
};

/** The zod schema of a scenario file (fitted fields optional; see `parseScenario`). */
export const scenarioFileSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().default("default"),
    description: z.string().default(""),
    // ---- the pool ----
    /** gross power capacity, MW */
    capacityMw: positive().default(50),
    /** gross MW added a year, pro rata day by day (new capacity mines); our default: none */
    capacityGrowthMwPerYear: nonNegative().default(0),
    /** day 0, UTC */
    startDate: isoDate.default("2026-03-01"),
    /** height of the first block of day 0 (~939,000 on 2026-03-01; the next halving, 1,050,000, is ~2028) */
    startHeight: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(939_000),
    aiMode: z.enum(["colocation", "gpu-cloud"]).default("colocation"),
    /** IT MW already under an AI contract on day 0 (capex sunk, earning from day 0) */
    aiItMwAtStart: nonNegative().default(0),
    /** days that contract is into its first term on day 0 */
    aiContractAgeAtStartDays: z.number().int().min(0).default(0),
    // `shares` is not a field: a share is 1 TH/s of the fleet mining on day 0, derived (sale.ts `startingShares`)
    /**
     * price of one share (1 TH/s of the starting fleet), USD: the investor's cost; default derived from the capital a
     * share stands for on day 0 (sale.ts: site + machines + any AI fit-out in place, per share)
     */
    salePriceUsd: positive().optional(),
    /** site infrastructure (substation share, transformers, buildings or containers, cooling), M USD per gross MW */
    siteCapex: nonNegative().default(0.4),
    // ---- market and network ----
    difficulty0: positive().default(145e12),
    feeShare: nonNegative().default(1.0),
    btcPrice0: positive().default(70_000),
    btcVolatility: nonNegative().default(0.5),
    btcDrift: num().default(0.1),
    networkEfficiency0: positive().default(22),
    networkPowerPrice: nonNegative().default(50),
    ...fitted,
    // ---- fleet ----
    fleetEfficiency: positive().default(17.5),
    miningPue: num().min(1).default(1.08),
    powerPrice: nonNegative().default(45),
    miningOpex: nonNegative().default(7),
    fleetCapex: nonNegative().default(15),
    fleetLife: positive().default(4),
    shutdownRule: z.boolean().default(true),
    poolFee: num().min(0).lt(100).default(2.5),
    uptime: percent().default(95),
    // ---- AI ----
    itToGrossMw: num().min(1).default(1.4),
    aiColoRevenue: nonNegative().default(1.75),
    aiEscalator: num().gt(-100).default(2.5),
    aiColoMargin: percent().default(85),
    conversionCapex: nonNegative().default(9),
    tenantCapexShare: percent().default(0),
    loanToCost: percent().default(70),
    loanRate: nonNegative().default(8),
    conversionLag: z.number().int().min(0).max(36_500).default(540),
    contractTerm: num()
      .min(1 / 365)
      .max(100)
      .default(10),
    renewalTerm: num().min(0).max(100).default(5),
    dealSize: num().gt(0).max(100).default(20),
    maxAiShare: percent().default(60),
    gpuRentH100: nonNegative().default(2.1),
    gpuOwnershipCost: nonNegative().default(1.0),
    powerPerGpu: positive().default(1.6),
    gpuUtilization: percent().default(90),
    // ---- holders ----
    operatorFee: num().min(0).lt(100).default(2),
    discountRate: num().gt(-100).default(10),
  })
  .strict();

/**
 * A validated v2 scenario: every field resolved (fitted ones from the parameters file unless overridden), plus the
 * derived share count.
 */
export type Scenario = Required<Omit<z.output<typeof scenarioFileSchema>, "$schema">> & {
  /**
   * shares sold: one per whole TH/s of the fleet mining on day 0 (sale.ts `startingShares`) — the chain's share
   * (`sharesPerTHs` = one share per TH/s); derived, not a field of the file
   */
  shares: number;
};

/** The fitted fields of a scenario. */
export type FittedField = keyof typeof fitted;

const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.expected === "integer" ? "must be an integer" : `must be a ${issue.expected}` };
    case z.ZodIssueCode.too_small:
      return { message: `must be ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      return { message: `must be ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `must be one of ${issue.options.map((o) => JSON.stringify(o)).join(", ")}` };
    default:
      return { message: ctx.defaultError };
  }
};

/** Fields that are not parameters, with the reason (an old scenario file may still set them). */
const NOT_A_FIELD: ReadonlyMap<string, string> = new Map([
  ["shares", "not a field: a share is 1 TH/s of the fleet mining on day 0, so the count is derived (remove it)"],
]);

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Reads a fitted-parameters file (`npm run fit` writes it). @throws Error naming the file */
export function loadNetworkFit(path: string = NETWORK_PARAMS_FILE): NetworkFit {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`network parameters ${path}: cannot be read (${(error as Error).message.split("\n")[0]})`);
  }
  const fit = json as NetworkFit;
  if (fit?.version !== 1 || typeof fit.network?.upElasticity !== "number") {
    throw new Error(`network parameters ${path}: not a version 1 parameters file (run npm run fit)`);
  }
  return fit;
}

let shippedFit: NetworkFit | undefined;

/**
 * Validates a scenario object and merges it over the defaults; the fitted fields it leaves out come from `fit`
 * (default: the shipped `data/network-params.json`).
 * @throws Error with a one-line message naming each invalid field and the reason
 */
export function parseScenario(input: unknown, fit?: NetworkFit): Scenario {
  const result = scenarioFileSchema.safeParse(input ?? {}, { errorMap });
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      if (issue.code === z.ZodIssueCode.unrecognized_keys) {
        return issue.keys.map((key) => `scenario.${key}: ${NOT_A_FIELD.get(key) ?? "unknown field"}`).join("; ");
      }
      const value = issue.path.reduce<unknown>(
        (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
        input,
      );
      return `scenario.${issue.path.join(".")}: ${issue.message} (got ${describe(value)})`;
    });
    throw new Error(issues.join("; "));
  }
  const f = fit ?? (shippedFit ??= loadNetworkFit());
  // The fitted fields and the sale price are taken out and put back last, so that every scenario has its fields in one
  // order whichever of them its input set: the model's code then sees one object shape (a scenario and the tornado's
  // variants of it, which set every field, would otherwise be two, and each hot function would be compiled twice).
  const {
    $schema: _schema,
    salePriceUsd,
    networkEfficiencyGain,
    upElasticity,
    downElasticity,
    lagDays,
    difficultyNoise,
    efficiencySpread,
    feeAutocorrelation,
    feeVolatility,
    ...s
  } = result.data;
  const resolved = {
    ...s,
    networkEfficiencyGain: networkEfficiencyGain ?? f.network.networkEfficiencyGain * 100,
    upElasticity: upElasticity ?? f.network.upElasticity,
    downElasticity: downElasticity ?? f.network.downElasticity,
    lagDays: lagDays ?? f.network.lagDays,
    difficultyNoise: difficultyNoise ?? f.network.difficultyNoise,
    efficiencySpread: efficiencySpread ?? f.network.efficiencySpread ?? 0,
    feeAutocorrelation: feeAutocorrelation ?? f.fees.autocorrelation,
    feeVolatility: feeVolatility ?? f.fees.volatility,
  };
  const shares = startingShares(resolved);
  if (shares < 1) {
    const field = resolved.aiItMwAtStart > 0 ? "aiItMwAtStart" : "capacityMw";
    throw new Error(
      `scenario.${field}: leaves less than 1 TH/s mining on day 0 (${startingMiningMw(resolved)} gross MW of ` +
        `capacityMw ${resolved.capacityMw} after the AI lease running at the start); a share is 1 TH/s of that ` +
        `fleet, so there is no share to sell`,
    );
  }
  return { ...resolved, shares, salePriceUsd: salePriceUsd ?? derivedSalePriceUsd(resolved) };
}

/** The default scenario (ECONOMICS defaults, fitted network). */
export function defaultScenario(fit?: NetworkFit): Scenario {
  return parseScenario({}, fit);
}

/**
 * Reads a JSON scenario file and validates it (see `parseScenario`).
 * @throws Error naming the file when it cannot be read or is not JSON, or the field when it is invalid
 */
export function loadScenario(path: string, fit?: NetworkFit): Scenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(
      `scenario file ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`scenario file ${path}: invalid JSON (${(error as Error).message})`);
  }
  try {
    return parseScenario(json, fit);
  } catch (error) {
    throw new Error(`scenario file ${path}: ${(error as Error).message}`);
  }
}
