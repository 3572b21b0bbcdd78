/**
 * Follows a HashShare deployment's contracts and stores their events (see ./abi.ts) in a {@link Database}.
 *
 * - Bounded: logs are read `blockRange` blocks at a time; the next two ranges are fetched while the current one is
 *   stored.
 * - Atomic and resumable: each range's events and the cursor move in one transaction, so a kill at any point leaves
 *   the index at the end of a range; the next start resumes there. Events are keyed by (block, log index) and
 *   inserted with `ON CONFLICT DO NOTHING`: never stored twice.
 * - Confirmations: only blocks `confirmations` deep are read (0 on development chains, 12 by default elsewhere).
 * - Reorgs: before each pass the hash of the last indexed block is compared with the chain's; on a mismatch the
 *   indexer walks back through the remembered hashes (every range's last block, and the blocks with events near the
 *   head) to the newest block the chain still has, deletes everything after it in one transaction and reads forward
 *   again. A restarted development node (same addresses, new chain) is the same case: nothing matches, so the index
 *   is rebuilt.
 * - Timelocks: a contract that receives `DEFAULT_ADMIN_ROLE` of one of the followed contracts is followed too
 *   (its `CallScheduled`, `CallExecuted`, `Cancelled` events), from the deployment's first block.
 * - Never crashes on a dead RPC: {@link Indexer.run} retries with exponential backoff and reports the error in
 *   {@link Indexer.status} (the dashboard shows it as a banner).
 */
import { EventEmitter } from "node:events";

import { ZeroHash, getAddress } from "ethers";

import { decodeLog, indexedTopics } from "./abi.js";
import type { Database, Queryable } from "./database.js";
import { blockNumber, getLogs, header, isContract, type Header, type RawLog, type Rpc } from "./rpc.js";
import { SCHEMA_VERSION, clearIndex, createSchema, readMeta, writeMeta } from "./schema.js";

export interface IndexerOptions {
  readonly db: Database;
  readonly rpc: Rpc;
  readonly chainId: bigint;
  /** The oracle, the pool and the sale (and any timelock the deployment names). */
  readonly addresses: readonly string[];
  /** The deployment's first block: nothing before it is read. */
  readonly fromBlock: number;
  readonly confirmations: number;
  readonly blockRange: number;
  /** Between passes when caught up. */
  readonly pollMs: number;
  /** Longest wait between retries after an RPC error. */
  readonly maxBackoffMs?: number;
  /** Blocks under the head whose hashes are kept when they have events (default {@link RECENT_BLOCKS}). */
  readonly recentBlocks?: number;
}

/** What the dashboard shows about the indexer. */
export interface IndexerStatus {
  /** Latest block the node reported. */
  chainHead: number | undefined;
  /** Last block indexed (-1 before the first). */
  indexed: number;
  /** Timestamp of the last indexed range's last block (seconds). */
  indexedTimestamp: number | undefined;
  rpcOk: boolean;
  lastError: string | undefined;
  /** Reorgs undone since start. */
  reorgs: number;
}

/**
 * How near the head a block with events must be for its hash to be kept (beside every range's last block): a reorg
 * is undone to the newest kept block the chain still has, so near the head, where reorgs happen, that is the fork
 * point itself; deep in a backfill a range's last block is close enough (a row per block there only costs time).
 */
const RECENT_BLOCKS = 256;

/** Ranges requested ahead of the one being stored. */
const PREFETCH = 2;

/** One range's logs and its last block's header. */
interface FetchedRange {
  readonly from: number;
  readonly to: number;
  readonly logs: RawLog[];
  readonly tip: Header;
}

const NEXT_BLOCK = "next_block";
const TIP_HASH = "tip_hash";
const TIP_TIMESTAMP = "tip_timestamp";
const FOLLOWED = "followed";
const IDENTITY = "identity";
const VERSION = "schema_version";

export class Indexer extends EventEmitter<{ progress: [IndexerStatus]; reorg: [number]; status: [IndexerStatus] }> {
  readonly #o: IndexerOptions;
  readonly #topics = indexedTopics();
  #followed: string[] = [];
  readonly status: IndexerStatus = {
    chainHead: undefined,
    indexed: -1,
    indexedTimestamp: undefined,
    rpcOk: true,
    lastError: undefined,
    reorgs: 0,
  };

