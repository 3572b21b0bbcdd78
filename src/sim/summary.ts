/**
 * summary.json: the run's arguments, the model's totals, the chain's totals read back, the check between them, what
 * one share received, the investors and the treasury, and the policies side by side. Deterministic: no clock, no
 * addresses, so the same seed gives the same bytes.
 */
import { formatAmount } from "../cli/amount.js";
import { POLICY_NAMES, type PolicyName } from "../model/index.js";
import { ONE_SHARE, TOKEN_FACTS, type PayoutToken } from "../tokens.js";
import type { RunBands } from "./bands.js";
import type { DecisionRow } from "./decisions.js";
import type { PolicyProjection } from "./page.js";
import type { RunArguments } from "./journal.js";
import type { DayPlan, PoolTerms } from "./plan.js";
import { investorJson } from "./investor-report.js";
import type { InvestorView } from "./investor-view.js";
import type { Holding, Readback, TokenReadback } from "./readback.js";
import { PER_SHARE_EXTRA_DECIMALS, roundUsd, type DailyRow } from "./report.js";
import { policyLeader, type PolicyLeader, type PolicyTotals } from "./policy-comparison.js";

type TokenTotalsJson = { mining: string; ai: string; total: string };

/** summary.json (deterministic: no clock, no addresses). */
export interface Summary {
  arguments: RunArguments;
  network: { chainId: string };
  pool: { sharesPerTHs: string; pricePerShareUsdc: string; finalSupply: string };
  model: {
    wbtc: TokenTotalsJson;
    usdc: TokenTotalsJson;
    undistributed: { wbtc: string; usdc: string };
    daysPaid: { wbtc: number; usdc: number };
    /** the model's totals over the run, USD (v2 column names) */
    usd: {
      holdersMining: number;
      holdersAi: number;
      operatorFee: number;
      miningRevenue: number;
      miningPower: number;
      miningOpex: number;
      miningDepreciation: number;
      aiRevenue: number;
      aiOpex: number;
      aiFinancing: number;
      aiEquity: number;
    };
  };
  onChain: {
    totalSupply: string;
    wbtc: {
      totalDeposited: string;
      totalClaimed: string;
      revenueBySource: { mining: string; ai: string };
      outstanding: string;
    };
    usdc: {
      totalDeposited: string;
      totalClaimed: string;
      revenueBySource: { mining: string; ai: string };
      outstanding: string;
    };
  };
  check: { ok: boolean; accountsChecked: number; mismatches: string[] };
  perShare: { wbtc: string; usdc: string; usd: number };
  investors: {
    count: number;
    holding: number;
    shares: string;
    bought: string;
    paidUsdc: string;
    claimed: { wbtc: string; usdc: string };
    claimable: { wbtc: string; usdc: string };
  };
  treasury: { shares: string; claimed: { wbtc: string; usdc: string }; claimable: { wbtc: string; usdc: string } };
  activity: { transactions: number; buys: number; transfers: number; claims: number; deposits: number };
  /** The policies over the run's days, in the pure model on the run's price path. */
  policies: Record<PolicyName, PolicyTotalsJson> & PolicyLeader;
  /**
   * The policies in the pure model on the same seed and price path over `days` ≥ the run (at least five years: AI
   * capacity converted during a short run has not earned yet); the first `onChainDays` are the chain run.
   */
  /** The investor's view: the sale price next to the payouts (see investor-view.ts). */
  investorView: ReturnType<typeof investorJson>;
  /** Each decision of the run's policy: values in USD per gross MW (present values at the scenario's discount rate). */
  decisions: DecisionRow[];
  /** The model's bands beside the on-chain path, at the last sample day (per share of the chain); null without. */
  bands: {
    paths: number;
    day: number;
    usd: { p5: number; p25: number; p50: number; p75: number; p95: number; onChain: number };
    btc: { p5: number; p25: number; p50: number; p75: number; p95: number; onChain: number };
  } | null;
  policyProjection: {
    days: number;
    onChainDays: number;
    usdPer1000Shares: Record<PolicyName, number>;
    policies: Record<PolicyName, PolicyTotalsJson>;
  } & PolicyLeader;
}

type PolicyTotalsJson = { wbtc: string; usdc: string; usd: number; usdPer1000Shares: number };

