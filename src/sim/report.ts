/**
 * The run's ledger as data: one row per day (for daily.csv and the chart) and the per-share amounts the reports
 * print (the policies compared on the same market path are in policy-comparison.ts). Pure: built from the planner's
 * days and the chain's read-back values; no clock, so the same seed gives the same bytes.
 */
import { stringify } from "csv-stringify/sync";

import { formatAmount, formatShares } from "../cli/amount.js";
import { ONE_SHARE, TOKEN_FACTS, toWhole, toWholeShares } from "../tokens.js";
import type { DayPlan } from "./plan.js";

/** Extra decimals kept in per-share amounts. */
export const PER_SHARE_EXTRA_DECIMALS = 6;

/** `amount` per one share (1e18 units) of `supply`, as an exact decimal string with 6 more decimals than the token. */
export function perShare(amount: bigint, supply: bigint, decimals: number): string {
  if (supply === 0n) return "0";
  const scaled = (amount * ONE_SHARE * 10n ** BigInt(PER_SHARE_EXTRA_DECIMALS)) / supply;
  return formatAmount(scaled, decimals + PER_SHARE_EXTRA_DECIMALS);
}

/** USD per share of one day's payouts: mining valued at the day's BTC price. */
export function usdPerShare(wbtcSats: bigint, usdcUnits: bigint, supply: bigint, btcPriceUsd: number): number {
  if (supply === 0n) return 0;
  return payoutUsd(wbtcSats, usdcUnits, btcPriceUsd) / toWholeShares(supply);
}

/** A payout in USD: the WBTC valued at `btcPriceUsd`, the USDC at par. */
export function payoutUsd(wbtcSats: bigint, usdcUnits: bigint, btcPriceUsd: number): number {
  return toWhole(wbtcSats, "wbtc") * btcPriceUsd + toWhole(usdcUnits, "usdc");
}

/** One row of daily.csv. Numbers are rounded to fixed decimals so the file reads well and is byte-stable. */
export interface DailyRow {
  day: number;
  date: string;
  /** the model's columns (v2 `PathColumns`, same names; money in USD unless named BTC, power in gross MW) */
  height: string;
  btcPriceUsd: string;
  difficulty: string;
  networkHashrateEhs: string;
  hashpriceUsdPerPhDay: string;
  feeSharePct: string;
  capacityMw: string;
  miningMw: string;
  aiMw: string;
  convertingMw: string;
  shutdown: number;
  /** what the reporters posted, whole TH/s */
  hashrateThs: string;
  supplyShares: string;
  sharesSold: string;
  sharesToTreasury: string;
  miningBtc: string;
  miningRevenueUsd: string;
  miningPowerUsd: string;
  miningOpexUsd: string;
  miningDepreciationUsd: string;
  aiRevenueUsd: string;
  aiOpexUsd: string;
  aiFinancingUsd: string;
  aiEquityUsd: string;
  operatorFeeUsd: string;
  holdersMiningBtc: string;
  holdersMiningUsd: string;
  holdersAiUsd: string;
  carriedLossMiningUsd: string;
  carriedLossAiUsd: string;
  /** what was deposited on chain, whole tokens */
  depositedWbtc: string;
  depositedUsdc: string;
  wbtcPerShare: string;
  usdcPerShare: string;
  /** one share's payout of the day in USD (WBTC at the day's price) and in BTC (USDC at the day's price) */
  usdPerShare: string;
  btcPerShare: string;
  cumulativeUsdPerShare: string;
  cumulativeBtcPerShare: string;
  buys: number;
  transfers: number;
  claims: number;
  transactions: number;
}

const fixed = (value: number, digits: number): string => value.toFixed(digits);

/** The rows of daily.csv, from the planned (and executed) days in order. */
export function dailyRows(plans: readonly DayPlan[]): DailyRow[] {
  let cumulative = 0;
  let cumulativeBtc = 0;
  const btcDecimals = TOKEN_FACTS.wbtc.decimals;
  return plans.map((plan) => {
    const r = plan.result;
    const usd = usdPerShare(plan.depositedWbtc, plan.depositedUsdc, plan.supply, r.priceUsd);
    const btc = r.priceUsd > 0 ? usd / r.priceUsd : 0;
    cumulative += usd;
    cumulativeBtc += btc;
    return {
      day: r.day,
      date: r.date,
      height: fixed(r.height, 0),
      btcPriceUsd: fixed(r.priceUsd, 2),
      difficulty: fixed(r.difficulty, 0),
      networkHashrateEhs: fixed(r.networkHashrateEhs, 3),
      hashpriceUsdPerPhDay: fixed(r.hashpriceUsd, 4),
      feeSharePct: fixed(r.feeSharePct, 4),
      capacityMw: fixed(r.capacityMw, 4),
      miningMw: fixed(r.miningMw, 4),
      aiMw: fixed(r.aiMw, 4),
      convertingMw: fixed(r.convertingMw, 4),
      shutdown: r.shutdown,
      hashrateThs: r.hashrateThs.toString(),
      supplyShares: formatShares(plan.supply),
      sharesSold: formatShares(plan.sold),
      sharesToTreasury: formatShares(plan.treasuryMinted),
      miningBtc: fixed(r.miningBtc, btcDecimals),
      miningRevenueUsd: fixed(r.miningRevenueUsd, 2),
      miningPowerUsd: fixed(r.miningPowerUsd, 2),
      miningOpexUsd: fixed(r.miningOpexUsd, 2),
      miningDepreciationUsd: fixed(r.miningDepreciationUsd, 2),
      aiRevenueUsd: fixed(r.aiRevenueUsd, 2),
      aiOpexUsd: fixed(r.aiOpexUsd, 2),
      aiFinancingUsd: fixed(r.aiFinancingUsd, 2),
      aiEquityUsd: fixed(r.aiEquityUsd, 2),
      operatorFeeUsd: fixed(r.operatorFeeUsd, 2),
      holdersMiningBtc: fixed(r.holdersMiningBtc, btcDecimals),
      holdersMiningUsd: fixed(r.holdersMiningUsd, 2),
      holdersAiUsd: fixed(r.holdersAiUsd, 2),
      carriedLossMiningUsd: fixed(r.carriedLossMiningUsd, 2),
      carriedLossAiUsd: fixed(r.carriedLossAiUsd, 2),
      depositedWbtc: formatAmount(plan.depositedWbtc, btcDecimals),
      depositedUsdc: formatAmount(plan.depositedUsdc, TOKEN_FACTS.usdc.decimals),
      wbtcPerShare: perShare(plan.depositedWbtc, plan.supply, btcDecimals),
      usdcPerShare: perShare(plan.depositedUsdc, plan.supply, TOKEN_FACTS.usdc.decimals),
      usdPerShare: fixed(usd, 8),
      btcPerShare: fixed(btc, 12),
      cumulativeUsdPerShare: fixed(cumulative, 8),
      cumulativeBtcPerShare: fixed(cumulativeBtc, 12),
      buys: plan.buys,
      transfers: plan.transfers,
      claims: plan.claims,
      transactions: plan.ops.length,
    };
  });
}

/** daily.csv: a header and one line per day. */
export function dailyCsv(rows: readonly DailyRow[]): string {
  const first = rows[0];
  const columns = first === undefined ? ["day"] : Object.keys(first);
  return stringify(rows as unknown as Record<string, unknown>[], { header: true, columns });
}

/** USD with 2 decimals, as a JSON number that always prints the same. */
export function roundUsd(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
