/**
 * One policy's pool on a path, day by day (path.ts runs one per policy on a shared market):
 * - on day 0 and on the first day of each difficulty epoch the policy may sign AI deals (policies.ts);
 * - the capacity not committed to AI mines (fleet.ts), its fleet renewed by the sustaining reserve on every day it
 *   runs; earning deals earn (deals.ts) and pay their loan instalments and the operator's equity first;
 * - each source's net repays its carried loss, then the operator takes `operatorFee` % of what is left and holders
 *   receive the rest; a negative day pays nothing and carries the loss forward (settlement.ts).
 */
import { DAYS_PER_YEAR, HASHES_PER_EH } from "./constants.js";
import { aiOpexPerDay, aiRevenuePerDay, type Deal, signDeal } from "./deals.js";
import { emptyMiningDay, miningDay } from "./fleet.js";
import type { PathMarket } from "./market.js";
import type { Decision, PathColumns, PolicyName } from "./path-types.js";
import { decide } from "./policies.js";
import type { Scenario } from "./scenario.js";
import { settleInto, type Settlement } from "./settlement.js";
import { aiValuePerMw, dealHorizonDays, miningValuePerMw } from "./valuation.js";

/** The columns a pool records when only the payouts are asked for (analyze's paths). */
export type PayoutColumns = Pick<PathColumns, "priceUsd" | "holdersMiningBtc" | "holdersAiUsd">;

const aiValues = new WeakMap<Scenario, number>();

/** `aiValuePerMw` of a scenario at its discount rate, computed once per scenario object (scenarios are not mutated). */
function aiValueOf(s: Scenario): number {
  let value = aiValues.get(s);
  if (value === undefined) {
    value = aiValuePerMw(s, s.discountRate);
    aiValues.set(s, value);
  }
  return value;
}

/** One policy's pool; `decide(d)` after the market opens day d, `settle(d)` after the network mined it. */
export class PolicyPool {
  readonly decisions: Decision[] = [];

  private readonly s: Scenario;
  private readonly policy: PolicyName;
  private readonly market: PathMarket;
  /** every column (`full`) or only the payout columns */
  private readonly columns: PathColumns | PayoutColumns;
  private readonly full: boolean;
  private readonly deals: Deal[] = [];
  private readonly horizon: number;
  private readonly mining = emptyMiningDay();
  private readonly minedSettled: Settlement = { payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 0 };
  private readonly aiSettled: Settlement = { payoutUsd: 0, operatorFeeUsd: 0, carriedLossUsd: 0 };
  private carriedMining = 0;
  private carriedAi = 0;
  /** years of sustaining reserve paid: the fleet's age in years of renewal (fleet.ts) */
  private fleetYears = 0;
  // Today's capacity and the MW converting or earning AI, from `decide` to `settle`.
  private capacityMw = 0;
  private committed = 0;
  // The two values a decision weighs, asked for only when needed; built once (not one closure per decision).
  private readonly aiValue: () => number;
  private readonly miningValue: () => number;

  constructor(
    s: Scenario,
    policy: PolicyName,
    market: PathMarket,
    columns: { full: PathColumns } | { payouts: PayoutColumns },
  ) {
    this.s = s;
    this.policy = policy;
    this.market = market;
    this.full = "full" in columns;
    this.columns = "full" in columns ? columns.full : columns.payouts;
    this.horizon = dealHorizonDays(s);
    this.aiValue = () => aiValueOf(s);
    this.miningValue = () =>
      miningValuePerMw(s, market.params, market.network, market.price, this.horizon, this.fleetYears);
    // The deal running at the start (capex sunk), then those the policy signs.
    if (s.aiItMwAtStart > 0) {
      this.deals.push(
        signDeal(s, s.aiItMwAtStart * s.itToGrossMw, -s.aiContractAgeAtStartDays - s.conversionLag, true),
      );
    }
  }

