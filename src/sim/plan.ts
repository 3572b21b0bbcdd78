/**
 * The day planner: turns one day of the economic model into the ordered list of on-chain operations that carry
 * it out, and applies each of them to the exact mirror of the pool (`ShadowPool`) as it plans, so that later
 * decisions of the day (who can claim, how much is left to mint) see the earlier ones. Pure and deterministic:
 * no chain access, no clock; planning day 0, 1, 2, … again from the same inputs gives the same operations, which
 * is what lets a crashed run resume (the driver replays the plan and skips what the chain already holds).
 *
 * A day, in order:
 * 1. the reporters post the pool's installed mining hashrate from the v2 model's path (model-day.ts) for the day's clock epoch (`firstEpoch + day`; the first `quorum`
 *    reporters, one submission each);
 * 2. investors buy in the sale — new arrivals, top-ups, and demand left over from earlier days — each buy capped by
 *    the sale's per-buyer cap and by what the fresh report leaves mintable; a buyer takes USDC from the mock
 *    faucet, approves the sale once, and buys;
 * 3. the minter mints the rest of the new backing to the treasury: the supply always equals the highest backing
 *    reported so far (hashrate × sharesPerTHs), so one share is always one TH/s-equivalent claim on revenue, and a
 *    falling report (capacity moved to AI) mints nothing;
 * 4. investors send shares to one another (OTC sales, gifts);
 * 5. the operator receives what the model pays holders that day — mining in WBTC, AI in USDC, rounded down to base
 *    units without stranding the remainders (model-day.ts) — from the mock faucet and deposits it, source 0 and 1,
 *    epoch = day; a zero payout is skipped (the pool refuses `ZeroAmount()`), and a payout on a day with no share
 *    outstanding yet is carried to the first day that has one;
 * 6. investors whose claim day has come claim what they are owed — `claim(token)` when one token is owed,
 *    `claimAll()` when both are, nothing when neither is; the treasury does the same every 30 days.
 */
import type { PathResult, PolicyName, Scenario } from "../model/index.js";
import { createRng, type Rng, type Seed } from "../model/rng.js";
import {
  BEHAVIOUR,
  claimGap,
  createInvestors,
  SHARE_QUANTUM,
  uniformIn,
  uniformInt,
  type Investor,
} from "./investors.js";
import { ShadowPool } from "../pool/index.js";
import { ONE_SHARE, tokenIndex, type PayoutToken } from "../tokens.js";
import { modelDays, modelPath, type ModelDay } from "./model-day.js";

/** One on-chain operation: a single transaction from `from`. */
export type Op =
  | { kind: "report"; from: string; epoch: number; hashrateThs: bigint }
  | { kind: "approve"; from: string; token: PayoutToken; spender: "pool" | "sale" }
  | { kind: "faucet"; from: string; token: PayoutToken; to: string; amount: bigint }
  | { kind: "buy"; from: string; shares: bigint; cost: bigint }
  | { kind: "mint"; from: string; to: string; shares: bigint }
  | { kind: "transfer"; from: string; to: string; shares: bigint }
  | { kind: "deposit"; from: string; token: PayoutToken; amount: bigint; source: 0 | 1; epoch: number }
  | { kind: "claim"; from: string; token: PayoutToken }
  | { kind: "claimAll"; from: string };

/** The pool's and the sale's terms, as deployed. */
export interface PoolTerms {
  /** Share base units per TH/s. */
  sharesPerTHs: bigint;
  /** USDC base units per 1e18 share units. */
  pricePerShare: bigint;
  maxSharesPerBuyer: bigint;
}

/** The accounts that act for the operator. */
export interface Roles {
  /** Reporters that submit each day: the first `quorum` of the oracle's reporters. */
  reporters: readonly string[];
  /** Holds MINTER_ROLE: mints the treasury's shares. */
  minter: string;
  /** Holds DISTRIBUTOR_ROLE: receives the revenue and deposits it. */
  distributor: string;
  /** Receives the sale's proceeds and the shares investors do not buy. */
  treasury: string;
}

/** A planned day: the model's day, the operations, and what they do. */
export interface DayPlan {
  result: ModelDay;
  ops: Op[];
  /** Supply after the day's mints (the supply the day's deposits are shared over). */
  supply: bigint;
  /** Shares sold to investors in the sale, and minted to the treasury. */
  sold: bigint;
  treasuryMinted: bigint;
  buys: number;
  transfers: number;
  claims: number;
  /** Deposited on chain (0 when skipped). */
  depositedWbtc: bigint;
  depositedUsdc: bigint;
  /**
   * Payouts held back at the end of the day because no share existed yet (a pool with no mining hashrate): carried
   * to the next day's deposit; non-zero after the last day only if no share was ever minted.
   */
  undistributedWbtc: bigint;
  undistributedUsdc: bigint;
}

