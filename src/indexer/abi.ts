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

/**
 * How to decode one event: its fragment, and for each parameter either the topic it comes from or the 32-byte word
 * of the data it sits in. Events whose data holds a dynamic type (`CallScheduled`'s `bytes data`) are decoded with
 * the ABI coder instead.
 */
interface Decoder {
  readonly fragment: EventFragment;
  readonly data: readonly ParamType[];
  /** Every non-indexed parameter is a static one-word type: decode the words directly. */
  readonly static: boolean;
}

const isStaticWord = (type: string): boolean =>
  type === "address" || type === "bool" || /^u?int\d*$/.test(type) || /^bytes([1-9]|[12]\d|3[0-2])$/.test(type);

/** topic0 → event, for the indexed events the ABIs define (v2 events appear once the contracts emit them). */
const BY_TOPIC = new Map<string, Decoder>();
EVENTS_INTERFACE.forEachEvent((event) => {
  if ((INDEXED_EVENTS as readonly string[]).includes(event.name)) {
    const data = event.inputs.filter((input) => !input.indexed);
    BY_TOPIC.set(event.topicHash, { fragment: event, data, static: data.every((input) => isStaticWord(input.type)) });
  }
});
const CODER = AbiCoder.defaultAbiCoder();

/**
 * Checksummed addresses, remembered: a pool's events name the same few thousand holders over and over, and the
 * checksum (a keccak256 per call) was most of the indexer's time. Bounded so that a chain of one-off addresses cannot
 * grow it without end.
 */
const CHECKSUMS = new Map<string, string>();
function checksum(hex40: string): string {
  const key = hex40.toLowerCase();
  let address = CHECKSUMS.get(key);
  if (address === undefined) {
    address = getAddress(`0x${key}`);
    if (CHECKSUMS.size >= 100_000) CHECKSUMS.clear();
    CHECKSUMS.set(key, address);
  }
  return address;
}

const HIGH_ZEROS = "0".repeat(24);

/** A one-word value (a topic, or a word of the data: 64 hex digits without 0x) of a static type. */
function fromWord(type: string, word: string): string | boolean {
  if (word.length !== 64) throw new Error(`malformed word for ${type}`);
  if (type === "address") {
    if (!word.startsWith(HIGH_ZEROS)) throw new Error("address word with high bits set");
    return checksum(word.slice(24)); // getAddress refuses anything but hex digits
  }
  const value = BigInt(`0x${word}`); // refuses anything but hex digits
  if (type === "bool") {
    if (value > 1n) throw new Error("bool word out of range");
    return value === 1n;
  }
  if (type === "uint256") return value.toString();
  if (type.startsWith("uint")) {
    if (value >> BigInt(type.slice(4)) !== 0n) throw new Error(`${type} word out of range`);
    return value.toString();
  }
  if (type.startsWith("int")) return BigInt.asIntN(Number(type.slice(3) || 256), value).toString();
  return `0x${word.toLowerCase()}`;
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
 * Decodes one raw log, or returns undefined for a log no indexed event matches (or a malformed one). The event is
 * looked up by topic0 in a map built once; indexed parameters come from the topics and static data words are read
 * directly, with the ABI coder's range checks (ethers' `parseLog` recomputes topic hashes and checksums on every
 * call: far slower); data with a dynamic type goes through the ABI coder.
 */
export function decodeLog(topics: readonly string[], data: string): { name: string; args: EventArgs } | undefined {
  const decoder = topics[0] === undefined ? undefined : BY_TOPIC.get(topics[0]);
  if (decoder === undefined) return undefined;
  const { fragment } = decoder;
  const args: EventArgs = {};
  try {
    const words = data.startsWith("0x") ? data.slice(2) : data;
    if (decoder.static && words.length < decoder.data.length * 64) return undefined;
    const values = decoder.static ? undefined : CODER.decode(decoder.data, data);
    let topic = 1;
    let value = 0;
    for (const input of fragment.inputs) {
      if (input.indexed) {
        const raw = topics[topic++];
        if (raw === undefined) return undefined;
        args[input.name] = fromWord(input.type, raw.slice(2));
      } else if (values === undefined) {
        args[input.name] = fromWord(input.type, words.slice(value * 64, ++value * 64));
      } else {
        const decoded = values[value++] as unknown;
        args[input.name] =
          typeof decoded === "string" && input.type === "address" ? checksum(decoded.slice(2)) : plain(decoded);
      }
    }
  } catch {
    return undefined;
  }
  return { name: fragment.name, args };
}
