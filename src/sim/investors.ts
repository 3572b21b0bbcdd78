/**
 * The simulated investors: who they are (stable addresses), how much they want to invest, when they arrive,
 * how often they claim and how often they trade. Everything is drawn from the run's seed through the model's
 * seeded generator (pure-rand), so a run and its replay after a crash make the same decisions. Pure: no chain
 * access.
 */
import { dataSlice, getAddress, keccak256, toUtf8Bytes } from "ethers";

import { createRng, type Rng, type Seed } from "../model/rng.js";
import { TOKEN_FACTS } from "../tokens.js";

/** Tuning of the investors' behaviour (our estimates; documented in the simulator's README section). */
export const BEHAVIOUR = {
  /** Share of the investors who buy in the sale on day 0; the others arrive on a uniformly random later day. */
  initialCohort: 0.7,
  /** Budget: lognormal, median and σ of its logarithm (USD). */
  budgetMedianUsd: 100_000,
  budgetSigma: 1.0,
  /** Each holder, each day, with this probability wants to buy more: a fraction of its first budget. */
  topUpProbability: 0.002,
  topUpFraction: [0.1, 0.5] as const,
  /** Each holder, each day, with this probability sends part of its shares to another investor (OTC sale or gift). */
  transferProbability: 0.004,
  /** The part of the balance sent: uniform in this range; above `transferAllAbove` the whole balance goes. */
  transferFraction: [0.05, 1] as const,
  transferAllAbove: 0.9,
  /** Claim interval: lognormal around this median (days), clamped to the range; each claim jitters the next ±30 %. */
  claimMedianDays: 30,
  claimSigma: 0.6,
  claimRangeDays: [7, 180] as const,
  claimJitter: 0.3,
  /** Unfilled demand (the sale is capped by the hashrate backing) waits this many days, then lapses. */
  demandPatienceDays: 60,
  /** The treasury claims its own revenue every this many days. */
  treasuryClaimEveryDays: 30,
} as const;

/** Share quantities are rounded down to micro-shares (1e12 base units) so that amounts read well. */
export const SHARE_QUANTUM = 10n ** 12n;

/** The stable address of investor `index` (0-based): the last 20 bytes of keccak256("hashshare/investor/<index>"). */
export function investorAddress(index: number): string {
  return getAddress(dataSlice(keccak256(toUtf8Bytes(`hashshare/investor/${index}`)), 12));
}

/** One investor's traits and running state. */
export interface Investor {
  readonly index: number;
  readonly address: string;
  /** First budget, USDC base units. */
  readonly budgetUsdc: bigint;
  /** Day of the first purchase attempt. */
  readonly entryDay: number;
  /** Median days between claims. */
  readonly claimEveryDays: number;
  /** Demand not yet filled, USDC base units, and the day it lapses. */
  pendingUsdc: bigint;
  pendingUntilDay: number;
  nextClaimDay: number;
  /** Shares bought in the sale so far (the sale's per-buyer cap counts these). */
  purchased: bigint;
  /** USDC base units paid in the sale so far. */
  paidUsdc: bigint;
  /** Whether the investor has approved the sale to take its USDC. */
  approvedSale: boolean;
}

/** A uniform float in [lo, hi). */
export function uniformIn(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * rng.uniform();
}

/** A uniform integer in [0, n). */
export function uniformInt(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng.uniform() * n));
}

/** Days between two claims: `median × (1 ± jitter)`, at least 1. */
export function claimGap(rng: Rng, medianDays: number): number {
  const jitter = BEHAVIOUR.claimJitter;
  return Math.max(1, Math.round(medianDays * (1 - jitter + 2 * jitter * rng.uniform())));
}

/** USD → USDC base units, floored. */
export function usdToUsdc(usd: number): bigint {
  return BigInt(Math.floor(usd * 10 ** TOKEN_FACTS.usdc.decimals));
}

/**
 * Draws `holders` investors for a run of `days` days. Draws come from the stream "investors/profiles" of `seed`, in
 * investor order, a fixed number per investor: investor i's traits do not depend on how many investors follow.
 */
export function createInvestors(seed: Seed, holders: number, days: number): Investor[] {
  const rng = createRng(seed, "investors/profiles");
  const investors: Investor[] = [];
  for (let index = 0; index < holders; index++) {
    const budgetUsd = BEHAVIOUR.budgetMedianUsd * Math.exp(BEHAVIOUR.budgetSigma * rng.normal());
    const early = rng.uniform() < BEHAVIOUR.initialCohort;
    const arrival = rng.uniform();
    const entryDay = early || days <= 1 ? 0 : 1 + Math.floor(arrival * (days - 1));
    const [minGap, maxGap] = BEHAVIOUR.claimRangeDays;
    const claimEveryDays = Math.min(
      maxGap,
      Math.max(minGap, Math.round(BEHAVIOUR.claimMedianDays * Math.exp(BEHAVIOUR.claimSigma * rng.normal()))),
    );
    const firstClaim = entryDay + 1 + Math.floor(rng.uniform() * claimEveryDays);
    const budgetUsdc = usdToUsdc(budgetUsd);
    investors.push({
      index,
      address: investorAddress(index),
      budgetUsdc,
      entryDay,
      claimEveryDays,
      pendingUsdc: 0n,
      pendingUntilDay: -1,
      nextClaimDay: firstClaim,
      purchased: 0n,
      paidUsdc: 0n,
      approvedSale: false,
    });
  }
  return investors;
}
