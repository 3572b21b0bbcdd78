/** The embedded database: one SQLite file through Node's built-in `node:sqlite`, in WAL mode. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";

import type { Database, Queryable, Row } from "./database.js";

/** `$1` → `?1`: SQLite's numbered parameters, so one SQL text serves both databases. */
function numbered(sql: string): string {
  return sql.replace(/\$(\d+)/g, "?$1");
}

export function openSqlite(file: string): Database {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;");
  const statements = new Map<string, ReturnType<DatabaseSync["prepare"]>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(numbered(sql));
      statements.set(sql, statement);
    }
    return statement;
  };
  const query = async <T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> => {
    const statement = prepared(sql);
    const values = params as SQLInputValue[];
    if (/^\s*(select|with)\b/i.test(sql) || /\breturning\b/i.test(sql)) return statement.all(...values) as T[];
    statement.run(...values);
    return [];
  };
  let depth = 0;
  const self: Database = {
    dialect: "sqlite",
    location: file,
    query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      if (depth > 0) return work(self);
      depth += 1;
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(self);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      } finally {
        depth -= 1;
      }
    },
    async close() {
      statements.clear();
      if (db.isOpen) db.close();
    },
  };
  return self;
}