export interface PlannerConfig {
  scenario: Scenario;
  policy: PolicyName;
  seed: Seed;
  days: number;
  holders: number;
  terms: PoolTerms;
  roles: Roles;
  /**
   * The oracle epoch of day 0: the UTC day (`block.timestamp / 86400`) the run starts on. Day d reports epoch
   * `firstEpoch + d`, the clock epoch of its blocks (the oracle accepts only the current or the previous epoch).
   * Default 0 (planning without a chain).
   */
  firstEpoch?: number;
}

/** `⌈a / b⌉` for non-negative bigints. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function quantize(shares: bigint): bigint {
  return (shares / SHARE_QUANTUM) * SHARE_QUANTUM;
}

/** `balance × fraction`, fraction in [0, 1] with 6 decimals, rounded down to micro-shares. */
function fractionOf(balance: bigint, fraction: number): bigint {
  return quantize((balance * BigInt(Math.round(fraction * 1e6))) / 1_000_000n);
}

/** Plans days 0, 1, 2, … in order. */
export class Planner {
  readonly shadow = new ShadowPool();
  readonly investors: readonly Investor[];
  readonly #config: PlannerConfig;
  /** The model's path of the run (v2 `simulatePath`). */
  readonly path: PathResult;
  readonly #days: ModelDay[];
  readonly #rng: Rng;
  #day = 0;
  #poolApproved: Record<PayoutToken, boolean> = { wbtc: false, usdc: false };
  /** Payouts not yet deposited because no share existed yet. */
  #held: Record<PayoutToken, bigint> = { wbtc: 0n, usdc: 0n };

  constructor(config: PlannerConfig) {
    if (config.roles.reporters.length === 0) throw new RangeError("Planner: at least one reporter is needed");
    this.#config = config;
    this.path = modelPath(config.scenario, config.policy, config.seed, config.days);
    this.#days = modelDays(this.path);
    this.#rng = createRng(config.seed, "investors/days");
    this.investors = createInvestors(config.seed, config.holders, config.days);
  }

  /** The next day to plan. */
  get day(): number {
    return this.#day;
  }

