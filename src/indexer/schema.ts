/**
 * The index's tables. `events` holds every decoded event once — its primary key is the log's position in the chain
 * (block, log index), and rows are inserted with `ON CONFLICT DO NOTHING` — so replaying a range after a crash
 * never stores an event twice. `blocks` remembers the hash of every block that had an event and of every range's
 * last block, which is how a reorg is found and undone. `meta` holds the cursor and the chain's identity.
 */
import type { Database, Queryable } from "./database.js";

/** Bumped when the tables change: an index of another version is rebuilt. */
export const SCHEMA_VERSION = "1";

const TABLES = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS blocks (number BIGINT PRIMARY KEY, hash TEXT NOT NULL, timestamp BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS events (
     block_number BIGINT NOT NULL,
     log_index INTEGER NOT NULL,
     tx_hash TEXT NOT NULL,
     address TEXT NOT NULL,
     name TEXT NOT NULL,
     k1 TEXT,
     k2 TEXT,
     k3 TEXT,
     args TEXT NOT NULL,
     timestamp BIGINT NOT NULL,
     PRIMARY KEY (block_number, log_index)
   )`,
  `CREATE INDEX IF NOT EXISTS events_by_name ON events (name, block_number, log_index)`,
  `CREATE INDEX IF NOT EXISTS events_by_k1 ON events (k1, name)`,
  `CREATE INDEX IF NOT EXISTS events_by_k2 ON events (k2, name)`,
];

export async function createSchema(db: Database): Promise<void> {
  for (const sql of TABLES) await db.query(sql);
}

/** Removes everything the index holds (a different schema version, or a chain that is not the indexed one). */
export async function clearIndex(tx: Queryable): Promise<void> {
  await tx.query("DELETE FROM events");
  await tx.query("DELETE FROM blocks");
  await tx.query("DELETE FROM meta");
}

export async function readMeta(db: Queryable, key: string): Promise<string | undefined> {
  const rows = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = $1", [key]);
  return rows[0]?.value;
}

export async function writeMeta(db: Queryable, key: string, value: string): Promise<void> {
  await db.query(
    "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    [key, value],
  );
}
