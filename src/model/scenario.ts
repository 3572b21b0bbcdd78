/**
 * The scenario: every parameter of the economic model, with the defaults of ECONOMICS.md's parameter table
 * (names and units as in that table: percentages are 0–100, money in USD unless the table says M USD), plus
 * the pool's own parameters and the policies' tuning. Scenario files are JSON; a partial file is merged over
 * the defaults, unknown fields are refused (a typo must not silently fall back to a default).
 *
 * Invalid input throws an `Error` whose one-line message names the field and the reason, e.g.
 * `scenario.powerPrice: must be ≥ 0 (got -3)`.
 */
import { readFileSync } from "node:fs";

import { z } from "zod";

import type { AiMode } from "./ai.js";
import { contractTermDays } from "./allocation.js";
import { parseScenario as parseScenarioV2, type Scenario as ScenarioV2 } from "./v2/scenario.js";

/** A validated scenario. Percent fields hold percentages (2.5 means 2.5 %). */
export interface Scenario {
  /** Label of the scenario (free text). */
  name: string;
  /** Free-text description. */
  description: string;

  // ---- the pool (not in ECONOMICS.md: our choices) ----
  /** Power capacity of the pool on day 0, MW. Default 50. */
  capacityMw: number;
  /** Capacity added per year, MW, linearly day by day (new capacity mines). Default 5 (*estimate*, modest). */
  capacityGrowthMwPerYear: number;
  /**
   * Height of the first block of day 0. Default 939,000: the retarget at height 931,392 happened on 2026-01-08
   * and ≈ 144 blocks a day later gives ≈ 939,000 on 2026-03-01 (`startDate`), consistent with the early-2026
   * `btcPrice0` and `difficulty0` defaults. The next halving (1,050,000) then falls ≈ 771 days in (April 2028).
   */
  startHeight: number;
  /** Calendar date of day 0, `YYYY-MM-DD` (UTC). Default 2026-03-01. */
  startDate: string;
  /** How converted capacity earns: `colocation` (default) or `gpu-cloud`. */
  aiMode: AiMode;

  // ---- network (ECONOMICS.md) ----
  /** `blocksPerDay` (S3): blocks a day, heights advance by this much per day. Default 144. */
  blocksPerDay: number;
  /** `difficulty0` (S4, S5): network difficulty at `startHeight`. Default 145e12. */
  difficulty0: number;
  /** `feeShare` (S4, S6): mean transaction fees, % of the subsidy. Default 1.0 (*estimate*). */
  feeShare: number;
  /** Lognormal σ of the daily fee share (ECONOMICS.md "Fees: lognormal around the fee share"). Default 0.5 (*estimate*). */
  feeVolatility: number;
  /** `difficultyGrowth` (S5): drift g of the difficulty, % per 2016-block epoch. Default 1.2. */
  difficultyGrowth: number;
  /** `difficultyNoise` (S5): σ_D of the difficulty, % per epoch. Default 3. */
  difficultyNoise: number;
  /** β of the difficulty process: elasticity of difficulty to hashprice. Default 0.3 (*estimate*). */
  difficultyPriceBeta: number;
  /** hashprice_ref of the difficulty process, USD/PH/day: the "hashprice (check) ~40" row. Default 40. */
  hashpriceRef: number;

  // ---- BTC price (ECONOMICS.md) ----
  /** `btcPrice0` (S7): USD per BTC on day 0. Default 70,000 (*estimate*). */
  btcPrice0: number;
  /** `btcVolatility` (S8): σ of the GBM, per year (0.50 = 50 %). Default 0.50. */
  btcVolatility: number;
  /** `btcDrift`: μ of the GBM, per year (0 base, +0.30 bull, −0.30 bear). Default 0 (*estimate*). */
  btcDrift: number;

  // ---- mining (ECONOMICS.md) ----
  /** `fleetEfficiency` (S10), J/TH. Default 17.5 (Antminer S21). */
  fleetEfficiency: number;
  /** `powerPrice` (S11), USD/MWh. Default 45. */
  powerPrice: number;
  /** `poolFee` (S12, FPPS), %. Default 2.5. */
  poolFee: number;
  /** `uptime` (S13), %. Default 95 (*estimate*). */
  uptime: number;

