/** Reading the index back: its events in chain order, the cursor, and the pool's events as the ledger replays them. */
import type { ClaimEvent, DepositEvent, PoolEvent, TransferEvent } from "../pool/index.js";
import type { EventArgs } from "./abi.js";
import type { Database } from "./database.js";
import { readMeta } from "./schema.js";

/** One stored event. */
export interface StoredEvent {
  readonly block: number;
  readonly logIndex: number;
  readonly txHash: string;
  /** Checksummed address of the contract that emitted it. */
  readonly address: string;
  readonly name: string;
  readonly args: EventArgs;
  /** Block timestamp, seconds. */
  readonly timestamp: number;
}

interface EventRow extends Record<string, unknown> {
  block_number: unknown;
  log_index: unknown;
  tx_hash: string;
  address: string;
  name: string;
  args: string;
  timestamp: unknown;
}

const toEvent = (row: EventRow): StoredEvent => ({
  block: Number(row.block_number),
  logIndex: Number(row.log_index),
  txHash: row.tx_hash,
  address: row.address,
  name: row.name,
  args: JSON.parse(row.args) as EventArgs,
  timestamp: Number(row.timestamp),
});

/** Every stored event after position (block, logIndex), in chain order. */
export async function readEventsAfter(db: Database, block: number, logIndex: number): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(
    "SELECT block_number, log_index, tx_hash, address, name, args, timestamp FROM events WHERE block_number > $1 OR (block_number = $1 AND log_index > $2) ORDER BY block_number, log_index",
    [block, logIndex],
  );
  return rows.map(toEvent);
}

/** The last block the index holds completely (-1 when it holds none), or undefined for an empty database. */
export async function indexedThrough(db: Database): Promise<number | undefined> {
  const next = await readMeta(db, "next_block");
  return next === undefined ? undefined : Number(next) - 1;
}

/** The pool's share transfers, deposits and claims, as {@link buildHolderLedger} replays them. */
export function poolEventsOf(events: readonly StoredEvent[], pool: string): PoolEvent[] {
  const result: PoolEvent[] = [];
  const me = pool.toLowerCase();
  for (const e of events) {
    if (e.address.toLowerCase() !== me) continue;
    const position = { block: e.block, logIndex: e.logIndex, txHash: e.txHash };
    const a = e.args;
    if (e.name === "Transfer") {
      result.push({
        kind: "transfer",
        ...position,
        from: String(a.from),
        to: String(a.to),
        value: BigInt(String(a.value)),
      } satisfies TransferEvent);
    } else if (e.name === "RevenueDeposited") {
      result.push({
        kind: "deposit",
        ...position,
        token: String(a.token),
        source: Number(a.source),
        epoch: BigInt(String(a.epoch)),
        amount: BigInt(String(a.amount)),
      } satisfies DepositEvent);
    } else if (e.name === "RevenueClaimed") {
      result.push({
        kind: "claim",
        ...position,
        account: String(a.account),
        token: String(a.token),
        recipient: String(a.recipient),
        amount: BigInt(String(a.amount)),
      } satisfies ClaimEvent);
    }
  }
  return result;
}
