import { readFile } from "node:fs/promises";
import path from "node:path";

import { getAddress, isAddress } from "ethers";

import { FUTURE_IDS } from "./ids.js";
import type { HashShareParameters } from "./parameters.js";

/** Contract addresses by future ID, as in `deployed_addresses.json`. */
export type DeployedAddresses = Readonly<Record<string, string>>;

/** The addresses of one HashShare deployment, checksummed. */
export interface HashShareAddresses {
  readonly oracle: string;
  readonly pool: string;
  readonly sale: string;
  readonly wbtc: string;
  readonly usdc: string;
  /** The `TimelockController` that administers the three contracts, when the deployment has one. */
  readonly timelock?: string;
  /** True when the tokens are this deployment's mocks ("Mocks#MockWBTC", "Mocks#MockUSDC"). */
  readonly mockTokens: boolean;
}

/** A deployment that cannot be read or lacks a contract. */
export class DeploymentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeploymentError";
  }
}

/** `<ignitionDir>/deployments/<deploymentId>`. */
export function deploymentDirFor(ignitionDir: string, deploymentId: string): string {
  return path.join(ignitionDir, "deployments", deploymentId);
}

/** Reads `<deploymentDir>/deployed_addresses.json`. */
export async function readDeployedAddresses(deploymentDir: string): Promise<DeployedAddresses> {
  const file = path.join(deploymentDir, "deployed_addresses.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      throw new DeploymentError(`no deployment recorded at ${file}: deploy first`);
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DeploymentError(`${file} is not valid JSON`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new DeploymentError(`${file} must hold an object of future ID → address`);
  }
  const addresses: Record<string, string> = {};
  for (const [futureId, address] of Object.entries(json)) {
    if (typeof address !== "string" || !isAddress(address)) {
      throw new DeploymentError(`${file}: "${futureId}" is not an address: ${JSON.stringify(address)}`);
    }
    addresses[futureId] = getAddress(address);
  }
  return addresses;
}

/**
 * Picks the HashShare contracts out of a deployment's addresses. The payout tokens are the mocks when the
 * deployment has them, else the `wbtc` / `usdc` parameters (production networks).
 */
export function resolveHashShareAddresses(
  deployed: DeployedAddresses,
  parameters?: HashShareParameters,
): HashShareAddresses {
  const required = (futureId: string): string => {
    const address = deployed[futureId];
    if (address === undefined) throw new DeploymentError(`the deployment has no "${futureId}"`);
    return getAddress(address);
  };
  const oracle = required(FUTURE_IDS.oracle);
  const pool = required(FUTURE_IDS.pool);
  const sale = required(FUTURE_IDS.sale);
  const timelockAddress = deployed[FUTURE_IDS.timelock];
  const timelock = timelockAddress === undefined ? {} : { timelock: getAddress(timelockAddress) };
  const mockWBTC = deployed[FUTURE_IDS.mockWBTC];
  const mockUSDC = deployed[FUTURE_IDS.mockUSDC];
  if (mockWBTC !== undefined && mockUSDC !== undefined) {
    return {
      oracle,
      pool,
      sale,
      ...timelock,
      wbtc: getAddress(mockWBTC),
      usdc: getAddress(mockUSDC),
      mockTokens: true,
    };
  }
  const wbtc = parameters?.pool.wbtc;
  const usdc = parameters?.pool.usdc;
  if (wbtc === undefined || usdc === undefined) {
    throw new DeploymentError(
      `the deployment has no "${FUTURE_IDS.mockWBTC}" / "${FUTURE_IDS.mockUSDC}" and the parameters set no wbtc / usdc`,
    );
  }
  return { oracle, pool, sale, ...timelock, wbtc, usdc, mockTokens: false };
}
