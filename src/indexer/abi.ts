/**
 * The events the index keeps, decoded with the contracts' own ABIs: typechain's factories for HashShare's contracts
 * and OpenZeppelin's build artifact for its `TimelockController`. Nothing here hand-writes a topic.
 */
import { createRequire } from "node:module";

import { AbiCoder, Interface, getAddress, type EventFragment, type InterfaceAbi, type ParamType } from "ethers";

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

/** How to decode one event: its fragment, and its non-indexed parameters (decoded from the data in one call). */
interface Decoder {
  readonly fragment: EventFragment;
  readonly data: readonly ParamType[];
}

/** topic0 → event, for the indexed events the ABIs define (v2 events appear once the contracts emit them). */
const BY_TOPIC = new Map<string, Decoder>();
EVENTS_INTERFACE.forEachEvent((event) => {
  if ((INDEXED_EVENTS as readonly string[]).includes(event.name)) {
    BY_TOPIC.set(event.topicHash, { fragment: event, data: event.inputs.filter((input) => !input.indexed) });
  }
});
const CODER = AbiCoder.defaultAbiCoder();

/** An indexed parameter's value from its topic (value types only: the indexed events have no indexed string). */
function fromTopic(type: string, topic: string): unknown {
  if (type === "address") return getAddress(`0x${topic.slice(26)}`);
  if (type === "bool") return BigInt(topic) !== 0n;
  if (type.startsWith("uint")) return BigInt(topic);
  if (type.startsWith("int")) return BigInt.asIntN(Number(type.slice(3) || 256), BigInt(topic));
  return topic;
}

/** topic0 of each indexed event. */
export function indexedTopics(): string[] {
  return [...BY_TOPIC.keys()];
}

/** A decoded event's arguments as JSON-safe values: integers as decimal strings, addresses checksummed. */
export type EventArgs = Record<string, string | boolean>;

function plain(value: unknown): string | boolean {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value;
  return String(value);
}

/**
 * Decodes one raw log, or returns undefined for a log no indexed event matches. The event is looked up by topic0 in
 * a map built once and decoded with the ABI coder directly (ethers' `parseLog` recomputes topic hashes on every call: far slower).
 */
export function decodeLog(topics: readonly string[], data: string): { name: string; args: EventArgs } | undefined {
  const decoder = topics[0] === undefined ? undefined : BY_TOPIC.get(topics[0]);
  if (decoder === undefined) return undefined;
  const { fragment } = decoder;
  const args: EventArgs = {};
  try {
    const values = CODER.decode(decoder.data, data);
    let topic = 1;
    let value = 0;
    for (const input of fragment.inputs) {
      if (input.indexed) {
        const raw = topics[topic++];
        if (raw === undefined) return undefined;
        args[input.name] = plain(fromTopic(input.type, raw));
      } else {
        args[input.name] = plain(values[value++]);
      }
    }
  } catch {
    return undefined;
  }
  return { name: fragment.name, args };
}