export function policyTotalsJson(
  totals: Readonly<Record<PolicyName, PolicyTotals>>,
): Record<PolicyName, PolicyTotalsJson> {
  return Object.fromEntries(
    POLICY_NAMES.map((policy) => {
      const t = totals[policy];
      return [
        policy,
        {
          wbtc: t.wbtc.toString(),
          usdc: t.usdc.toString(),
          usd: roundUsd(t.usd),
          usdPer1000Shares: roundUsd(t.usdPerShare * 1000, 4),
        },
      ];
    }),
  ) as Record<PolicyName, PolicyTotalsJson>;
}

export function buildSummary(input: {
  args: RunArguments;
  info: { chainId: bigint };
  plans: readonly DayPlan[];
  rows: readonly DailyRow[];
  readback: Readback;
  policies: Record<PolicyName, PolicyTotals>;
  projection: PolicyProjection;
  terms: PoolTerms;
  view: InvestorView;
  decisions: readonly DecisionRow[];
  bands: RunBands | null;
}): Summary {
  const { plans, readback, policies, projection, terms } = input;
  const sum = (f: (plan: DayPlan) => bigint): bigint => plans.reduce((total, plan) => total + f(plan), 0n);
  const sumNumber = (f: (plan: DayPlan) => number): number => plans.reduce((total, plan) => total + f(plan), 0);
  const modelWbtc = sum((p) => p.result.payoutWbtcSats);
  const modelUsdc = sum((p) => p.result.payoutUsdcUnits);
  // Held back payouts are carried to the next day: only what the last day still holds was never deposited.
  const undistributedWbtc = plans.at(-1)?.undistributedWbtc ?? 0n;
  const undistributedUsdc = plans.at(-1)?.undistributedUsdc ?? 0n;
  const mismatches = [...readback.mismatches];
  // The model's totals, less anything that could not be deposited, must be what the chain holds.
  const [wbtcChain, usdcChain] = readback.tokens;
  if (wbtcChain.totalDeposited !== modelWbtc - undistributedWbtc) {
    mismatches.push(`WBTC: model ${modelWbtc - undistributedWbtc}, chain totalDeposited ${wbtcChain.totalDeposited}`);
  }
  if (usdcChain.totalDeposited !== modelUsdc - undistributedUsdc) {
    mismatches.push(`USDC: model ${modelUsdc - undistributedUsdc}, chain totalDeposited ${usdcChain.totalDeposited}`);
  }
  const lastRow = input.rows.at(-1);
  const investors = readback.investors;
  const add = (f: (h: Holding) => bigint): bigint => investors.reduce((total, h) => total + f(h), 0n);
  const onChainToken = (t: TokenReadback) => ({
    totalDeposited: t.totalDeposited.toString(),
    totalClaimed: t.totalClaimed.toString(),
    revenueBySource: { mining: t.bySource[0].toString(), ai: t.bySource[1].toString() },
    outstanding: (t.totalDeposited - t.totalClaimed).toString(),
  });
  const projected = policyTotalsJson(projection.totals);
  return {
    arguments: input.args,
    network: { chainId: input.info.chainId.toString() },
    pool: {
      sharesPerTHs: terms.sharesPerTHs.toString(),
      pricePerShareUsdc: terms.pricePerShare.toString(),
      finalSupply: readback.supply.toString(),
    },
    model: {
      wbtc: { mining: modelWbtc.toString(), ai: "0", total: modelWbtc.toString() },
      usdc: { mining: "0", ai: modelUsdc.toString(), total: modelUsdc.toString() },
      undistributed: { wbtc: undistributedWbtc.toString(), usdc: undistributedUsdc.toString() },
      daysPaid: {
        wbtc: plans.filter((p) => p.depositedWbtc > 0n).length,
        usdc: plans.filter((p) => p.depositedUsdc > 0n).length,
      },
      usd: {
        holdersMining: roundUsd(sumNumber((p) => p.result.holdersMiningUsd)),
        holdersAi: roundUsd(sumNumber((p) => p.result.holdersAiUsd)),
        operatorFee: roundUsd(sumNumber((p) => p.result.operatorFeeUsd)),
        miningRevenue: roundUsd(sumNumber((p) => p.result.miningRevenueUsd)),
        miningPower: roundUsd(sumNumber((p) => p.result.miningPowerUsd)),
        miningOpex: roundUsd(sumNumber((p) => p.result.miningOpexUsd)),
        miningDepreciation: roundUsd(sumNumber((p) => p.result.miningDepreciationUsd)),
        aiRevenue: roundUsd(sumNumber((p) => p.result.aiRevenueUsd)),
        aiOpex: roundUsd(sumNumber((p) => p.result.aiOpexUsd)),
        aiFinancing: roundUsd(sumNumber((p) => p.result.aiFinancingUsd)),
        aiEquity: roundUsd(sumNumber((p) => p.result.aiEquityUsd)),
      },
    },
    onChain: {
      totalSupply: readback.supply.toString(),
      wbtc: onChainToken(wbtcChain),
      usdc: onChainToken(usdcChain),
    },
    check: { ok: mismatches.length === 0, accountsChecked: readback.accountsChecked, mismatches },
    perShare: {
      wbtc: perShareOverRun(plans, "wbtc"),
      usdc: perShareOverRun(plans, "usdc"),
      usd: Number(lastRow?.cumulativeUsdPerShare ?? 0),
    },
    investors: {
      count: investors.length,
      holding: investors.filter((h) => h.shares > 0n).length,
      shares: add((h) => h.shares).toString(),
      bought: sum((p) => p.sold).toString(),
      paidUsdc: sum((p) => p.ops.reduce((t, op) => (op.kind === "buy" ? t + op.cost : t), 0n)).toString(),
      claimed: { wbtc: add((h) => h.claimed[0]).toString(), usdc: add((h) => h.claimed[1]).toString() },
      claimable: { wbtc: add((h) => h.claimable[0]).toString(), usdc: add((h) => h.claimable[1]).toString() },
    },
    treasury: {
      shares: readback.treasury.shares.toString(),
      claimed: { wbtc: readback.treasury.claimed[0].toString(), usdc: readback.treasury.claimed[1].toString() },
      claimable: { wbtc: readback.treasury.claimable[0].toString(), usdc: readback.treasury.claimable[1].toString() },
    },
    activity: {
      transactions: sumNumber((p) => p.ops.length),
      buys: sumNumber((p) => p.buys),
      transfers: sumNumber((p) => p.transfers),
      claims: sumNumber((p) => p.claims),
      deposits: sumNumber((p) => p.ops.filter((op) => op.kind === "deposit").length),
    },
    policies: { ...policyTotalsJson(policies), ...policyLeader(policies) },
    investorView: investorJson(input.view),
    decisions: input.decisions.map((d) => ({
      ...d,
      convertedMw: roundUsd(d.convertedMw, 4),
      aiValueUsdPerMw: roundUsd(d.aiValueUsdPerMw),
      miningValueUsdPerMw: roundUsd(d.miningValueUsdPerMw),
    })),
    bands: bandsJson(input.bands),
    policyProjection: {
      days: projection.days,
      onChainDays: projection.runDays,
      usdPer1000Shares: Object.fromEntries(
        POLICY_NAMES.map((policy) => [policy, projected[policy].usdPer1000Shares]),
      ) as Record<PolicyName, number>,
      ...projection.leader,
      policies: projected,
    },
  };
}

