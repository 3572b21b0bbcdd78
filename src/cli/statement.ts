import { stringify } from "csv-stringify/sync";

import { formatAmount } from "./amount.js";
import type { HolderLedger } from "../pool/index.js";
import { formatTimestamp } from "./output.js";
import { sourceName } from "./source.js";

/** Symbol and decimals of a payout token, keyed by lowercase address where used. */
export interface TokenMeta {
  readonly symbol: string;
  readonly decimals: number;
}

/** One statement line. `amount` is in whole token units, exact. */
export interface StatementRow {
  readonly date: string;
  readonly block: number;
  readonly type: "accrual" | "claim";
  /** The deposit's epoch; for a claim, the epochs (first-last) whose accruals it paid out. */
  readonly epoch: string;
  readonly source: string;
  readonly token: string;
  readonly amount: string;
  readonly txHash: string;
}

export const STATEMENT_COLUMNS = ["date", "block", "type", "epoch", "source", "token", "amount", "tx_hash"] as const;

/**
 * The statement of a holder: one row per accrual (a deposit that credited them) and one row per source of each
 * claim (claims are split across sources oldest accrual first), in chain order. `timestamps` maps block numbers to
 * their unix time; tokens missing from `tokens` are shown by address with 0 decimals.
 */
export function statementRows(
  ledger: HolderLedger,
  tokens: ReadonlyMap<string, TokenMeta>,
  timestamps: ReadonlyMap<number, bigint>,
): StatementRow[] {
  const meta = (token: string): TokenMeta => tokens.get(token.toLowerCase()) ?? { symbol: token, decimals: 0 };
  const date = (block: number): string => {
    const time = timestamps.get(block);
    return time === undefined ? "" : formatTimestamp(time);
  };
  const entries: Array<{ block: number; logIndex: number; order: number; row: StatementRow }> = [];
  for (const accrual of ledger.accruals) {
    const token = meta(accrual.token);
    entries.push({
      block: accrual.block,
      logIndex: accrual.logIndex,
      order: 0,
      row: {
        date: date(accrual.block),
        block: accrual.block,
        type: "accrual",
        epoch: accrual.epoch.toString(),
        source: sourceName(accrual.source),
        token: token.symbol,
        amount: formatAmount(accrual.amount, token.decimals),
        txHash: accrual.txHash,
      },
    });
  }
  for (const claim of ledger.claims) {
    const token = meta(claim.token);
    const parts = claim.parts.map((part) => ({
      epoch: part.firstEpoch === part.lastEpoch ? `${part.firstEpoch}` : `${part.firstEpoch}-${part.lastEpoch}`,
      source: sourceName(part.source),
      amount: part.amount,
    }));
    if (claim.unattributed > 0n) parts.push({ epoch: "", source: "", amount: claim.unattributed });
    parts.forEach((part, order) =>
      entries.push({
        block: claim.block,
        logIndex: claim.logIndex,
        order,
        row: {
          date: date(claim.block),
          block: claim.block,
          type: "claim",
          epoch: part.epoch,
          source: part.source,
          token: token.symbol,
          amount: formatAmount(part.amount, token.decimals),
          txHash: claim.txHash,
        },
      }),
    );
  }
  entries.sort((a, b) => a.block - b.block || a.logIndex - b.logIndex || a.order - b.order);
  return entries.map((entry) => entry.row);
}

/** The rows as CSV with a header line (RFC 4180 quoting). */
export function statementCsv(rows: readonly StatementRow[]): string {
  return stringify(
    rows.map((row) => [row.date, row.block, row.type, row.epoch, row.source, row.token, row.amount, row.txHash]),
    { header: true, columns: [...STATEMENT_COLUMNS] },
  );
}
