import { existsSync } from "node:fs";
import path from "node:path";

import { UserError } from "../../src/cli/errors.js";
import { openDatabase, redactUrl, type Database } from "../../src/indexer/database.js";
import { Indexer } from "../../src/indexer/indexer.js";
import { poolEventsOf, readEventsAfter, type StoredEvent } from "../../src/indexer/reader.js";
import type { PoolEvent } from "../../src/pool/index.js";
import { type TaskContext } from "../../src/connection/context.js";
import { firstLine } from "../../src/connection/errors.js";
import { note } from "../../src/connection/note.js";

/** Confirmations when none are given: 0 on local chains (they do not reorg by themselves), 12 elsewhere. */
export function defaultConfirmations(ctx: TaskContext): number {
  return ctx.local ? 0 : 12;
}

/** The index's SQLite file for the context's deployment: `cache/dashboard/<deployment>-<chainId>.sqlite`. */
export function defaultIndexPath(ctx: TaskContext): string {
  return path.join(ctx.hre.config.paths.cache, "dashboard", `${ctx.deployment.id}-${ctx.chainId}.sqlite`);
}

/** Opens the index's database (DATABASE_URL, else `file`), as a one-line error when it cannot be opened. */
export async function openIndexDatabase(file: string): Promise<Database> {
  const url = process.env.DATABASE_URL;
  try {
    return await openDatabase({ sqlitePath: file, databaseUrl: url });
  } catch (error) {
    const where = url !== undefined && url.trim() !== "" ? `DATABASE_URL ${redactUrl(url)}` : file;
    throw new UserError(`cannot open the index database ${where}: ${firstLine(error)}`);
  }
}

/**
 * The contracts to follow: the oracle, the pool, the sale, and the timelock the deployment names (followed from the
 * start, so the indexer need not find it in the role grants and read its events again).
 */
export function deploymentAddresses(ctx: TaskContext): string[] {
  const { oracle, pool, sale, timelock } = ctx.deployment;
  return timelock === undefined ? [oracle, pool, sale] : [oracle, pool, sale, timelock];
}

/** An indexer over the context's deployment. */
export function indexerFor(
  ctx: TaskContext,
  db: Database,
  options: { confirmations: number; blockRange: number; pollMs: number },
): Indexer {
  return new Indexer({
    db,
    rpc: ctx.connection.provider,
    chainId: ctx.chainId,
    addresses: deploymentAddresses(ctx),
    fromBlock: ctx.deployment.fromBlock,
    ...options,
  });
}

/** Set to `off` to make the terminal tasks read events from the chain even when an index exists. */
export const INDEX_VARIABLE = "HASHSHARE_INDEX";

const cache = new WeakMap<TaskContext, Promise<{ block: number; events: StoredEvent[] } | undefined>>();

/**
 * Every indexed event of the deployment from the dashboard's index, when one exists for it (its SQLite file, or
 * DATABASE_URL): the index is first brought up to date (only the blocks it lacks are read), then read back, once per
 * task. The events run through the block the index holds completely: the latest block on local chains,
 * `confirmations` under it elsewhere. Undefined when there is no index (or HASHSHARE_INDEX=off): read the chain.
 */
export function indexedEvents(ctx: TaskContext): Promise<{ block: number; events: StoredEvent[] } | undefined> {
  let result = cache.get(ctx);
  if (result === undefined) {
    result = readIndex(ctx);
    cache.set(ctx, result);
  }
  return result;
}

async function readIndex(ctx: TaskContext): Promise<{ block: number; events: StoredEvent[] } | undefined> {
  if (ctx.inProcess || process.env[INDEX_VARIABLE]?.trim().toLowerCase() === "off") return undefined;
  const file = defaultIndexPath(ctx);
  const url = process.env.DATABASE_URL?.trim();
  if ((url === undefined || url === "") && !existsSync(file)) return undefined;
  const db = await openIndexDatabase(file);
  try {
    const indexer = indexerFor(ctx, db, { confirmations: defaultConfirmations(ctx), blockRange: 2000, pollMs: 500 });
    await indexer.open();
    try {
      await indexer.syncOnce();
    } catch (error) {
      throw new UserError(
        `cannot update the index ${db.location} from network ${ctx.networkName}: ${firstLine(error)}`,
      );
    }
    const block = indexer.status.indexed;
    const events = await readEventsAfter(db, -1, -1);
    note(`note: events read from the dashboard's index (${db.dialect} ${db.location}) through block ${block}`);
    return { block, events };
  } finally {
    await db.close();
  }
}

/** The pool's transfers, deposits and claims from the index (see {@link indexedEvents}). */
export async function indexedPoolEvents(ctx: TaskContext): Promise<{ block: number; events: PoolEvent[] } | undefined> {
  const indexed = await indexedEvents(ctx);
  return indexed && { block: indexed.block, events: poolEventsOf(indexed.events, ctx.deployment.pool) };
}
