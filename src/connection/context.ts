/**
 * What a HashShare task works with once connected: the network, its HashShare deployment and read-only bindings of
 * the contracts, with every custom error they can raise for decoding reverts.
 */
import type { Interface } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { HashrateOracle, MiningPoolShare, ShareSale } from "../../typechain-types/index.js";
import { errorInterface } from "../cli/revert.js";
import { HASHSHARE_ABIS, connectHashShare } from "../deployment/contracts.js";
import { locateDeployment, type DeploymentInfo } from "../deployment/locate.js";
import { openNetwork, type OpenNetwork } from "./network.js";
import { note } from "./note.js";

/** Everything a task needs after connecting: the network, the deployment and read-only contract bindings. */
export interface TaskContext extends OpenNetwork {
  readonly hre: HardhatRuntimeEnvironment;
  readonly deployment: DeploymentInfo;
  readonly oracle: HashrateOracle;
  readonly pool: MiningPoolShare;
  readonly sale: ShareSale;
  /** Every custom error of the HashShare contracts and of the OpenZeppelin code they inherit. */
  readonly errors: Interface;
}

/**
 * Connects to the network chosen with `--network`, finds the HashShare deployment for its chain and binds the
 * contracts. Every failure is a one-line `UserError`: a missing variable, an unreachable RPC, a missing or stale
 * deployment, a deployment made on another chain.
 */
export async function openContext(
  hre: HardhatRuntimeEnvironment,
  opened: (connection: NetworkConnection) => void,
): Promise<TaskContext> {
  const network = await openNetwork(hre, opened);
  const deployment = await locateDeployment(network, hre.config.paths);
  if (network.inProcess) {
    note(
      `note: network ${network.networkName} is in-process; deployed a fresh HashShare that ends with this command (use --network localhost to keep state)`,
    );
  }
  return {
    hre,
    ...network,
    deployment,
    ...connectHashShare(deployment, network.connection.ethers.provider),
    errors: errorInterface(HASHSHARE_ABIS),
  };
}
