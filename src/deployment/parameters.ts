import path from "node:path";

import { readDeploymentParameters } from "@nomicfoundation/hardhat-ignition/helpers";
import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import { ZeroAddress, getAddress, isAddress } from "ethers";

import { MODULE_IDS } from "./ids.js";

/** Parameters of the "Oracle" module. */
export interface OracleParameters {
  /** `DEFAULT_ADMIN_ROLE` of the oracle when there is no timelock (direct governance); else undefined. */
  readonly admin?: string;
  readonly quorum: number;
  /** `reporter1` … `reporterN`, in order. */
  readonly reporters: readonly string[];
}

/** Parameters of the "Pool" module. `wbtc` / `usdc` are set on production networks only (local uses the mocks). */
export interface PoolParameters {
  readonly name: string;
  readonly symbol: string;
  /** `DEFAULT_ADMIN_ROLE` of the pool when there is no timelock; else undefined. */
  readonly admin?: string;
  readonly sharesPerTHs: bigint;
  readonly maxReportAge: bigint;
  /** The oracle's bound on one finalized change of this pool's hashrate, in basis points (never 0). */
  readonly maxChangeBps: number;
  readonly minter: string;
  readonly distributor: string;
  readonly pauser: string;
  readonly wbtc?: string;
  readonly usdc?: string;
}

/** Parameters of the "Sale" module. `usdc` (the payment token) is set on production networks only. */
export interface SaleParameters {
  /** `DEFAULT_ADMIN_ROLE` of the sale when there is no timelock; else undefined. */
  readonly admin?: string;
  readonly pricePerShare: bigint;
  readonly treasury: string;
  readonly startTime: bigint;
  readonly endTime: bigint;
  readonly maxSharesPerBuyer: bigint;
  readonly usdc?: string;
}

/**
 * Parameters of the "Governance" module: the `TimelockController` that becomes the admin of the three contracts.
 * A parameters file without a "Governance" section deploys without a timelock (the `admin` parameters are the admin).
 */
export interface GovernanceParameters {
  /** Seconds every admin action waits between being scheduled and being executable (0 only on local chains). */
  readonly minDelay: bigint;
  /** Gets `PROPOSER_ROLE` and `CANCELLER_ROLE`: schedules and cancels admin actions (a multisig, in production). */
  readonly proposer: string;
  /** Gets `EXECUTOR_ROLE`: executes admin actions once their delay has passed. */
  readonly executor: string;
}

/** Every parameter of a HashShare deployment, validated; addresses are checksummed. */
export interface HashShareParameters {
  readonly oracle: OracleParameters;
  readonly pool: PoolParameters;
  readonly sale: SaleParameters;
  /** The timelock; undefined for a deployment without one (the contracts' admin is then the deployer). */
  readonly governance?: GovernanceParameters;
}

/** The longest timelock delay a parameters file may set: a year (a longer one is taken for a typing mistake). */
export const MAX_TIMELOCK_DELAY = 365n * 86_400n;

/** The largest `maxChangeBps` (the oracle stores a `uint32`). */
const MAX_CHANGE_BPS = 2n ** 32n - 1n;

/** A parameters file (or object) that does not describe a valid HashShare deployment; lists every problem. */
export class ParametersError extends Error {
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(`${source}: ${problems.join("; ")}`);
    this.name = "ParametersError";
    this.problems = problems;
  }
}

const UINT64_MAX = 2n ** 64n - 1n;
const UINT256_MAX = 2n ** 256n - 1n;
const MAX_QUORUM = 255;
/** Placeholders in the example parameters files look like `<DEPLOYER_ADDRESS>`. */
const PLACEHOLDER = /^<[^<>]*>$/;
const PLACEHOLDER_SEEN = Symbol("placeholder");

/** The parameters file of a network: `local.json` for the in-process network and `localhost`, else `<network>.json`. */
export function parametersPathFor(networkName: string, ignitionDir: string): string {
  const file = networkName === "localhost" || networkName === "default" ? "local" : networkName;
  return path.join(ignitionDir, "parameters", `${file}.json`);
}

/** Reads and validates an Ignition parameters file (JSON or JSON5, big integers as `"123n"` strings). */
export async function readHashShareParameters(filePath: string): Promise<HashShareParameters> {
  let raw: DeploymentParameters;
  try {
    raw = await readDeploymentParameters(filePath);
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new ParametersError(filePath, [`cannot read the parameters file (${reason})`]);
  }
  return parseHashShareParameters(raw, filePath);
}

/**
 * Validates Ignition deployment parameters. A parameter is looked up in its module's section, then in `$global`,
 * exactly as Ignition resolves it.
 */
