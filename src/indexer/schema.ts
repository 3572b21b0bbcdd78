/**
 * The index's tables. `events` holds every decoded event once — its primary key is the log's position in the chain
 * (block, log index), and rows are inserted with `ON CONFLICT DO NOTHING` — so replaying a range after a crash
 * never stores an event twice. `blocks` remembers the hash of every block that had an event and of every range's
 * last block, which is how a reorg is found and undone. `meta` holds the cursor and the chain's identity.
 */
import type { Database, Queryable } from "./database.js";

/** Bumped when the tables change: an index of another version is rebuilt. */
export const SCHEMA_VERSION = "2";

/**
 * One B-tree per table: rows are only ever read in chain order (by the primary key), so there is no secondary index
 * to keep up to date on every insert, and on SQLite the events live in their primary key's tree (`WITHOUT ROWID`).
 */
const tables = (dialect: Database["dialect"]): string[] => {
  const clustered = dialect === "sqlite" ? " WITHOUT ROWID" : "";
  return [
    `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS blocks (number BIGINT PRIMARY KEY, hash TEXT NOT NULL, timestamp BIGINT NOT NULL)${clustered}`,
    `CREATE TABLE IF NOT EXISTS events (
       block_number BIGINT NOT NULL,
       log_index INTEGER NOT NULL,
       tx_hash TEXT NOT NULL,
       address TEXT NOT NULL,
       name TEXT NOT NULL,
       args TEXT NOT NULL,
       timestamp BIGINT NOT NULL,
       PRIMARY KEY (block_number, log_index)
     )${clustered}`,
  ];
};

export async function createSchema(db: Database): Promise<void> {
  // An index of another schema version has other columns: its tables go (it is rebuilt from the chain anyway).
  if (await isStale(db)) {
    for (const table of ["events", "blocks", "meta"]) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
  for (const sql of tables(db.dialect)) await db.query(sql);
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

/** True when the database holds an index of another schema version. */
async function isStale(db: Database): Promise<boolean> {
  const exists =
    db.dialect === "sqlite"
      ? await db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
      : await db.query(
          "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'meta'",
        );
  return exists.length > 0 && (await readMeta(db, "schema_version")) !== SCHEMA_VERSION;
}
