/**
 * The events the index keeps, decoded with the contracts' own ABIs: typechain's factories for HashShare's contracts
 * and OpenZeppelin's build artifact for its `TimelockController`. Nothing here hand-writes a topic.
 */
import { createRequire } from "node:module";

import { Interface, type InterfaceAbi, type LogDescription } from "ethers";

import { HashrateOracle__factory, MiningPoolShare__factory, ShareSale__factory } from "../../typechain-types/index.js";

const require = createRequire(import.meta.url);
const timelockArtifact = require("@openzeppelin/contracts/build/contracts/TimelockController.json") as {
  abi: InterfaceAbi;
};

/** Names of the events the dashboard and the terminal tasks read. Others (e.g. `Approval`) are never fetched. */
export const INDEXED_EVENTS = [
  // MiningPoolShare
  "Transfer",
  "RevenueDeposited",
  "RevenueClaimed",
  "ClaimerSet",
  "Skimmed",
  "Paused",
  "Unpaused",
  // HashrateOracle
  "HashrateSubmitted",
  "HashrateFinalized",
  "QuorumSet",
  "MaxChangeBpsSet",
  // ShareSale
  "SharesPurchased",
  // AccessControl (all three) and AccessControlDefaultAdminRules
  "RoleGranted",
  "RoleRevoked",
  "DefaultAdminTransferScheduled",
  "DefaultAdminTransferCanceled",
  // TimelockController
  "CallScheduled",
  "CallExecuted",
  "Cancelled",
  "MinDelayChange",
] as const;

export type IndexedEventName = (typeof INDEXED_EVENTS)[number];

/** Every event of the oracle, the pool, the sale and a timelock, in one interface. */
function combinedInterface(): Interface {
  const seen = new Set<string>();
  const fragments: unknown[] = [];
  for (const abi of [
    MiningPoolShare__factory.abi,
    HashrateOracle__factory.abi,
    ShareSale__factory.abi,
    timelockArtifact.abi,
  ] as unknown as Array<Array<{ type: string; name?: string; inputs?: unknown }>>) {
    for (const fragment of abi) {
      if (fragment.type !== "event") continue;
      const key = `${fragment.name}:${JSON.stringify(fragment.inputs)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fragments.push(fragment);
    }
  }
  return new Interface(fragments as InterfaceAbi);
}

export const EVENTS_INTERFACE = combinedInterface();

/** topic0 of each indexed event the ABIs define (v2 events appear once the contracts emit them). */
export function indexedTopics(): string[] {
  const topics: string[] = [];
  EVENTS_INTERFACE.forEachEvent((event) => {
    if ((INDEXED_EVENTS as readonly string[]).includes(event.name)) topics.push(event.topicHash);
  });
  return topics;
}

/** A decoded event's arguments as JSON-safe values: integers as decimal strings, addresses checksummed. */
export type EventArgs = Record<string, string | boolean>;

function plain(value: unknown): string | boolean {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value;
  return String(value);
}

/** Decodes one raw log, or returns undefined for a log no indexed event matches. */
export function decodeLog(topics: readonly string[], data: string): { name: string; args: EventArgs } | undefined {
  let parsed: LogDescription | null;
  try {
    parsed = EVENTS_INTERFACE.parseLog({ topics: [...topics], data });
  } catch {
    return undefined;
  }
  if (parsed === null || !(INDEXED_EVENTS as readonly string[]).includes(parsed.name)) return undefined;
  const args: EventArgs = {};
  parsed.fragment.inputs.forEach((input, i) => {
    args[input.name] = plain(parsed.args[i]);
  });
  return { name: parsed.name, args };
}
