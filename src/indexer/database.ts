/**
 * The index's storage, behind one small interface so that the same indexer and the same queries run on the
 * embedded SQLite database (Node's built-in `node:sqlite`, the default: no server to start) and on PostgreSQL
 * (`DATABASE_URL`). Every statement is parameterized (`$1`, `$2`, …); values are never spliced into SQL.
 */

/** A row as the database returns it: column name → value. */
export type Row = Record<string, unknown>;

/** What the indexer and the queries need from a database. */
export interface Database {
  /** `sqlite` or `postgres`: only the schema's DDL differs between them. */
  readonly dialect: "sqlite" | "postgres";
  /** Where the data lives, for messages (a file path, or the PostgreSQL URL without its password). */
  readonly location: string;
  /** Runs one parameterized statement and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction: all of its statements land, or none. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The part of {@link Database} a transaction body may use. */
export type Queryable = Pick<Database, "query" | "dialect">;

/** Opens the database that `DATABASE_URL` names (a `postgres://` or `postgresql://` URL), else the SQLite file. */
export async function openDatabase(options: { sqlitePath: string; databaseUrl?: string }): Promise<Database> {
  const url = options.databaseUrl?.trim();
  if (url !== undefined && url !== "") {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${redactUrl(url)}"`);
    }
    const { openPostgres } = await import("./postgres.js");
    return openPostgres(url);
  }
  quietSqliteWarning();
  const { openSqlite } = await import("./sqlite.js");
  return openSqlite(options.sqlitePath);
}

/** A URL with its password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** `node:sqlite` warns that it is experimental when first loaded; that line means nothing to a user of the tasks. */
function quietSqliteWarning(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
    const text = warning instanceof Error ? warning.message : String(warning);
    if (/SQLite is an experimental feature/.test(text)) return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}