  // ---- AI (ECONOMICS.md) ----
  /** `aiColoRevenue` (S14): M USD per MW of IT load per year. Default 1.6 (*estimate*). */
  aiColoRevenue: number;
  /** `aiColoMargin` (S14): % NOI. Default 85. */
  aiColoMargin: number;
  /** `gpuRentH100` (S15): USD per GPU-hour. Default 2.10. */
  gpuRentH100: number;
  /** `powerPerGpu` (S16): kW per GPU at the facility, PUE included. Default 1.6. */
  powerPerGpu: number;
  /** `gpuUtilization` (S15), %. Default 90 (*estimate*). */
  gpuUtilization: number;
  /** GPU ownership cost, USD per GPU-hour, gpu-cloud mode only. Not in ECONOMICS.md; default 0. */
  gpuOwnershipCost: number;
  /** `conversionCapex` (S14, S17): M USD per MW of IT load, GPUs excluded. Default 9. */
  conversionCapex: number;
  /** `conversionLag` (S17): days from the decision to the first AI revenue. Default 365 (*estimate*). */
  conversionLag: number;
  /** `contractTerm` (S14): years a converted slice stays in AI once it earns. Default 10. */
  contractTerm: number;
  /** `maxAiShare` (S17): cap on AI (earning + converting), % of capacity. Default 20. */
  maxAiShare: number;
  /**
   * MW of capacity the operator had already converted to AI before the pool started (not in ECONOMICS.md: our
   * choice): it earns AI revenue from day 0, counts against `maxAiShare` (so it must be at most `maxAiShare` % of
   * `capacityMw`), and its contract is honoured by every policy until its term ends. Its conversion capex was
   * paid before the share sale: it is sunk, not amortized against the pool's AI revenue. Default 0.
   */
  aiMwAtStart: number;
  /**
   * How far `aiMwAtStart`'s current contract is into its `contractTerm` on day 0, whole days: the contract ends
   * on day `round(contractTerm × 365) − aiContractAgeAtStartDays`, so it must be less than a term. Default 0.
   */
  aiContractAgeAtStartDays: number;

  // ---- holders ----
  /** `operatorFee` (S12): % of net revenue, per source, on positive days only. Default 2 (*estimate*). */
  operatorFee: number;

  // ---- policies (our choices) ----
  /** Discount rate of the arbitrage policy, % per year (continuous rate ln(1 + r)). Default 8 (*estimate*). */
  discountRate: number;
  /** Trailing window of the arbitrage policy's hashprice, days (ECONOMICS.md: 30–90). Default 60. */
  arbitrageLookbackDays: number;
  /** Slice the arbitrage policy converts at one epoch, % of capacity. Default 5. */
  arbitrageSlice: number;
  /**
   * Whether capacity being converted (during `conversionLag`) keeps mining until AI takes it over
   * ("capacity that AI leaves idle can mine"). Default true.
   */
  mineWhileConverting: boolean;
}

/** The defaults of ECONOMICS.md's parameter table and our pool/policy defaults. */
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  name: "default",
  description: "",
  capacityMw: 50,
  capacityGrowthMwPerYear: 5,
  startHeight: 939_000,
  startDate: "2026-03-01",
  aiMode: "colocation",
  blocksPerDay: 144,
  difficulty0: 145e12,
  feeShare: 1.0,
  feeVolatility: 0.5,
  difficultyGrowth: 1.2,
  difficultyNoise: 3,
  difficultyPriceBeta: 0.3,
  hashpriceRef: 40,
  btcPrice0: 70_000,
  btcVolatility: 0.5,
  btcDrift: 0,
  fleetEfficiency: 17.5,
  powerPrice: 45,
  poolFee: 2.5,
  uptime: 95,
  aiColoRevenue: 1.6,
  aiColoMargin: 85,
  gpuRentH100: 2.1,
  powerPerGpu: 1.6,
  gpuUtilization: 90,
  gpuOwnershipCost: 0,
  conversionCapex: 9,
  conversionLag: 365,
  contractTerm: 10,
  maxAiShare: 20,
  aiMwAtStart: 0,
  aiContractAgeAtStartDays: 0,
  operatorFee: 2,
  discountRate: 8,
  arbitrageLookbackDays: 60,
  arbitrageSlice: 5,
  mineWhileConverting: true,
} satisfies Scenario);

