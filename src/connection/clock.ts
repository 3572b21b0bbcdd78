import { UserError } from "../cli/errors.js";
import type { OpenNetwork } from "./network.js";

/** The timestamp of the latest block: "now" as the contracts see it. */
export async function latestTimestamp(network: Pick<OpenNetwork, "connection" | "networkName">): Promise<bigint> {
  const block = await network.connection.ethers.provider.getBlock("latest");
  if (block === null) throw new UserError(`network ${network.networkName} returned no latest block`);
  return BigInt(block.timestamp);
}
