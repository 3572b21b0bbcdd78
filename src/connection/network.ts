/**
 * Opening the network chosen with `--network`: connect, check that it answers, and tell a local chain (accounts by
 * index, mock tokens) from a remote one.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { setupError } from "./errors.js";

/** A connected network and what the tasks need to know about it. */
export interface OpenNetwork {
  readonly connection: NetworkConnection;
  readonly networkName: string;
  readonly chainId: bigint;
  /** The in-process network or a `hardhat node` (`localhost`): accounts are chosen by index. */
  readonly local: boolean;
  /** The in-process network: nothing persists between commands. */
  readonly inProcess: boolean;
}

/**
 * Connects to the network chosen with `--network` and asks its chain ID and accounts, so that a missing variable, an
 * unreachable RPC or a malformed key is a one-line {@link UserError} here. `opened` receives the connection as soon
 * as it exists, so that the caller closes it whatever happens next.
 */
export async function openNetwork(
  hre: HardhatRuntimeEnvironment,
  opened: (connection: NetworkConnection) => void,
): Promise<OpenNetwork> {
  const requested = String(hre.globalOptions.network ?? "default");
  let connection: NetworkConnection;
  try {
    connection = await hre.network.create();
  } catch (error) {
    throw setupError(error, requested);
  }
  opened(connection);
  const networkName = connection.networkName;
  let chainId: bigint;
  try {
    chainId = BigInt(String(await connection.provider.request({ method: "eth_chainId" })));
    // Makes Hardhat parse the configured keys now, so that a malformed key is reported as such.
    await connection.provider.request({ method: "eth_accounts" });
  } catch (error) {
    throw setupError(error, networkName);
  }
  const inProcess = connection.networkConfig.type === "edr-simulated";
  return { connection, networkName, chainId, local: inProcess || networkName === "localhost", inProcess };
}