const D = DEFAULT_SCENARIO;
const num = () => z.number().finite();
const nonNegative = () => num().min(0);
const positive = () => num().gt(0);
const percent = () => num().min(0).max(100);

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * The cross-field rules of the capacity already converted at the start: `aiMwAtStart` within `maxAiShare` % of
 * `capacityMw` (capacity only grows, so it then fits every day), and `aiContractAgeAtStartDays` less than one
 * contract term (a contract a whole term old has ended). Skipped when a field they depend on is itself invalid
 * (that field's own error says why).
 */
function checkStartingAi(s: Scenario, ctx: z.RefinementCtx): void {
  const valid = (value: number, min: number, max: number) => Number.isFinite(value) && value >= min && value <= max;
  if (
    valid(s.capacityMw, Number.MIN_VALUE, Infinity) &&
    valid(s.maxAiShare, 0, 100) &&
    valid(s.aiMwAtStart, 0, Infinity)
  ) {
    // compared as aiMwAtStart × 100 ≤ maxAiShare × capacityMw so that the cap itself is accepted exactly
    if (s.aiMwAtStart * 100 > s.maxAiShare * s.capacityMw) {
      const cap = (s.maxAiShare / 100) * s.capacityMw;
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["aiMwAtStart"],
        message: `must be ≤ maxAiShare × capacityMw = ${s.maxAiShare} % × ${s.capacityMw} MW = ${+cap.toFixed(6)} MW`,
      });
    }
  }
  if (valid(s.contractTerm, 1 / 365, 100) && Number.isInteger(s.aiContractAgeAtStartDays)) {
    const termDays = contractTermDays(s);
    if (s.aiContractAgeAtStartDays >= termDays) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["aiContractAgeAtStartDays"],
        message: `must be < the contract term, round(contractTerm × 365) = ${termDays} days`,
      });
    }
  }
}

/** The zod schema of a scenario file: every field optional (defaulted), unknown fields refused. */
export const scenarioSchema = z
  .object({
    name: z.string().default(D.name),
    description: z.string().default(D.description),
    capacityMw: positive().default(D.capacityMw),
    capacityGrowthMwPerYear: nonNegative().default(D.capacityGrowthMwPerYear),
    startHeight: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(D.startHeight),
    startDate: z.string().refine(isIsoDate, { message: "must be a calendar date YYYY-MM-DD" }).default(D.startDate),
    aiMode: z.enum(["colocation", "gpu-cloud"]).default(D.aiMode),
    blocksPerDay: z.number().int().min(1).default(D.blocksPerDay),
    difficulty0: positive().default(D.difficulty0),
    feeShare: nonNegative().default(D.feeShare),
    feeVolatility: nonNegative().default(D.feeVolatility),
    difficultyGrowth: num().gt(-100).default(D.difficultyGrowth),
    difficultyNoise: nonNegative().default(D.difficultyNoise),
    difficultyPriceBeta: nonNegative().default(D.difficultyPriceBeta),
    hashpriceRef: positive().default(D.hashpriceRef),
    btcPrice0: positive().default(D.btcPrice0),
    btcVolatility: nonNegative().default(D.btcVolatility),
    btcDrift: num().default(D.btcDrift),
    fleetEfficiency: positive().default(D.fleetEfficiency),
    powerPrice: nonNegative().default(D.powerPrice),
    poolFee: num().min(0).lt(100).default(D.poolFee),
    uptime: percent().default(D.uptime),
    aiColoRevenue: nonNegative().default(D.aiColoRevenue),
    aiColoMargin: percent().default(D.aiColoMargin),
    gpuRentH100: nonNegative().default(D.gpuRentH100),
    powerPerGpu: positive().default(D.powerPerGpu),
    gpuUtilization: percent().default(D.gpuUtilization),
    gpuOwnershipCost: nonNegative().default(D.gpuOwnershipCost),
    conversionCapex: nonNegative().default(D.conversionCapex),
    conversionLag: z.number().int().min(0).max(36_500).default(D.conversionLag),
    contractTerm: num()
      .min(1 / 365)
      .max(100)
      .default(D.contractTerm),
    maxAiShare: percent().default(D.maxAiShare),
    aiMwAtStart: nonNegative().default(D.aiMwAtStart),
    aiContractAgeAtStartDays: z.number().int().min(0).default(D.aiContractAgeAtStartDays),
    operatorFee: num().min(0).lt(100).default(D.operatorFee),
    discountRate: nonNegative().default(D.discountRate),
    arbitrageLookbackDays: z.number().int().min(1).max(3650).default(D.arbitrageLookbackDays),
    arbitrageSlice: num().gt(0).max(100).default(D.arbitrageSlice),
    mineWhileConverting: z.boolean().default(D.mineWhileConverting),
  })
  .strict()
  .superRefine(checkStartingAi) satisfies z.ZodType<Scenario, z.ZodTypeDef, unknown>;

