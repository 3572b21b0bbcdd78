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
  hashShare: "HashShare",
  hashShareLocal: "HashShareLocal",
} as const;

/** Contract future IDs: the keys of `ignition/deployments/<deploymentId>/deployed_addresses.json`. */
export const FUTURE_IDS = {
  oracle: "Oracle#HashrateOracle",
  pool: "Pool#MiningPoolShare",
  sale: "Sale#ShareSale",
  /** Local chains only. */
  mockWBTC: "Mocks#MockWBTC",
  /** Local chains only. */
  mockUSDC: "Mocks#MockUSDC",
} as const;

/** Call future IDs (recorded in the journal, not in deployed_addresses.json). */
export const CALL_FUTURE_IDS = {
  grantReporterRole: (reporterNumber: number): string => `Oracle#grantReporterRole${reporterNumber}`,
  grantMinterRole: "Pool#grantMinterRole",
  grantDistributorRole: "Pool#grantDistributorRole",
  grantPauserRole: "Pool#grantPauserRole",
  grantSaleMinterRole: "Sale#grantSaleMinterRole",
} as const;

/** The deployment ID Ignition uses when none is given: `chain-<chainId>`. */
export function defaultDeploymentId(chainId: bigint | number): string {
  return `chain-${chainId}`;
}