  /** Plans the next day and applies it to `shadow`. */
  next(): DayPlan {
    const day = this.#day;
    if (day >= this.#config.days) throw new RangeError(`Planner: the run has ${this.#config.days} days`);
    this.#day += 1;
    const result = this.#days[day]!;
    const { roles, terms } = this.#config;
    const shadow = this.shadow;
    const rng = this.#rng;
    const ops: Op[] = [];
    const plan: DayPlan = {
      result,
      ops,
      supply: 0n,
      sold: 0n,
      treasuryMinted: 0n,
      buys: 0,
      transfers: 0,
      claims: 0,
      depositedWbtc: 0n,
      depositedUsdc: 0n,
      undistributedWbtc: 0n,
      undistributedUsdc: 0n,
    };

    // 1. Hashrate report.
    const hashrateThs = result.hashrateThs;
    const epoch = (this.#config.firstEpoch ?? 0) + day;
    for (const reporter of roles.reporters) ops.push({ kind: "report", from: reporter, epoch, hashrateThs });
    const backing = hashrateThs * terms.sharesPerTHs;
    let available = backing > shadow.supply ? backing - shadow.supply : 0n;

    // 2. Demand: arrivals, top-ups, lapses; then buys in a rotating order.
    const investors = this.investors;
    for (const investor of investors) {
      if (investor.entryDay === day) {
        investor.pendingUsdc += investor.budgetUsdc;
        investor.pendingUntilDay = day + BEHAVIOUR.demandPatienceDays;
      }
      if (investor.entryDay < day && shadow.balanceOf(investor.address) > 0n) {
        if (rng.uniform() < BEHAVIOUR.topUpProbability) {
          const fraction = uniformIn(rng, BEHAVIOUR.topUpFraction);
          investor.pendingUsdc += (investor.budgetUsdc * BigInt(Math.round(fraction * 1e6))) / 1_000_000n;
          investor.pendingUntilDay = day + BEHAVIOUR.demandPatienceDays;
        }
      }
      if (investor.pendingUsdc > 0n && day > investor.pendingUntilDay) investor.pendingUsdc = 0n;
    }
    if (investors.length > 0) {
      const start = uniformInt(rng, investors.length);
      for (let k = 0; k < investors.length; k++) {
        const investor = investors[(start + k) % investors.length]!;
        if (investor.pendingUsdc === 0n) continue;
        const wanted = quantize((investor.pendingUsdc * ONE_SHARE) / terms.pricePerShare);
        const capLeft = terms.maxSharesPerBuyer - investor.purchased;
        if (wanted === 0n || capLeft <= 0n) {
          investor.pendingUsdc = 0n; // less than a micro-share of demand, or capped out: the demand lapses
          continue;
        }
        let shares = wanted < capLeft ? wanted : capLeft;
        if (shares > available) shares = available;
        shares = quantize(shares);
        if (shares === 0n) continue; // sold out today: wait for new backing
        const cost = ceilDiv(shares * terms.pricePerShare, ONE_SHARE);
        ops.push({ kind: "faucet", from: investor.address, token: "usdc", to: investor.address, amount: cost });
        if (!investor.approvedSale) {
          ops.push({ kind: "approve", from: investor.address, token: "usdc", spender: "sale" });
          investor.approvedSale = true;
        }
        ops.push({ kind: "buy", from: investor.address, shares, cost });
        shadow.mint(investor.address, shares);
        investor.purchased += shares;
        investor.paidUsdc += cost;
        investor.pendingUsdc = cost >= investor.pendingUsdc ? 0n : investor.pendingUsdc - cost;
        available -= shares;
        plan.sold += shares;
        plan.buys += 1;
      }
    }

    // 3. The rest of the new backing goes to the treasury.
    if (available > 0n) {
      ops.push({ kind: "mint", from: roles.minter, to: roles.treasury, shares: available });
      shadow.mint(roles.treasury, available);
      plan.treasuryMinted = available;
    }
    plan.supply = shadow.supply;

    // 4. Transfers between investors.
    if (investors.length > 1) {
      for (const investor of investors) {
        const balance = shadow.balanceOf(investor.address);
        if (balance === 0n) continue;
        if (rng.uniform() >= BEHAVIOUR.transferProbability) continue;
        let recipient = uniformInt(rng, investors.length - 1);
        if (recipient >= investor.index) recipient += 1;
        const fraction = uniformIn(rng, BEHAVIOUR.transferFraction);
        const shares = fraction > BEHAVIOUR.transferAllAbove ? balance : fractionOf(balance, fraction);
        if (shares === 0n) continue;
        const to = investors[recipient]!.address;
        ops.push({ kind: "transfer", from: investor.address, to, shares });
        shadow.transfer(investor.address, to, shares);
        plan.transfers += 1;
      }
    }

    // 5. Revenue.
    const deposit = (token: PayoutToken, due: bigint, source: 0 | 1): void => {
      const amount = due + this.#held[token];
      if (amount === 0n) return;
      if (shadow.supply === 0n) {
        this.#held[token] = amount;
        if (token === "wbtc") plan.undistributedWbtc = amount;
        else plan.undistributedUsdc = amount;
        return;
      }
      this.#held[token] = 0n;
      ops.push({ kind: "faucet", from: roles.distributor, token, to: roles.distributor, amount });
      if (!this.#poolApproved[token]) {
        ops.push({ kind: "approve", from: roles.distributor, token, spender: "pool" });
        this.#poolApproved[token] = true;
      }
      ops.push({ kind: "deposit", from: roles.distributor, token, amount, source, epoch: day });
      shadow.deposit(tokenIndex(token), amount, source);
      if (token === "wbtc") plan.depositedWbtc = amount;
      else plan.depositedUsdc = amount;
    };
    deposit("wbtc", result.payoutWbtcSats, 0);
    deposit("usdc", result.payoutUsdcUnits, 1);

    // 6. Claims.
    const claimIfOwed = (address: string): void => {
      const owedWbtc = shadow.claimable(address, 0) > 0n;
      const owedUsdc = shadow.claimable(address, 1) > 0n;
      if (!owedWbtc && !owedUsdc) return;
      if (owedWbtc && owedUsdc) ops.push({ kind: "claimAll", from: address });
      else ops.push({ kind: "claim", from: address, token: owedWbtc ? "wbtc" : "usdc" });
      shadow.claim(address, 0);
      shadow.claim(address, 1);
      plan.claims += 1;
    };
    for (const investor of investors) {
      if (investor.nextClaimDay > day) continue;
      claimIfOwed(investor.address);
      investor.nextClaimDay = day + claimGap(rng, investor.claimEveryDays);
    }
    if (day % BEHAVIOUR.treasuryClaimEveryDays === BEHAVIOUR.treasuryClaimEveryDays - 1) claimIfOwed(roles.treasury);

    return plan;
  }
}