/** One-line reason for a zod issue, in the words of this project ("must be ≥ 0"). */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.expected === "integer") return { message: "must be an integer" };
      if (issue.expected === "object") return { message: "must be an object" };
      return { message: `must be a ${issue.expected}` };
    case z.ZodIssueCode.too_small:
      return { message: `must be ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      return { message: `must be ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}` };
    case z.ZodIssueCode.not_finite:
      return { message: "must be finite" };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `must be one of ${issue.options.map((o) => JSON.stringify(o)).join(", ")}` };
    default:
      return { message: ctx.defaultError };
  }
};

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function formatIssue(input: unknown, issue: z.ZodIssue): string {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    return issue.keys.map((key) => `scenario.${[...issue.path, key].join(".")}: unknown field`).join("; ");
  }
  const field = ["scenario", ...issue.path].join(".");
  return `${field}: ${issue.message} (got ${describeValue(valueAt(input, issue.path))})`;
}

/**
 * The v1 reading of a v2 scenario (a file with a `$schema`, see v2/scenario.ts), until the simulator moves to the
 * v2 model: the fields both versions share are carried over (the capacity under contract at the start converted
 * from IT MW to gross MW); the rest keep their v1 defaults.
 */
export function scenarioFromV2(v2: ScenarioV2): Scenario {
  return parseScenario({
    name: v2.name,
    description: v2.description,
    capacityMw: v2.capacityMw,
    capacityGrowthMwPerYear: v2.capacityGrowthMwPerYear,
    startHeight: v2.startHeight,
    startDate: v2.startDate,
    aiMode: v2.aiMode,
    difficulty0: v2.difficulty0,
    feeShare: v2.feeShare,
    btcPrice0: v2.btcPrice0,
    btcVolatility: v2.btcVolatility,
    btcDrift: v2.btcDrift,
    fleetEfficiency: v2.fleetEfficiency,
    powerPrice: v2.powerPrice,
    poolFee: v2.poolFee,
    uptime: v2.uptime,
    aiColoRevenue: v2.aiColoRevenue,
    aiColoMargin: v2.aiColoMargin,
    gpuRentH100: v2.gpuRentH100,
    powerPerGpu: v2.powerPerGpu,
    gpuUtilization: v2.gpuUtilization,
    gpuOwnershipCost: v2.gpuOwnershipCost,
    conversionCapex: v2.conversionCapex,
    conversionLag: v2.conversionLag,
    contractTerm: v2.contractTerm,
    maxAiShare: v2.maxAiShare,
    aiMwAtStart: v2.aiItMwAtStart * v2.itToGrossMw,
    aiContractAgeAtStartDays: v2.aiContractAgeAtStartDays,
    operatorFee: v2.operatorFee,
    discountRate: v2.discountRate,
  });
}

/**
 * Validates a scenario object (e.g. a parsed JSON file) and merges it over the defaults. A v2 scenario file
 * (one with a `$schema` field) is validated as v2 and read through `scenarioFromV2`.
 * @throws Error with a one-line message naming each invalid field and the reason
 */
export function parseScenario(input: unknown): Scenario {
  if (input !== null && typeof input === "object" && "$schema" in input) return scenarioFromV2(parseScenarioV2(input));
  const result = scenarioSchema.safeParse(input === undefined ? {} : input, { errorMap });
  if (!result.success) {
    throw new Error(result.error.issues.map((issue) => formatIssue(input, issue)).join("; "));
  }
  return result.data;
}

/**
 * Reads a JSON scenario file and validates it (see `parseScenario`).
 * @throws Error naming the file when it cannot be read or is not JSON, or the field when it is invalid
 */
export function loadScenario(path: string): Scenario {
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
  return parseScenario(json);
}