/** What one share held from day 0 received over the run, per token (exact decimal, per-day rounding summed). */
export function perShareOverRun(plans: readonly DayPlan[], token: PayoutToken): string {
  // Σ amount_d / supply_d, exact in units of 10^-PER_SHARE_EXTRA_DECIMALS base unit per share, then formatted.
  let scaled = 0n;
  for (const plan of plans) {
    const amount = token === "wbtc" ? plan.depositedWbtc : plan.depositedUsdc;
    if (plan.supply === 0n) continue;
    scaled += (amount * ONE_SHARE * 10n ** BigInt(PER_SHARE_EXTRA_DECIMALS)) / plan.supply;
  }
  return formatAmount(scaled, TOKEN_FACTS[token].decimals + PER_SHARE_EXTRA_DECIMALS);
}

/** The bands at their last sample day, for summary.json. */
function bandsJson(bands: RunBands | null): Summary["bands"] {
  if (bands === null) return null;
  const last = (unit: "USD" | "BTC") => {
    const point = bands.points.filter((p) => p.unit === unit).at(-1)!;
    const digits = unit === "USD" ? 6 : 12;
    const r = (value: number): number => roundUsd(value, digits);
    return {
      p5: r(point.p5),
      p25: r(point.p25),
      p50: r(point.p50),
      p75: r(point.p75),
      p95: r(point.p95),
      onChain: r(point.onChain),
    };
  };
  const usd = last("USD");
  return { paths: bands.paths, day: bands.points.at(-1)!.day, usd, btc: last("BTC") };
}
