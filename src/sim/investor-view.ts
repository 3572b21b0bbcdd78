/**
 * The investor's view of a run: the sale price next to what a share paid — yield and IRR so far, payback, the
 * payouts in USD, in BTC and in sats per share, against simply holding BTC — and each investor's own account (what
 * it paid, what it received), with the treasury shown apart. The finance maths come from `src/finance`. Pure.
 */
import { investorCashFlows, irr, paybackDay, yieldPerYear, type IrrResult } from "../finance/index.js";
import { DAYS_PER_YEAR } from "../model/constants.js";
import { SATS_PER_BTC, toWhole, toWholeShares } from "../tokens.js";
import type { DayPlan, PoolTerms } from "./plan.js";
import type { Holding } from "./readback.js";
import { usdPerShare } from "./report.js";

/** One investor's account over the run. */
export interface InvestorAccount {
  label: string;
  address: string;
  /** Day it first wanted to buy. */
  entryDay: number;
  shares: bigint;
  /** USDC base units it paid in the sale. */
  paidUsdc: bigint;
  /** Received (claimed + still claimable), base units. */
  receivedWbtc: bigint;
  receivedUsdc: bigint;
  /** Received in USD: WBTC at the last day's price. */
  receivedUsd: number;
}

/** What the sale price bought and what one share held from day 0 received. */
export interface InvestorView {
  days: number;
  /** USD (USDC at par) per whole share. */
  salePriceUsd: number;
  /** One share held from day 0: payouts in USD at each day's price, and in BTC. */
  perShare: {
    usd: number;
    /** WBTC paid, in sats (mining). */
    wbtcSats: number;
    /** USDC paid, USD (AI). */
    usdc: number;
    /** Every payout in BTC: each day's USD at that day's price. */
    btcEquivalent: number;
  };
  /** Cash yield per year on the sale price, so far. */
  yieldPerYear: number;
  /** IRR so far with the share worth nothing at the end (terminal value 0). */
  irr: IrrResult;
  /** IRR so far with the share sold back at the sale price on the last day. */
  irrResoldAtPrice: IrrResult;
  /** Day the payouts repaid the price, or null. */
  paybackDay: number | null;
  /** The sale price put in BTC on day 0 instead: BTC bought and its USD worth on the last day. */
  holdBtc: { btc: number; endUsd: number };
  btcPrice: { first: number; last: number };
  investors: InvestorAccount[];
  treasury: InvestorAccount;
}

/**
 * The investor's view of the planned (and executed) days. `investors` and `treasury` are the positions read back
 * from the chain; `paid` maps an investor's address to the USDC it paid and the day it arrived.
 */
export function investorView(input: {
  plans: readonly DayPlan[];
  terms: PoolTerms;
  investors: readonly Holding[];
  treasury: Holding;
  paid: ReadonlyMap<string, { paidUsdc: bigint; entryDay: number }>;
}): InvestorView {
  const { plans, terms } = input;
  const salePriceUsd = toWhole(terms.pricePerShare, "usdc");
  const daily = plans.map((plan) =>
    usdPerShare(plan.depositedWbtc, plan.depositedUsdc, plan.supply, plan.result.priceUsd),
  );
  let usd = 0;
  let wbtcSats = 0;
  let usdc = 0;
  let btcEquivalent = 0;
  plans.forEach((plan, d) => {
    usd += daily[d]!;
    if (plan.supply === 0n) return;
    const shares = toWholeShares(plan.supply);
    wbtcSats += Number(plan.depositedWbtc) / shares;
    usdc += toWhole(plan.depositedUsdc, "usdc") / shares;
    btcEquivalent += daily[d]! / plan.result.priceUsd;
  });
  const days = plans.length;
  const first = plans[0]?.result.priceUsd ?? 0;
  const last = plans.at(-1)?.result.priceUsd ?? 0;
  const flows = investorCashFlows(salePriceUsd, daily);
  const resold = Float64Array.from(flows);
  if (resold.length > 1) resold[resold.length - 1]! += salePriceUsd;
  const account = (h: Holding): InvestorAccount => {
    const paid = input.paid.get(h.address);
    const receivedWbtc = h.claimed[0] + h.claimable[0];
    const receivedUsdc = h.claimed[1] + h.claimable[1];
    return {
      label: h.label,
      address: h.address,
      entryDay: paid?.entryDay ?? 0,
      shares: h.shares,
      paidUsdc: paid?.paidUsdc ?? 0n,
      receivedWbtc,
      receivedUsdc,
      receivedUsd: toWhole(receivedWbtc, "wbtc") * last + toWhole(receivedUsdc, "usdc"),
    };
  };
  return {
    days,
    salePriceUsd,
    perShare: { usd, wbtcSats, usdc, btcEquivalent },
    yieldPerYear: salePriceUsd > 0 && days > 0 ? yieldPerYear(usd, salePriceUsd, days / DAYS_PER_YEAR) : 0,
    irr: irr(flows),
    irrResoldAtPrice: irr(resold),
    paybackDay: paybackDay(salePriceUsd, daily),
    holdBtc: { btc: first > 0 ? salePriceUsd / first : 0, endUsd: first > 0 ? (salePriceUsd / first) * last : 0 },
    btcPrice: { first, last },
    investors: input.investors.map(account),
    treasury: account(input.treasury),
  };
}

/** Sats in `btc` BTC (for display). */
export const satsOf = (btc: number): number => btc * Number(SATS_PER_BTC);
