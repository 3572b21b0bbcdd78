/**
 * What Ignition recorded about a deployment, read through `@nomicfoundation/ignition-core` (`status`,
 * `listTransactions`) rather than by parsing its journal: the chain it was made on, its contracts by future ID and
 * its transactions.
 */
import { HardhatError } from "@nomicfoundation/hardhat-errors";
import { listTransactions, status, type ArtifactResolver } from "@nomicfoundation/ignition-core";
import { getAddress } from "ethers";

import { DeploymentError, type DeployedAddresses } from "./addresses.js";

export interface RecordedDeployment {
  /** The chain the deployment was made on. */
  readonly chainId: bigint;
  /** Deployed contracts by future ID, checksummed (as in `deployed_addresses.json`). */
  readonly addresses: DeployedAddresses;
  /** Hashes of its transactions, in the order Ignition sent them. */
  readonly transactions: readonly string[];
}

/** `listTransactions` takes an artifact resolver it no longer uses (its parameter is deprecated). */
const UNUSED_RESOLVER: Omit<ArtifactResolver, "getBuildInfo"> = {
  loadArtifact: (name: string) => Promise.reject(new Error(`no artifact resolver (asked for ${name})`)),
};

/**
 * Reads the deployment recorded in `deploymentDir`. Throws a {@link DeploymentError} when there is none (nothing
 * was deployed there yet).
 */
export async function readRecordedDeployment(deploymentDir: string): Promise<RecordedDeployment> {
  let result;
  let transactions;
  try {
    result = await status(deploymentDir);
    transactions = await listTransactions(deploymentDir, UNUSED_RESOLVER);
  } catch (error) {
    if (HardhatError.isHardhatError(error)) {
      throw new DeploymentError(`no deployment recorded in ${deploymentDir}: deploy first`);
    }
    throw error;
  }
  const addresses: Record<string, string> = {};
  for (const [futureId, contract] of Object.entries(result.contracts))
    addresses[futureId] = getAddress(contract.address);
  return { chainId: BigInt(result.chainId), addresses, transactions: transactions.map((tx) => tx.txHash) };
}

/** Refuses a deployment recorded on another chain than the network's (`networkName`, chain `chainId`). */
export function assertRecordedOn(
  recorded: RecordedDeployment,
  deploymentId: string,
  network: { readonly networkName: string; readonly chainId: bigint },
): void {
  if (recorded.chainId !== network.chainId) {
    throw new DeploymentError(
      `wrong chain: deployment ${deploymentId} was made on chain ${recorded.chainId} but network ${network.networkName} is chain ${network.chainId}`,
    );
  }
}

/** The block of a deployment's first transaction (0 when it has none or the chain does not know it). */
export async function firstBlockOf(
  provider: { getTransactionReceipt(hash: string): Promise<{ blockNumber: number } | null> },
  recorded: RecordedDeployment,
): Promise<number> {
  const first = recorded.transactions[0];
  if (first === undefined) return 0;
  const receipt = await provider.getTransactionReceipt(first);
  return receipt?.blockNumber ?? 0;
}
