import path from "node:path";

import { UserError } from "../../src/cli/errors.js";
import { openDatabase, redactUrl, type Database } from "../../src/indexer/database.js";
import { Indexer } from "../../src/indexer/indexer.js";
import { firstLine, type TaskContext } from "./context.js";

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
    addresses: [ctx.deployment.oracle, ctx.deployment.pool, ctx.deployment.sale],
    fromBlock: ctx.deployment.fromBlock,
    ...options,
  });
}
