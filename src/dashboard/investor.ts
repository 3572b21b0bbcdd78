/**
 * The investor view of one address: shares and share of the pool, claimable revenue by token and source (token
 * units and USD), revenue received over time (BTC and USD), the cost of the shares bought in the sale and the return
 * on it, the claimer named, and the statement rows. Built from the projection; the per-source split is the ledger's
 * (claims are per token, attributed to sources oldest accrual first).
 */
import { formatAmount, formatPercent } from "../cli/amount.js";
import { splitClaimable } from "../pool/index.js";
import { sourceName } from "../cli/source.js";
import { usdPerUnit, type PriceBook } from "./prices.js";
import type { PoolState } from "./state.js";
import type { TokenFacts } from "./facts.js";

const YEAR = 365 * 86_400;

/** Whole units as a number: exact division when the amount fits a double exactly, else through the decimal text. */
const units = (value: bigint, decimals: number): number =>
  value <= MAX_EXACT && value >= -MAX_EXACT && decimals <= 22
    ? Number(value) / 10 ** decimals
    : Number(formatAmount(value, decimals));
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const usdOf = (prices: PriceBook, token: TokenFacts, amount: bigint, timestamp: number): number | null => {
  const price = usdPerUnit(prices, token.symbol, timestamp);
  return price === undefined ? null : units(amount, token.decimals) * price;
};
const round = (value: number | null, digits = 2): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export interface ViewContext {
  readonly state: PoolState;
  readonly prices: PriceBook;
  /** The chain's "now": the last indexed block's timestamp. */
  readonly now: number;
  readonly block: number;
}

export function tokenOf(state: PoolState, address: string): TokenFacts {
  const key = address.toLowerCase();
  return state.facts.tokens.find((t) => t.address.toLowerCase() === key) ?? { address, symbol: address, decimals: 0 };
}

const isBtc = (token: TokenFacts): boolean => token.symbol.toUpperCase().includes("BTC");

/** What every holder's accrual from one deposit shares: its token, time, price, epoch and source, as shown. */
interface DepositFacts {
  readonly token: TokenFacts;
  readonly btc: boolean;
  readonly timestamp: number;
  readonly usdPerUnit: number | undefined;
  readonly epoch: string;
  readonly source: string;
}

const depositMemo = new WeakMap<
  PoolState,
  { version: number; prices: PriceBook; byPosition: Map<number, DepositFacts> }
>();

/**
 * The facts of each deposit, computed once per version of the projection (not once per holder and deposit): the
 * per-request work of the investor view is then one lookup per accrual.
 */
function depositFacts(ctx: ViewContext) {
  const { state, prices, now } = ctx;
  let memo = depositMemo.get(state);
  if (memo === undefined || memo.version !== state.version || memo.prices !== prices) {
    memo = { version: state.version, prices, byPosition: new Map() };
    depositMemo.set(state, memo);
  }
  const { byPosition } = memo;
  return {
    of(block: number, logIndex: number, tokenAddress: string, source: number, epoch: bigint): DepositFacts {
      const position = block * 1_000_000 + logIndex;
      let facts = byPosition.get(position);
      if (facts === undefined) {
        const token = tokenOf(state, tokenAddress);
        const timestamp = state.blockTimes.get(block) ?? now;
        facts = {
          token,
          btc: isBtc(token),
          timestamp,
          usdPerUnit: usdPerUnit(prices, token.symbol, timestamp),
          epoch: epoch.toString(),
          source: sourceName(source),
        };
        byPosition.set(position, facts);
      }
      return facts;
    },
  };
}