export function parseHashShareParameters(raw: DeploymentParameters, source = "parameters"): HashShareParameters {
  const problems: string[] = [];
  const reader = new ParameterReader(raw, problems);

  const timelocked = raw[MODULE_IDS.governance] !== undefined;
  const governance = timelocked
    ? {
        minDelay: reader.integer(MODULE_IDS.governance, "minDelay", 0n, MAX_TIMELOCK_DELAY),
        proposer: reader.address(MODULE_IDS.governance, "proposer"),
        executor: reader.address(MODULE_IDS.governance, "executor"),
      }
    : undefined;
  /** The admin of a contract: required without a timelock, refused with one (the timelock is the admin). */
  const admin = (moduleId: string): string | undefined => {
    if (!timelocked) return reader.address(moduleId, "admin");
    if (raw[moduleId]?.admin !== undefined) {
      problems.push(
        `${moduleId}.admin is set but "${MODULE_IDS.governance}" configures a timelock, which is the admin: remove ${moduleId}.admin`,
      );
    }
    return undefined;
  };

  const oracleAdmin = admin(MODULE_IDS.oracle);
  const quorum = reader.integer(MODULE_IDS.oracle, "quorum", 1n, BigInt(MAX_QUORUM));
  const reporters = reader.reporters();
  if (quorum !== undefined && reporters.length > 0 && quorum > BigInt(reporters.length)) {
    problems.push(`Oracle.quorum ${quorum} exceeds the ${reporters.length} reporter(s): no epoch could finalize`);
  }

  const pool = {
    name: reader.text(MODULE_IDS.pool, "name"),
    symbol: reader.text(MODULE_IDS.pool, "symbol"),
    admin: admin(MODULE_IDS.pool),
    sharesPerTHs: reader.integer(MODULE_IDS.pool, "sharesPerTHs", 1n, UINT256_MAX),
    maxReportAge: reader.integer(MODULE_IDS.pool, "maxReportAge", 0n, UINT64_MAX),
    maxChangeBps: reader.integer(MODULE_IDS.pool, "maxChangeBps", 1n, MAX_CHANGE_BPS),
    minter: reader.address(MODULE_IDS.pool, "minter"),
    distributor: reader.address(MODULE_IDS.pool, "distributor"),
    pauser: reader.address(MODULE_IDS.pool, "pauser"),
    wbtc: reader.optionalAddress(MODULE_IDS.pool, "wbtc"),
    usdc: reader.optionalAddress(MODULE_IDS.pool, "usdc"),
  };
  if (pool.wbtc !== undefined && pool.wbtc === pool.usdc) {
    problems.push("Pool.wbtc and Pool.usdc are the same address: the payout tokens must be distinct");
  }

  const sale = {
    admin: admin(MODULE_IDS.sale),
    pricePerShare: reader.integer(MODULE_IDS.sale, "pricePerShare", 1n, UINT256_MAX),
    treasury: reader.address(MODULE_IDS.sale, "treasury"),
    startTime: reader.integer(MODULE_IDS.sale, "startTime", 0n, UINT64_MAX),
    endTime: reader.integer(MODULE_IDS.sale, "endTime", 0n, UINT64_MAX),
    maxSharesPerBuyer: reader.integer(MODULE_IDS.sale, "maxSharesPerBuyer", 1n, UINT256_MAX),
    usdc: reader.optionalAddress(MODULE_IDS.sale, "usdc"),
  };
  if (sale.startTime !== undefined && sale.endTime !== undefined && sale.endTime < sale.startTime) {
    problems.push(`Sale.endTime ${sale.endTime} is before Sale.startTime ${sale.startTime}`);
  }

  if (problems.length > 0) throw new ParametersError(source, problems);
  // Every field is defined here: each undefined one added a problem above.
  return {
    oracle: { ...(oracleAdmin === undefined ? {} : { admin: oracleAdmin }), quorum: Number(quorum!), reporters },
    pool: {
      name: pool.name!,
      symbol: pool.symbol!,
      ...(pool.admin === undefined ? {} : { admin: pool.admin }),
      sharesPerTHs: pool.sharesPerTHs!,
      maxReportAge: pool.maxReportAge!,
      maxChangeBps: Number(pool.maxChangeBps!),
      minter: pool.minter!,
      distributor: pool.distributor!,
      pauser: pool.pauser!,
      ...(pool.wbtc === undefined ? {} : { wbtc: pool.wbtc }),
      ...(pool.usdc === undefined ? {} : { usdc: pool.usdc }),
    },
    sale: {
      ...(sale.admin === undefined ? {} : { admin: sale.admin }),
      pricePerShare: sale.pricePerShare!,
      treasury: sale.treasury!,
      startTime: sale.startTime!,
      endTime: sale.endTime!,
      maxSharesPerBuyer: sale.maxSharesPerBuyer!,
      ...(sale.usdc === undefined ? {} : { usdc: sale.usdc }),
    },
    ...(governance === undefined
      ? {}
      : {
          governance: {
            minDelay: governance.minDelay!,
            proposer: governance.proposer!,
            executor: governance.executor!,
          },
        }),
  };
}

/**
 * The Ignition deployment parameters for `parameters`, one section per module (no `$global`), ready for
 * `ignition.deploy(module, { parameters })`.
 */
export function toDeploymentParameters(parameters: HashShareParameters): DeploymentParameters {
  const { oracle, pool, sale, governance } = parameters;
  const reporters = Object.fromEntries(oracle.reporters.map((reporter, i) => [`reporter${i + 1}`, reporter]));
  const admin = (address: string | undefined): { admin?: string } => (address === undefined ? {} : { admin: address });
  return {
    [MODULE_IDS.oracle]: { ...admin(oracle.admin), quorum: oracle.quorum, ...reporters },
    [MODULE_IDS.pool]: { ...pool },
    [MODULE_IDS.sale]: { ...sale },
    ...(governance === undefined ? {} : { [MODULE_IDS.governance]: { ...governance } }),
  };
}

