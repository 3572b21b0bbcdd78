/**
 * Finding the HashShare deployment of the network a task runs on: Ignition's record of it (read through
 * `@nomicfoundation/ignition-core`'s `status()`), checked against the chain; or, on the in-process network, a fresh
 * deployment that lasts as long as the command.
 */
import path from "node:path";

import type { NetworkConnection } from "hardhat/types/network";

import { UserError } from "../cli/errors.js";
import { DeploymentError, deploymentDirFor, type DeployedAddresses } from "./addresses.js";
import { deployHashShareLocal } from "./deploy.js";
import { FUTURE_IDS, deploymentIdFor } from "./ids.js";
import { assertRecordedOn, firstBlockOf, readRecordedDeployment } from "./journal.js";
import { parametersPathFor, readHashShareParameters } from "./parameters.js";

/** Where the HashShare contracts of the selected network come from. */
export interface DeploymentInfo {
  /** Ignition deployment ID (`chain-<chainId>` unless HASHSHARE_DEPLOYMENT_ID says otherwise). */
  readonly id: string;
  /** The deployment folder; undefined for the ephemeral deployment of the in-process network. */
  readonly dir: string | undefined;
  readonly oracle: string;
  readonly pool: string;
  readonly sale: string;
  /** The `TimelockController` that administers the contracts; undefined when the deployment has none. */
  readonly timelock: string | undefined;
  /** Every contract of the deployment by future ID (the mock tokens on local chains among them). */
  readonly contracts: DeployedAddresses;
  /** First block of the deployment: event scans start here. */
  readonly fromBlock: number;
}

/** The Hardhat project folders a deployment is looked up in. */
export interface ProjectPaths {
  readonly root: string;
  readonly ignition: string;
}

/** The network a deployment is looked up on. */
export interface DeploymentNetwork {
  readonly connection: NetworkConnection;
  readonly networkName: string;
  readonly chainId: bigint;
  readonly local: boolean;
  readonly inProcess: boolean;
}

/** The deploy command to suggest for a network. */
export function deployCommand(network: Pick<DeploymentNetwork, "networkName" | "local">, paths: ProjectPaths): string {
  const { networkName, local } = network;
  const parameters = path.relative(paths.root, parametersPathFor(networkName, paths.ignition));
  const module = local ? "HashShareLocal" : "HashShare";
  return `npx hardhat ignition deploy ignition/modules/${module}.ts --network ${networkName} --parameters ${parameters}`;
}

/**
 * The deployment of the network: on the in-process network a fresh one (nothing persists between commands),
 * elsewhere Ignition's record for the chain. Every failure is a one-line {@link UserError}: no deployment, one made
 * on another chain, an unfinished one, a stale one (its contracts have no code: the node was restarted).
 */
export async function locateDeployment(network: DeploymentNetwork, paths: ProjectPaths): Promise<DeploymentInfo> {
  return network.inProcess ? ephemeralDeployment(network, paths) : recordedDeployment(network, paths);
}

/** The three HashShare contracts and the timelock out of a deployment's contracts, or undefined for a missing one. */
function pick(contracts: DeployedAddresses) {
  return {
    oracle: contracts[FUTURE_IDS.oracle],
    pool: contracts[FUTURE_IDS.pool],
    sale: contracts[FUTURE_IDS.sale],
    timelock: contracts[FUTURE_IDS.timelock],
  };
}

async function recordedDeployment(network: DeploymentNetwork, paths: ProjectPaths): Promise<DeploymentInfo> {
  const { connection, networkName: name, chainId } = network;
  const id = deploymentIdFor(chainId);
  const dir = deploymentDirFor(paths.ignition, id);
  const redeploy = deployCommand(network, paths);
  let recorded;
  try {
    recorded = await readRecordedDeployment(dir);
  } catch (error) {
    if (!(error instanceof DeploymentError)) throw error;
    throw new UserError(
      `no HashShare deployment for network ${name} (chain ${chainId}) in ${path.relative(paths.root, dir)}: deploy with: ${redeploy}`,
    );
  }
  try {
    assertRecordedOn(recorded, id, network);
  } catch (error) {
    throw error instanceof DeploymentError ? new UserError(error.message) : error;
  }
  const { timelock, ...required } = pick(recorded.addresses);
  const addresses: Record<"oracle" | "pool" | "sale", string> = { oracle: "", pool: "", sale: "" };
  for (const label of ["oracle", "pool", "sale"] as const) {
    const address = required[label];
    if (address === undefined) {
      throw new UserError(`deployment ${id} has no "${FUTURE_IDS[label]}": finish it with: ${redeploy}`);
    }
    const code = await connection.provider.request({ method: "eth_getCode", params: [address, "latest"] });
    if (code === "0x" || code === "0x0") {
      throw new UserError(
        `no ${label} contract at ${address} on network ${name} (chain ${chainId}): deployment ${id} is stale (node restarted?); redeploy with: ${redeploy} --reset`,
      );
    }
    addresses[label] = address;
  }
  const fromBlock = await firstBlockOf(connection.ethers.provider, recorded);
  return { id, dir, ...addresses, timelock, contracts: recorded.addresses, fromBlock };
}

async function ephemeralDeployment(network: DeploymentNetwork, paths: ProjectPaths): Promise<DeploymentInfo> {
  const parameters = await readHashShareParameters(parametersPathFor("default", paths.ignition));
  const contracts = await deployHashShareLocal(network.connection, parameters);
  const { oracle, pool, sale, timelock } = pick(contracts);
  return {
    id: "in-process",
    dir: undefined,
    oracle: oracle!,
    pool: pool!,
    sale: sale!,
    timelock,
    contracts,
    fromBlock: 0,
  };
}