export function investorView(ctx: ViewContext, holder: string) {
  const { state, prices, now } = ctx;
  const facts = state.facts;
  const ledger = state.ledger(holder);
  const key = holder.toLowerCase();
  const balance = state.balances.get(key) ?? 0n;
  const shareDecimals = facts.pool.decimals;

  const claimable = facts.tokens.map((token) => {
    const totals = ledger.tokens.get(token.address.toLowerCase());
    const amount = totals?.claimable ?? 0n;
    const split = splitClaimable(amount, totals?.unclaimedBySource ?? [0n, 0n]);
    return {
      symbol: token.symbol,
      address: token.address,
      amount: formatAmount(amount, token.decimals),
      usd: round(usdOf(prices, token, amount, now)),
      bySource: Object.fromEntries(
        split.bySource.map((value, source) => [
          sourceName(source),
          { amount: formatAmount(value, token.decimals), usd: round(usdOf(prices, token, value, now)) },
        ]),
      ),
      accrued: formatAmount((totals?.accrued[0] ?? 0n) + (totals?.accrued[1] ?? 0n), token.decimals),
      claimed: formatAmount(totals?.claimed ?? 0n, token.decimals),
    };
  });

  // Revenue received (credited by each deposit), cumulative, in BTC and in USD at the time of each deposit.
  const deposits = depositFacts(ctx);
  let btc = 0;
  let usd = 0;
  let usdKnown = true;
  const received = ledger.accruals.map((accrual) => {
    const deposit = deposits.of(accrual.block, accrual.logIndex, accrual.token, accrual.source, accrual.epoch);
    const { token } = deposit;
    const amount = units(accrual.amount, token.decimals);
    if (deposit.btc) btc += amount;
    if (deposit.usdPerUnit === undefined) usdKnown = false;
    else usd += amount * deposit.usdPerUnit;
    return {
      timestamp: deposit.timestamp,
      epoch: deposit.epoch,
      source: deposit.source,
      symbol: token.symbol,
      amount: formatAmount(accrual.amount, token.decimals),
      cumulativeBtc: Math.round(btc * 1e8) / 1e8,
      cumulativeUsd: usdKnown ? round(usd) : null,
    };
  });

  const bought = state.purchasesBy.get(key) ?? [];
  const pay = facts.sale.paymentToken;
  const shares = bought.reduce((sum, p) => sum + BigInt(String(p.args.shares)), 0n);
  const cost = bought.reduce((sum, p) => sum + BigInt(String(p.args.cost)), 0n);
  const costUsd = bought.reduce(
    (sum, p) => sum + (usdOf(prices, pay, BigInt(String(p.args.cost)), p.timestamp) ?? Number.NaN),
    0,
  );
  const since = bought[0]?.timestamp;
  const receivedUsd = usdKnown ? usd : null;
  const returnPercent = receivedUsd !== null && costUsd > 0 ? (receivedUsd / costUsd) * 100 : null;
  const held = since === undefined ? 0 : now - since;
  const annualPercent = returnPercent !== null && held > 0 ? (returnPercent * YEAR) / held : null;

  return {
    address: holder,
    block: ctx.block,
    timestamp: now,
    shares: formatAmount(balance, shareDecimals),
    totalSupply: formatAmount(state.supply, shareDecimals),
    sharePercent: formatPercent(balance, state.supply),
    symbol: facts.pool.symbol,
    claimer: state.claimers.get(key) ?? null,
    claimable,
    claimableUsd: round(
      claimable.reduce((sum, c) => (sum === null || c.usd === null ? null : sum + c.usd), 0 as number | null),
    ),
    received,
    receivedBtc: Math.round(btc * 1e8) / 1e8,
    receivedUsd: round(receivedUsd),
    sale: {
      shares: formatAmount(shares, shareDecimals),
      cost: formatAmount(cost, pay.decimals),
      costSymbol: pay.symbol,
      costUsd: bought.length === 0 || Number.isNaN(costUsd) ? null : round(costUsd),
      since: since ?? null,
      returnPercent: round(returnPercent),
      annualizedPercent: round(annualPercent),
    },
    pricesSource: prices.source,
  };
}

export type InvestorView = ReturnType<typeof investorView>;
