/**
 * Timelock operations as the operator sees them: what was scheduled (read back from the timelock's
 * `CallScheduled` / `CallSalt` events, so nothing has to be remembered between commands) and where each one stands
 * on chain now (`getOperationState`, `getTimestamp`).
 */
import { Interface, ZeroHash, type Contract, type Log, type Provider } from "ethers";

import { TIMELOCK_ARTIFACT } from "../deployment/timelock.js";

export const TIMELOCK_INTERFACE = new Interface(TIMELOCK_ARTIFACT.abi);

/** One call of an operation: `target.call{value}(data)`. */
export interface TimelockCall {
  readonly target: string;
  readonly value: bigint;
  readonly data: string;
}

/** An operation as scheduled: enough to execute or cancel it. */
export interface ScheduledOperation {
  readonly id: string;
  /** One call (`schedule`) or several (`scheduleBatch`), in order. */
  readonly calls: readonly TimelockCall[];
  readonly predecessor: string;
  readonly salt: string;
  /** The delay it was scheduled with, in seconds. */
  readonly delay: bigint;
  readonly scheduledBlock: number;
  readonly scheduledTx: string;
}

/** `TimelockController.OperationState`, in its order. */
export const OPERATION_STATES = ["unset", "waiting", "ready", "done"] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

/** Where a scheduled operation stands: `readyAt` is the first timestamp it can be executed at (0 when unset). */
export interface OperationStatus {
  readonly state: OperationState;
  readonly readyAt: bigint;
}

/** Where to read logs from, in requests of at most `blockRange` blocks. */
export interface LogWindow {
  readonly fromBlock: number;
  readonly toBlock: number;
  readonly blockRange: number;
}

/** Every log of `address` with `topic0` in `topics`, in chain order, read in ranges of `window.blockRange` blocks. */
export async function readLogs(
  provider: Provider,
  address: string,
  topics: readonly string[],
  window: LogWindow,
): Promise<Log[]> {
  const logs: Log[] = [];
  for (let from = window.fromBlock; from <= window.toBlock; from += window.blockRange) {
    const to = Math.min(window.toBlock, from + window.blockRange - 1);
    logs.push(...(await provider.getLogs({ address, fromBlock: from, toBlock: to, topics: [[...topics]] })));
  }
  return logs.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
}

/**
 * Every operation scheduled on the timelock at `address`, latest scheduling first when an ID was scheduled again
 * after a cancellation. Each operation is the `CallScheduled` events of one transaction with one ID (a batch emits
 * one per call), with the salt from `CallSalt` (emitted when the salt is not zero).
 */
export async function readScheduledOperations(
  provider: Provider,
  address: string,
  window: LogWindow,
): Promise<ScheduledOperation[]> {
  const scheduled = TIMELOCK_INTERFACE.getEvent("CallScheduled")!.topicHash;
  const salted = TIMELOCK_INTERFACE.getEvent("CallSalt")!.topicHash;
  const logs = await readLogs(provider, address, [scheduled, salted], window);
  const byKey = new Map<string, { id: string; calls: TimelockCall[]; predecessor: string; delay: bigint; log: Log }>();
  const salts = new Map<string, string>();
  for (const log of logs) {
    const parsed = TIMELOCK_INTERFACE.parseLog(log);
    if (parsed === null) continue;
    const id = String(parsed.args.id);
    const key = `${id}:${log.transactionHash}`;
    if (parsed.name === "CallSalt") {
      salts.set(key, String(parsed.args.salt));
      continue;
    }
    const entry = byKey.get(key) ?? {
      id,
      calls: [],
      predecessor: String(parsed.args.predecessor),
      delay: BigInt(parsed.args.delay),
      log,
    };
    entry.calls[Number(parsed.args.index)] = {
      target: String(parsed.args.target),
      value: BigInt(parsed.args.value),
      data: String(parsed.args.data),
    };
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .map(([key, entry]) => ({
      id: entry.id,
      calls: entry.calls,
      predecessor: entry.predecessor,
      salt: salts.get(key) ?? ZeroHash,
      delay: entry.delay,
      scheduledBlock: entry.log.blockNumber,
      scheduledTx: entry.log.transactionHash,
    }))
    .reverse();
}

/** Where operation `id` stands on chain now. */
export async function operationStatus(timelock: Contract, id: string): Promise<OperationStatus> {
  const [state, readyAt] = await Promise.all([
    timelock.getFunction("getOperationState")(id) as Promise<bigint>,
    timelock.getFunction("getTimestamp")(id) as Promise<bigint>,
  ]);
  return { state: OPERATION_STATES[Number(state)] ?? "unset", readyAt: BigInt(readyAt) };
}

/** The arguments of `execute` (one call) or `executeBatch` (several) for an operation. */
export function executeArguments(operation: ScheduledOperation): { fn: "execute" | "executeBatch"; args: unknown[] } {
  const { calls, predecessor, salt } = operation;
  if (calls.length === 1) {
    const [call] = calls;
    return { fn: "execute", args: [call!.target, call!.value, call!.data, predecessor, salt] };
  }
  return {
    fn: "executeBatch",
    args: [calls.map((c) => c.target), calls.map((c) => c.value), calls.map((c) => c.data), predecessor, salt],
  };
}
