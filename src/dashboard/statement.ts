/**
 * The investor's statement for tax use, richer than `shares statement`: sale purchases, share transfers in and out,
 * accruals (what each deposit credited) and claims, each dated, with the token's USD price and the USD value at
 * that time.
 */
import { stringify } from "csv-stringify/sync";
import { ZeroAddress } from "ethers";

import { formatAmount } from "../cli/amount.js";
import { sourceName } from "../cli/source.js";
import { usdPerUnit } from "./prices.js";
import { tokenOf, type ViewContext } from "./investor.js";

export const STATEMENT_COLUMNS = [
  "date",
  "block",
  "tx_hash",
  "type",
  "token",
  "source",
  "epoch",
  "amount",
  "shares",
  "counterparty",
  "usd_price",
  "usd_value",
] as const;

type Row = Record<(typeof STATEMENT_COLUMNS)[number], string>;

export function statementRows(ctx: ViewContext, holder: string): Row[] {
  const { state, prices } = ctx;
  const facts = state.facts;
  const key = holder.toLowerCase();
  const ledger = state.ledger(holder);
  const entries: Array<{ block: number; logIndex: number; row: Row }> = [];
  const when = (block: number) => state.blockTimes.get(block) ?? ctx.now;
  const base = (block: number, txHash: string) => ({
    date: new Date(when(block) * 1000).toISOString().replace(".000Z", "Z"),
    block: String(block),
    tx_hash: txHash,
  });
  const valued = (symbol: string, decimals: number, amount: bigint, block: number) => {
    const price = usdPerUnit(prices, symbol, when(block));
    return price === undefined
      ? { usd_price: "", usd_value: "" }
      : { usd_price: String(price), usd_value: (Number(formatAmount(amount, decimals)) * price).toFixed(2) };
  };
  const shares = (value: bigint) => formatAmount(value, facts.pool.decimals);
  const pay = facts.sale.paymentToken;
  const purchaseTxs = new Set<string>();
  for (const p of state.purchases) {
    if (String(p.args.buyer).toLowerCase() !== key) continue;
    purchaseTxs.add(p.txHash);
    const cost = BigInt(String(p.args.cost));
    entries.push({
      block: p.block,
      logIndex: p.logIndex,
      row: {
        ...base(p.block, p.txHash),
        type: "purchase",
        token: pay.symbol,
        source: "",
        epoch: "",
        amount: `-${formatAmount(cost, pay.decimals)}`,
        shares: shares(BigInt(String(p.args.shares))),
        counterparty: facts.sale.address,
        ...valued(pay.symbol, pay.decimals, cost, p.block),
      },
    });
  }
  const transfers = [
    ...state.shared.filter((e) => e.kind === "transfer" && e.to.toLowerCase() === key),
    ...(state.own.get(key) ?? []),
  ];
  for (const t of transfers) {
    if (t.kind !== "transfer" || purchaseTxs.has(t.txHash)) continue;
    const incoming = t.to.toLowerCase() === key;
    const mint = t.from === ZeroAddress;
    entries.push({
      block: t.block,
      logIndex: t.logIndex,
      row: {
        ...base(t.block, t.txHash),
        type: mint ? "mint" : incoming ? "transfer_in" : "transfer_out",
        token: facts.pool.symbol,
        source: "",
        epoch: "",
        amount: "",
        shares: `${incoming ? "" : "-"}${shares(t.value)}`,
        counterparty: incoming ? t.from : t.to,
        usd_price: "",
        usd_value: "",
      },
    });
  }
  for (const a of ledger.accruals) {
    const token = tokenOf(state, a.token);
    entries.push({
      block: a.block,
      logIndex: a.logIndex,
      row: {
        ...base(a.block, a.txHash),
        type: "accrual",
        token: token.symbol,
        source: sourceName(a.source),
        epoch: a.epoch.toString(),
        amount: formatAmount(a.amount, token.decimals),
        shares: shares(a.balance),
        counterparty: facts.pool.address,
        ...valued(token.symbol, token.decimals, a.amount, a.block),
      },
    });
  }
  for (const c of ledger.claims) {
    const token = tokenOf(state, c.token);
    entries.push({
      block: c.block,
      logIndex: c.logIndex,
      row: {
        ...base(c.block, c.txHash),
        type: "claim",
        token: token.symbol,
        source: c.parts.map((p) => sourceName(p.source)).join("+"),
        epoch: c.parts.length === 0 ? "" : `${c.parts[0]!.firstEpoch}-${c.parts[c.parts.length - 1]!.lastEpoch}`,
        amount: formatAmount(c.amount, token.decimals),
        shares: "",
        counterparty: c.recipient,
        ...valued(token.symbol, token.decimals, c.amount, c.block),
      },
    });
  }
  entries.sort((x, y) => x.block - y.block || x.logIndex - y.logIndex);
  return entries.map((e) => e.row);
}

export function statementCsv(ctx: ViewContext, holder: string): string {
  return stringify(statementRows(ctx, holder), { header: true, columns: [...STATEMENT_COLUMNS] });
}
