import { writeFile } from "node:fs/promises";
import path from "node:path";

import { UserError } from "../../src/cli/errors.js";
import { statementCsv, statementRows, type TokenMeta } from "../../src/cli/statement.js";
import { selectHolder } from "../../src/connection/accounts.js";
import { firstLine } from "../../src/connection/errors.js";
import { loadHistory } from "./history.js";
import { taskAction, type CommonArguments } from "./run.js";

interface StatementArguments extends CommonArguments {
  account: string;
  out: string;
}

/**
 * `shares statement`: every accrual (a deposit that credited the holder) and every claim, with epoch, source, token,
 * amount and transaction hash, rebuilt from events. CSV on stdout or in `--out`; `--json` prints the rows.
 */
export default taskAction<StatementArguments>(async (args, session) => {
  const out = args.out.trim() === "" ? undefined : path.resolve(args.out);
  const ctx = await session.context();
  const holder = await selectHolder(ctx, args.account);
  const history = await loadHistory(ctx, holder);
  const tokens = new Map<string, TokenMeta>(
    history.tokens.map((token) => [token.address.toLowerCase(), { symbol: token.symbol, decimals: token.decimals }]),
  );
  const blocks = [
    ...new Set([...history.ledger.accruals.map((a) => a.block), ...history.ledger.claims.map((c) => c.block)]),
  ];
  const provider = ctx.connection.ethers.provider;
  const timestamps = new Map<number, bigint>();
  for (const block of blocks) {
    const header = await provider.getBlock(block);
    if (header !== null) timestamps.set(block, BigInt(header.timestamp));
  }
  const rows = statementRows(history.ledger, tokens, timestamps);
  const csv = statementCsv(rows);
  if (out !== undefined) {
    try {
      await writeFile(out, csv);
    } catch (error) {
      throw new UserError(`cannot write --out ${out}: ${firstLine(error)}`);
    }
  }
  const json = { network: ctx.networkName, account: holder, block: history.block, file: out ?? null, rows };
  const text =
    out === undefined
      ? csv.trimEnd()
      : `Wrote ${rows.length} rows (${history.ledger.accruals.length} accruals, ${history.ledger.claims.length} claims) for ${holder} to ${out}`;
  return { text, json };
});