  /** Day `day` starts: capacity and commitments, and the policy's decision if `evaluate` (an evaluation day). */
  decide(day: number, evaluate: boolean): void {
    const s = this.s;
    const capacityMw = s.capacityMw + (s.capacityGrowthMwPerYear * day) / DAYS_PER_YEAR;
    let committed = 0;
    const deals = this.deals;
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i]!;
      if (deal.signDay <= day && day < deal.endDay) committed += deal.grossMw;
    }
    if (evaluate) {
      const decision = decide({
        day,
        policy: this.policy,
        capacityMw,
        committedMw: committed,
        blockMw: (s.dealSize / 100) * capacityMw,
        maxAiMw: (s.maxAiShare / 100) * capacityMw,
        aiValue: this.aiValue,
        miningValue: this.miningValue,
      });
      if (decision !== undefined) {
        this.decisions.push(decision);
        if (decision.convertedMw > 0) {
          this.deals.push(signDeal(s, decision.convertedMw, day));
          committed += decision.convertedMw;
        }
      }
    }
    this.capacityMw = capacityMw;
    this.committed = committed;
  }

  /** Day `day` after the network mined it: AI, mining, settlement, and the day's columns. */
  settle(day: number): void {
    const s = this.s;
    const { price, network } = this.market;
    let aiMw = 0;
    let convertingMw = 0;
    let aiRevenue = 0;
    let aiOpex = 0;
    let aiFinancing = 0;
    let aiEquity = 0;
    let aiNet = 0;
    const deals = this.deals;
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i]!;
      if (day < deal.signDay || day >= deal.endDay) continue;
      if (day < deal.earnDay) {
        convertingMw += deal.grossMw;
        continue;
      }
      aiMw += deal.grossMw;
      const revenue = aiRevenuePerDay(s, deal.grossMw, day - deal.earnDay);
      const opex = aiOpexPerDay(s, deal.grossMw, revenue);
      const loan = day < deal.loanEndDay ? deal.loanPaymentUsd : 0;
      const beforeEquity = revenue - opex - loan;
      const equity = beforeEquity > 0 ? Math.min(beforeEquity, deal.equityOwedUsd) : 0;
      deal.equityOwedUsd -= equity;
      aiRevenue += revenue;
      aiOpex += opex;
      aiFinancing += loan;
      aiEquity += equity;
      aiNet += beforeEquity - equity;
    }

    const mining = this.mining;
    const capacityMw = this.capacityMw;
    const miningMw = Math.max(0, capacityMw - this.committed);
    miningDay(mining, s, miningMw, network.btcPerHsDay, price, this.fleetYears);
    if (!mining.shutdown) this.fleetYears += 1 / DAYS_PER_YEAR;
    const miningNet = mining.revenueUsd - mining.powerUsd - mining.opexUsd - mining.depreciationUsd;
    const minedSettled = settleInto(this.minedSettled, miningNet, this.carriedMining, s.operatorFee);
    this.carriedMining = minedSettled.carriedLossUsd;
    const aiSettled = settleInto(this.aiSettled, aiNet, this.carriedAi, s.operatorFee);
    this.carriedAi = aiSettled.carriedLossUsd;

    const payouts = this.columns;
    payouts.priceUsd[day] = price;
    payouts.holdersMiningBtc[day] = minedSettled.payoutUsd / price;
    payouts.holdersAiUsd[day] = aiSettled.payoutUsd;
    if (!this.full) return;
    const c = payouts as PathColumns;
    c.poolHashrateThs[day] = mining.ths;
    c.difficulty[day] = network.difficulty;
    c.networkHashrateEhs[day] = network.hashrate / HASHES_PER_EH;
    c.height[day] = network.height;
    c.hashpriceUsd[day] = network.hashpriceUsd;
    c.feeSharePct[day] = this.market.feeShare * 100;
    c.miningMw[day] = mining.shutdown ? 0 : miningMw;
    c.aiMw[day] = aiMw;
    c.convertingMw[day] = convertingMw;
    c.aiShare[day] = (aiMw + convertingMw) / capacityMw;
    c.capacityMw[day] = capacityMw;
    c.shutdown[day] = mining.shutdown ? 1 : 0;
    c.miningBtc[day] = mining.btc;
    c.miningRevenueUsd[day] = mining.revenueUsd;
    c.miningPowerUsd[day] = mining.powerUsd;
    c.miningOpexUsd[day] = mining.opexUsd;
    c.miningDepreciationUsd[day] = mining.depreciationUsd;
    c.aiRevenueUsd[day] = aiRevenue;
    c.aiOpexUsd[day] = aiOpex;
    c.aiFinancingUsd[day] = aiFinancing;
    c.aiEquityUsd[day] = aiEquity;
    c.operatorFeeUsd[day] = minedSettled.operatorFeeUsd + aiSettled.operatorFeeUsd;
    c.holdersMiningUsd[day] = minedSettled.payoutUsd;
    c.carriedLossMiningUsd[day] = this.carriedMining;
    c.carriedLossAiUsd[day] = this.carriedAi;
  }
}
