import { Interface, getAddress, type Provider } from "ethers";

/** The `RoleGranted` / `RoleRevoked` events of OpenZeppelin's AccessControl (the timelock's too). */
const ROLE_EVENTS = new Interface([
  "event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)",
  "event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)",
]);
const GRANTED = ROLE_EVENTS.getEvent("RoleGranted")!.topicHash;
const REVOKED = ROLE_EVENTS.getEvent("RoleRevoked")!.topicHash;

/** Where to read role events: from the deployment's first block, in requests of at most `blockRange` blocks. */
export interface LogScan {
  readonly fromBlock: number;
  readonly toBlock: number;
  readonly blockRange: number;
}

/**
 * Every account that holds `role` on the AccessControl contract at `address` at `scan.toBlock`: the grants and
 * revocations replayed in chain order (AccessControl keeps no list of members; its events are the list).
 */
export async function roleMembers(provider: Provider, address: string, role: string, scan: LogScan): Promise<string[]> {
  const members = new Set<string>();
  for (let from = scan.fromBlock; from <= scan.toBlock; from += scan.blockRange) {
    const to = Math.min(scan.toBlock, from + scan.blockRange - 1);
    const logs = await provider.getLogs({ address, fromBlock: from, toBlock: to, topics: [[GRANTED, REVOKED], role] });
    logs.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
    for (const log of logs) {
      const account = getAddress(`0x${log.topics[2]!.slice(26)}`);
      if (log.topics[0] === GRANTED) members.add(account);
      else members.delete(account);
    }
  }
  return [...members].sort();
}
