/** Where a run's time went: measured by the driver, printed by the benchmark, never written to the outputs. */
import type { Op } from "./plan.js";

/** Where the time went (milliseconds). Never written to daily.csv or summary.json. */
export interface RunStats {
  totalMs: number;
  deployMs: number;
  planMs: number;
  prepareMs: number;
  sendMs: number;
  /** Of `sendMs`: the deposit transactions (the distribution itself). */
  depositMs: number;
  deposits: number;
  journalMs: number;
  otherRpcMs: number;
  verifyMs: number;
  outputMs: number;
  transactions: number;
  /** Days sent by this invocation (not replayed). */
  daysSent: number;
  /** Sending time and count by kind of operation. */
  byKind: Partial<Record<Op["kind"], { count: number; ms: number }>>;
}

export const emptyStats = (): RunStats => ({
  totalMs: 0,
  deployMs: 0,
  planMs: 0,
  prepareMs: 0,
  sendMs: 0,
  depositMs: 0,
  deposits: 0,
  journalMs: 0,
  otherRpcMs: 0,
  verifyMs: 0,
  outputMs: 0,
  transactions: 0,
  daysSent: 0,
  byKind: {},
});

/** Counts one sent transaction of `kind` that took `ms`. */
export function countSend(stats: RunStats, kind: Op["kind"], ms: number): void {
  stats.sendMs += ms;
  stats.transactions += 1;
  if (kind === "deposit") {
    stats.depositMs += ms;
    stats.deposits += 1;
  }
  const byKind = (stats.byKind[kind] ??= { count: 0, ms: 0 });
  byKind.count += 1;
  byKind.ms += ms;
}