  constructor(options: IndexerOptions) {
    super();
    this.#o = options;
  }

  /** Creates the tables, and clears an index made by another schema version or for another deployment. */
  async open(): Promise<void> {
    const { db } = this.#o;
    await createSchema(db);
    const identity = JSON.stringify({ chainId: this.#o.chainId.toString(), addresses: this.#baseAddresses() });
    await db.transaction(async (tx) => {
      if ((await readMeta(tx, VERSION)) !== SCHEMA_VERSION || (await readMeta(tx, IDENTITY)) !== identity) {
        await clearIndex(tx);
        await writeMeta(tx, VERSION, SCHEMA_VERSION);
        await writeMeta(tx, IDENTITY, identity);
        await writeMeta(tx, NEXT_BLOCK, String(this.#o.fromBlock));
        await writeMeta(tx, FOLLOWED, JSON.stringify(this.#baseAddresses()));
      }
    });
    this.#followed = JSON.parse((await readMeta(db, FOLLOWED)) ?? "[]") as string[];
    const next = Number(await readMeta(db, NEXT_BLOCK));
    this.status.indexed = next - 1;
    const tipTimestamp = await readMeta(db, TIP_TIMESTAMP);
    this.status.indexedTimestamp = tipTimestamp === undefined ? undefined : Number(tipTimestamp);
  }

  #baseAddresses(): string[] {
    return [...new Set(this.#o.addresses.map((a) => getAddress(a)))].sort();
  }

  /** The addresses whose events are indexed (the deployment's contracts and the timelocks found). */
  get followed(): readonly string[] {
    return this.#followed;
  }

  readonly #addresses = new Map<string, string>();
  /** A log's emitter, checksummed (the few followed contracts, remembered). */
  #checksummed(address: string): string {
    let result = this.#addresses.get(address);
    if (result === undefined) {
      result = getAddress(address);
      this.#addresses.set(address, result);
    }
    return result;
  }

  /** One pass: undo a reorg if there was one, then index every confirmed block. Returns the blocks indexed. */
  async syncOnce(): Promise<number> {
    const { db, rpc } = this.#o;
    if (this.#followed.length === 0) await this.open();
    const head = await blockNumber(rpc);
    this.status.chainHead = head;
    await this.#checkReorg();
    const safe = head - this.#o.confirmations;
    let next = Number(await readMeta(db, NEXT_BLOCK));
    const start = next;
    // Ranges requested ahead, in order: the node reads the next ones while this process stores the current one.
    const queue: Array<Promise<FetchedRange>> = [];
    let requested = next;
    const requestAhead = () => {
      while (queue.length < PREFETCH && requested <= safe) {
        const to = Math.min(safe, requested + this.#o.blockRange - 1);
        const fetched = this.#fetch(requested, to);
        fetched.catch(() => undefined); // awaited in turn; a failure is reported then
        queue.push(fetched);
        requested = to + 1;
      }
    };
    requestAhead();
    while (queue.length > 0) {
      const range = await queue.shift()!;
      requestAhead();
      const added = await this.#store(range);
      if (added.length > 0) {
        // A new timelock: read its events from the start, then store this range again — which records the timelock
        // as followed and moves the cursor in one transaction, so that a kill during the backfill redoes it.
        this.#followed = [...this.#followed, ...added].sort();
        await this.#backfill(added, range.to);
        await this.#store(range);
        // The ranges requested before the timelock was known: add the timelock's logs of those ranges.
        for (const [i, ahead] of queue.entries()) {
          const completed = ahead.then(async (r) => withLogsOf(r, await this.#fetch(r.from, r.to, added)));
          completed.catch(() => undefined);
          queue[i] = completed;
        }
      }
      next = range.to + 1;
      this.status.indexed = range.to;
      this.status.indexedTimestamp = range.tip.timestamp;
      this.emit("progress", this.status);
    }
    return next - start;
  }

  async #fetch(from: number, to: number, addresses = this.#followed): Promise<FetchedRange> {
    const { rpc } = this.#o;
    const [logs, tip] = await Promise.all([getLogs(rpc, addresses, this.#topics, from, to), header(rpc, to)]);
    if (tip === undefined) throw new Error(`the node has no block ${to} any more (reorg in progress)`);
    return { from, to, logs, tip };
  }

  /** Stores one range and moves the cursor past it; returns the timelocks it revealed. */
  async #store(range: { to: number; logs: RawLog[]; tip: Header }, moveCursor = true): Promise<string[]> {
    const { db, rpc } = this.#o;
    const timestamps = await this.#timestamps(range.logs);
    const rows: unknown[][] = [];
    const blocks = new Map<number, string>([[range.tip.number, range.tip.hash]]);
    const candidates: string[] = [];
    for (const log of range.logs) {
      if (log.removed === true) continue;
      const decoded = decodeLog(log.topics, log.data);
      if (decoded === undefined) continue;
      const number = Number(BigInt(log.blockNumber));
      if (number > (this.status.chainHead ?? 0) - (this.#o.recentBlocks ?? RECENT_BLOCKS)) {
        blocks.set(number, log.blockHash);
      }
      const { args } = decoded;
      rows.push([
        number,
        Number(BigInt(log.logIndex)),
        log.transactionHash,
        this.#checksummed(log.address),
        decoded.name,
        JSON.stringify(args),
        timestamps.get(number) ?? range.tip.timestamp,
      ]);
      if (decoded.name === "RoleGranted" && args.role === ZeroHash) candidates.push(getAddress(String(args.account)));
    }
    const unknown = [...new Set(candidates)].filter((candidate) => !this.#followed.includes(candidate));
    const contracts = await Promise.all(unknown.map((candidate) => isContract(rpc, candidate)));
    const added = unknown.filter((_, i) => contracts[i]);
    await db.transaction(async (tx) => {
      await insertRows(tx, EVENTS_INSERT, rows);
      await insertRows(
        tx,
        BLOCKS_UPSERT,
        [...blocks].map(([number, hash]) => [
          number,
          hash,
          timestamps.get(number) ?? (number === range.tip.number ? range.tip.timestamp : 0),
        ]),
      );
      // A range that reveals a timelock is committed only after the timelock's backfill (see syncOnce).
      if (moveCursor && added.length === 0) {
        await writeMeta(tx, FOLLOWED, JSON.stringify(this.#followed));
        await writeMeta(tx, NEXT_BLOCK, String(range.to + 1));
        await writeMeta(tx, TIP_HASH, range.tip.hash);
        await writeMeta(tx, TIP_TIMESTAMP, String(range.tip.timestamp));
      }
    });
    return added;
  }

  /** Reads the events of newly followed `addresses` from the deployment's first block to `to`. */
  async #backfill(addresses: string[], to: number): Promise<void> {
    for (let from = this.#o.fromBlock; from <= to; from += this.#o.blockRange) {
      const range = await this.#fetch(from, Math.min(to, from + this.#o.blockRange - 1), addresses);
      await this.#store(range, false);
    }
  }

  /** Block timestamps of the logs: from the logs themselves when the node gives them, else from the headers. */
  async #timestamps(logs: RawLog[]): Promise<Map<number, number>> {
    const result = new Map<number, number>();
    const missing = new Set<number>();
    for (const log of logs) {
      const number = Number(BigInt(log.blockNumber));
      if (log.blockTimestamp !== undefined) result.set(number, Number(BigInt(log.blockTimestamp)));
      else missing.add(number);
    }
    const numbers = [...missing];
    for (let i = 0; i < numbers.length; i += 20) {
      const headers = await Promise.all(numbers.slice(i, i + 20).map((n) => header(this.#o.rpc, n)));
      for (const h of headers) if (h !== undefined) result.set(h.number, h.timestamp);
    }
    return result;
  }

  /** Compares the last indexed block with the chain; on a mismatch, rolls back to the newest common block. */
  async #checkReorg(): Promise<void> {
    const { db, rpc } = this.#o;
    const next = Number(await readMeta(db, NEXT_BLOCK));
    const tipHash = await readMeta(db, TIP_HASH);
    if (next <= this.#o.fromBlock || tipHash === undefined) return;
    if ((await header(rpc, next - 1))?.hash === tipHash) return;
    let ancestor = this.#o.fromBlock - 1;
    let ancestorHeader: Header | undefined;
    let below = next;
    search: for (;;) {
      const stored = await db.query<{ number: unknown; hash: string }>(
        "SELECT number, hash FROM blocks WHERE number < $1 ORDER BY number DESC LIMIT 64",
        [below],
      );
      if (stored.length === 0) break;
      for (const row of stored) {
        const number = Number(row.number);
        const onChain = await header(rpc, number);
        if (onChain?.hash === row.hash) {
          ancestor = number;
          ancestorHeader = onChain;
          break search;
        }
        below = number;
      }
    }
    await db.transaction(async (tx) => rollback(tx, ancestor, ancestorHeader));
    this.status.indexed = ancestor;
    this.status.indexedTimestamp = ancestorHeader?.timestamp;
    this.status.reorgs += 1;
    this.emit("reorg", ancestor);
  }

  /**
   * Indexes until `signal` aborts: a pass, then a wait of `pollMs`. An error (a dead RPC, a reorg under way) is
   * reported in {@link status} and retried with exponential backoff; it never ends the loop.
   */
  async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.syncOnce();
        if (!this.status.rpcOk || this.status.lastError !== undefined) {
          this.status.rpcOk = true;
          this.status.lastError = undefined;
          this.emit("status", this.status);
        }
        failures = 0;
        await sleep(this.#o.pollMs, signal);
      } catch (error) {
        failures += 1;
        this.status.rpcOk = false;
        this.status.lastError = error instanceof Error ? error.message.split("\n")[0] : String(error);
        this.emit("status", this.status);
        await sleep(Math.min(this.#o.maxBackoffMs ?? 10_000, 250 * 2 ** Math.min(failures, 10)), signal);
      }
    }
  }
}

const EVENTS_INSERT = {
  head: "INSERT INTO events (block_number, log_index, tx_hash, address, name, args, timestamp) VALUES",
  tail: "ON CONFLICT (block_number, log_index) DO NOTHING",
  columns: 7,
};
const BLOCKS_UPSERT = {
  head: "INSERT INTO blocks (number, hash, timestamp) VALUES",
  tail: "ON CONFLICT (number) DO UPDATE SET hash = excluded.hash, timestamp = excluded.timestamp",
  columns: 3,
};
/** Rows per statement: a few statement texts (prepared once each) carry a whole range. */
const BATCH = 20;
const statements = new Map<string, string>();

/** The parameterized INSERT for `count` rows of `shape`, built once per count. */
function insertSql(shape: typeof EVENTS_INSERT, count: number): string {
  const key = `${shape.head}:${count}`;
  let sql = statements.get(key);
  if (sql === undefined) {
    const placeholders = Array.from(
      { length: count },
      (_, r) => `(${Array.from({ length: shape.columns }, (_, c) => `$${r * shape.columns + c + 1}`).join(", ")})`,
    );
    sql = `${shape.head} ${placeholders.join(", ")} ${shape.tail}`;
    statements.set(key, sql);
  }
  return sql;
}

/** Inserts `rows`, {@link BATCH} to a statement; on events a row already stored is skipped. */
async function insertRows(tx: Queryable, shape: typeof EVENTS_INSERT, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await tx.query(insertSql(shape, chunk.length), chunk.flat());
  }
}

/** `range` with the logs of `extra` (the same blocks, read for other addresses) merged in, in chain order. */
function withLogsOf<R extends { logs: RawLog[] }>(range: R, extra: { logs: RawLog[] }): R {
  const position = (log: RawLog) => [Number(BigInt(log.blockNumber)), Number(BigInt(log.logIndex))] as const;
  const logs = [...range.logs, ...extra.logs].sort((a, b) => {
    const [ab, al] = position(a);
    const [bb, bl] = position(b);
    return ab - bb || al - bl;
  });
  return { ...range, logs };
}

/** Deletes everything after block `ancestor` and points the cursor just past it. */
async function rollback(tx: Queryable, ancestor: number, ancestorHeader: Header | undefined): Promise<void> {
  await tx.query("DELETE FROM events WHERE block_number > $1", [ancestor]);
  await tx.query("DELETE FROM blocks WHERE number > $1", [ancestor]);
  await writeMeta(tx, NEXT_BLOCK, String(ancestor + 1));
  if (ancestorHeader === undefined) {
    await tx.query("DELETE FROM meta WHERE key = $1 OR key = $2", [TIP_HASH, TIP_TIMESTAMP]);
  } else {
    await writeMeta(tx, TIP_HASH, ancestorHeader.hash);
    await writeMeta(tx, TIP_TIMESTAMP, String(ancestorHeader.timestamp));
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
