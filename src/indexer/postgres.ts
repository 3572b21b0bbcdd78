/** The PostgreSQL backend (`DATABASE_URL`), through `pg`: a small pool; transactions hold one client. */
import pg from "pg";

import { redactUrl, type Database, type Queryable, type Row } from "./database.js";

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client that loses its server must not crash the process: the next query reports it instead.
  pool.on("error", () => undefined);
  const client = await pool.connect(); // fails fast, with the server's reason, when the URL is wrong
  client.release();
  const query = async <T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await pool.query(sql, params as unknown[])).rows as T[];
  return {
    dialect: "postgres",
    location: redactUrl(url),
    query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = await pool.connect();
      try {
        await tx.query("BEGIN");
        const result = await work({
          dialect: "postgres",
          query: async <R extends Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query(sql, params as unknown[])).rows as R[],
        });
        await tx.query("COMMIT");
        return result;
      } catch (error) {
        await tx.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        tx.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
