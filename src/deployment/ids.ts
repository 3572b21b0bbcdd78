/**
 * The stable IDs of the HashShare Ignition deployment. `deployed_addresses.json` is keyed by the contract future
 * IDs below; keep them in step with `ignition/modules/*.ts` (test/ignition/modules.ts checks they match).
 */

/** Ignition module IDs: also the sections of a parameters file. */
export const MODULE_IDS = {
  mocks: "Mocks",
  oracle: "Oracle",
  pool: "Pool",
  sale: "Sale",
  timelock: "Timelock",
  governance: "Governance",
  hashShare: "HashShare",
  hashShareLocal: "HashShareLocal",
} as const;

/** Contract future IDs: the keys of `ignition/deployments/<deploymentId>/deployed_addresses.json`. */
export const FUTURE_IDS = {
  oracle: "Oracle#HashrateOracle",
  pool: "Pool#MiningPoolShare",
  sale: "Sale#ShareSale",
  /** Timelocked deployments only: the admin of the oracle, the pool and the sale. */
  timelock: "Timelock#TimelockController",
  /** Local chains only. */
  mockWBTC: "Mocks#MockWBTC",
  /** Local chains only. */
  mockUSDC: "Mocks#MockUSDC",
} as const;

/** Call future IDs of a deployment without a timelock (recorded in the journal, not in deployed_addresses.json). */
export const CALL_FUTURE_IDS = {
  grantReporterRole: (reporterNumber: number): string => `Oracle#grantReporterRole${reporterNumber}`,
  grantMinterRole: "Pool#grantMinterRole",
  grantDistributorRole: "Pool#grantDistributorRole",
  grantPauserRole: "Pool#grantPauserRole",
  setMaxChangeBps: "Pool#setMaxChangeBps",
  grantSaleMinterRole: "Sale#grantSaleMinterRole",
} as const;

/**
 * Call future IDs of a timelocked deployment: each module's setup is one timelock batch, scheduled then executed,
 * and "Governance" hands the timelock over and sets its delay.
 */
export const TIMELOCK_CALL_FUTURE_IDS = {
  oracleSetup: ["Oracle#setupSchedule", "Oracle#setupExecute"],
  poolSetup: ["Pool#setupSchedule", "Pool#setupExecute"],
  saleSetup: ["Sale#setupSchedule", "Sale#setupExecute"],
  handover: ["Governance#handoverSchedule", "Governance#handoverExecute"],
} as const;

/** The deployment ID Ignition uses when none is given: `chain-<chainId>`. */
export function defaultDeploymentId(chainId: bigint | number): string {
  return `chain-${chainId}`;
}

/** The environment variable that selects an Ignition deployment ID other than `chain-<chainId>`. */
export const DEPLOYMENT_ID_VARIABLE = "HASHSHARE_DEPLOYMENT_ID";

/** The deployment ID that HASHSHARE_DEPLOYMENT_ID selects, or undefined when it is unset or blank. */
export function chosenDeploymentId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env[DEPLOYMENT_ID_VARIABLE]?.trim();
  return chosen === undefined || chosen === "" ? undefined : chosen;
}

/** The deployment ID to use on a chain: the one HASHSHARE_DEPLOYMENT_ID selects, else `chain-<chainId>`. */
export function deploymentIdFor(chainId: bigint | number, env: NodeJS.ProcessEnv = process.env): string {
  return chosenDeploymentId(env) ?? defaultDeploymentId(chainId);
}
