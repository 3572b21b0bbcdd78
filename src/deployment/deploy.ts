import type { IgnitionModule, IgnitionModuleResult } from "@nomicfoundation/ignition-core";
import { getAddress } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { createHashShareModule } from "../../ignition/modules/HashShare.js";
import { createHashShareLocalModule } from "../../ignition/modules/HashShareLocal.js";
import type { ModuleShape } from "../../ignition/modules/Oracle.js";
import { DeploymentError, type DeployedAddresses } from "./addresses.js";
import { toDeploymentParameters, type HashShareParameters } from "./parameters.js";

export interface DeployOptions {
  /** Ignition deployment ID; defaults to `chain-<chainId>`. Ignored on the in-process network (no journal). */
  readonly deploymentId?: string;
  /** Show Ignition's progress UI. */
  readonly displayUi?: boolean;
}

/** The modules' shape for a parameters file: its reporter count, and a timelock when it has a "Governance" section. */
export function moduleShapeFor(parameters: HashShareParameters): ModuleShape {
  return {
    reporterCount: parameters.oracle.reporters.length,
    governance: parameters.governance === undefined ? "direct" : "timelock",
  };
}

/** The local module ("HashShareLocal") built for the parameters' shape. */
export function localModuleFor(parameters: HashShareParameters) {
  return createHashShareLocalModule(moduleShapeFor(parameters));
}

/** The production module ("HashShare") built for the parameters' shape. */
export function productionModuleFor(parameters: HashShareParameters) {
  return createHashShareModule(moduleShapeFor(parameters));
}

/** Chain IDs of development chains (Hardhat, anvil), the only ones where a timelock delay of 0 is accepted. */
export const DEVELOPMENT_CHAIN_IDS: readonly bigint[] = [31337n, 1337n];

/**
 * Deploys (or resumes) "HashShareLocal" — mocks, oracle, pool, sale — and returns the deployed addresses by future
 * ID. On an http network Ignition journals to `ignition/deployments/<deploymentId>`, so a second run deploys
 * nothing new.
 */
export async function deployHashShareLocal(
  connection: NetworkConnection,
  parameters: HashShareParameters,
  options: DeployOptions = {},
): Promise<DeployedAddresses> {
  return deploy(connection, localModuleFor(parameters), parameters, options);
}

/** Deploys (or resumes) "HashShare" with the payout tokens from the parameters (`wbtc`, `usdc`). */
export async function deployHashShare(
  connection: NetworkConnection,
  parameters: HashShareParameters,
  options: DeployOptions = {},
): Promise<DeployedAddresses> {
  const missing = [
    parameters.pool.wbtc === undefined ? "Pool.wbtc" : undefined,
    parameters.pool.usdc === undefined ? "Pool.usdc" : undefined,
    parameters.sale.usdc === undefined ? "Sale.usdc" : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new DeploymentError(`a production deployment needs token addresses: set ${missing.join(", ")} (or $global)`);
  }
  return deploy(connection, productionModuleFor(parameters), parameters, options);
}

/**
 * Checks, before anything is sent, that the deploying account can set the contracts up. Without a timelock Ignition
 * sends the grants from the first account, so each admin in the parameters must be that account; with one, the
 * deployer sets up through the timelock and the delay must not be 0 outside development chains. Throws a
 * `DeploymentError` naming the first problem.
 */
export function assertDeployerIsAdmin(parameters: HashShareParameters, deployer: string, chainId?: bigint): void {
  if (parameters.governance !== undefined) {
    if (parameters.governance.minDelay === 0n && chainId !== undefined && !DEVELOPMENT_CHAIN_IDS.includes(chainId)) {
      throw new DeploymentError(
        `Governance.minDelay is 0 on chain ${chainId}: a timelock without a delay protects no one; 0 is accepted on development chains only`,
      );
    }
    return;
  }
  const admins = [
    ["Oracle.admin", parameters.oracle.admin],
    ["Pool.admin", parameters.pool.admin],
    ["Sale.admin", parameters.sale.admin],
  ] as const;
  const sender = getAddress(deployer);
  for (const [name, admin] of admins) {
    if (admin === undefined || getAddress(admin) !== sender) {
      throw new DeploymentError(
        `${name} is ${admin} but the deploying account is ${sender}: the deployer sends the role grants, so it must be the admin`,
      );
    }
  }
}

async function deploy<ModuleIdT extends string, ContractNameT extends string>(
  connection: NetworkConnection,
  module: IgnitionModule<ModuleIdT, ContractNameT, IgnitionModuleResult<ContractNameT>>,
  parameters: HashShareParameters,
  options: DeployOptions,
): Promise<DeployedAddresses> {
  const [deployer] = (await connection.provider.request({ method: "eth_accounts" })) as string[];
  if (deployer === undefined)
    throw new DeploymentError(`network ${connection.networkName} has no account to deploy from`);
  const chainId = BigInt(String(await connection.provider.request({ method: "eth_chainId" })));
  assertDeployerIsAdmin(parameters, deployer, chainId);

  const contracts = await connection.ignition.deploy(module, {
    parameters: toDeploymentParameters(parameters),
    ...(options.deploymentId === undefined ? {} : { deploymentId: options.deploymentId }),
    displayUi: options.displayUi ?? false,
  });
  const addresses: Record<string, string> = {};
  for (const [name, future] of Object.entries(module.results)) {
    const contract = contracts[name];
    if (contract === undefined) throw new DeploymentError(`Ignition returned no contract for ${future.id}`);
    addresses[future.id] = getAddress(await contract.getAddress());
  }
  return addresses;
}