/** Reads typed values out of raw Ignition parameters, recording each problem instead of throwing. */
class ParameterReader {
  readonly #raw: DeploymentParameters;
  readonly #problems: string[];

  constructor(raw: DeploymentParameters, problems: string[]) {
    this.#raw = raw;
    this.#problems = problems;
  }

  /** The value of `name` for `moduleId` (its own section first, then `$global`); a placeholder is a problem. */
  #lookup(moduleId: string, name: string): unknown {
    const own = this.#raw[moduleId]?.[name];
    const value = own !== undefined ? own : this.#raw.$global?.[name];
    if (typeof value === "string" && PLACEHOLDER.test(value)) {
      this.#problems.push(`${moduleId}.${name} is still the placeholder ${value}`);
      return PLACEHOLDER_SEEN;
    }
    return value;
  }

  #missing(moduleId: string, name: string): undefined {
    this.#problems.push(`${moduleId}.${name} is missing (set it in "${moduleId}" or "$global")`);
    return undefined;
  }

  text(moduleId: string, name: string): string | undefined {
    const value = this.#lookup(moduleId, name);
    if (value === PLACEHOLDER_SEEN) return undefined;
    if (value === undefined) return this.#missing(moduleId, name);
    if (typeof value !== "string" || value.trim() === "") {
      this.#problems.push(`${moduleId}.${name} must be a non-empty string, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  address(moduleId: string, name: string): string | undefined {
    const value = this.#lookup(moduleId, name);
    if (value === PLACEHOLDER_SEEN) return undefined;
    if (value === undefined) return this.#missing(moduleId, name);
    return this.#toAddress(moduleId, name, value);
  }

  optionalAddress(moduleId: string, name: string): string | undefined {
    const value = this.#lookup(moduleId, name);
    return value === undefined || value === PLACEHOLDER_SEEN ? undefined : this.#toAddress(moduleId, name, value);
  }

  #toAddress(moduleId: string, name: string, value: unknown): string | undefined {
    if (typeof value !== "string" || !isAddress(value)) {
      this.#problems.push(`${moduleId}.${name} must be an address (0x and 40 hex digits), got ${describe(value)}`);
      return undefined;
    }
    const address = getAddress(value);
    if (address === ZeroAddress) {
      this.#problems.push(`${moduleId}.${name} is the zero address`);
      return undefined;
    }
    return address;
  }

  integer(moduleId: string, name: string, min: bigint, max: bigint): bigint | undefined {
    const value = this.#lookup(moduleId, name);
    if (value === PLACEHOLDER_SEEN) return undefined;
    if (value === undefined) return this.#missing(moduleId, name);
    let result: bigint;
    if (typeof value === "bigint") {
      result = value;
    } else if (typeof value === "number" && Number.isSafeInteger(value)) {
      result = BigInt(value);
    } else {
      this.#problems.push(
        `${moduleId}.${name} must be an integer (a number, or a "123n" string for big values), got ${describe(value)}`,
      );
      return undefined;
    }
    if (result < min || result > max) {
      this.#problems.push(`${moduleId}.${name} must be between ${min} and ${max}, got ${result}`);
      return undefined;
    }
    return result;
  }

  /** `reporter1` … `reporterN` of the "Oracle" module: at least one, contiguous, distinct. */
  reporters(): string[] {
    const section = this.#raw[MODULE_IDS.oracle] ?? {};
    const indexes = Object.keys(section)
      .map((key) => /^reporter([1-9][0-9]*)$/.exec(key))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => Number(match[1]))
      .sort((a, b) => a - b);
    if (indexes.length === 0) {
      this.#problems.push(`Oracle.reporter1 is missing (reporters are "reporter1", "reporter2", …)`);
      return [];
    }
    const gap = indexes.findIndex((index, i) => index !== i + 1);
    if (gap !== -1) {
      this.#problems.push(`Oracle.reporter${gap + 1} is missing: reporters must be numbered 1, 2, … without gaps`);
      return [];
    }
    if (indexes.length > MAX_QUORUM) {
      this.#problems.push(`Oracle has ${indexes.length} reporters, more than ${MAX_QUORUM}`);
      return [];
    }
    const reporters: string[] = [];
    const seen = new Map<string, number>();
    for (const index of indexes) {
      const reporter = this.address(MODULE_IDS.oracle, `reporter${index}`);
      if (reporter === undefined) continue;
      const first = seen.get(reporter);
      if (first !== undefined) {
        this.#problems.push(`Oracle.reporter${index} repeats Oracle.reporter${first} (${reporter})`);
      } else {
        seen.set(reporter, index);
      }
      reporters.push(reporter);
    }
    return reporters;
  }
}

function describe(value: unknown): string {
  return typeof value === "bigint" ? `${value}n` : JSON.stringify(value);
}
