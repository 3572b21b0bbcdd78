/**
 * Token facts, in one place: the share token's decimals and the payout tokens' symbols, decimals and revenue
 * sources. Everything that turns base units into whole units (reports, tables, tasks) reads them from here.
 */

/** Decimals of the pool's share token (an ERC-20 with 18 decimals). */
export const SHARE_DECIMALS = 18;
/** One whole share in base units. */
export const ONE_SHARE = 10n ** BigInt(SHARE_DECIMALS);

/** The payout tokens, in the pool's `payoutTokens()` order. */
export const PAYOUT_TOKENS = ["wbtc", "usdc"] as const;
export type PayoutToken = (typeof PAYOUT_TOKENS)[number];

/** What a payout token is: its symbol, decimals, and the revenue source it pays (0 = mining, 1 = AI). */
export interface TokenFacts {
  readonly symbol: string;
  readonly decimals: number;
  /** Decimals shown to people in tables and reports: every satoshi, USDC to the cent. */
  readonly shown: number;
  readonly source: 0 | 1;
}

export const TOKEN_FACTS: Readonly<Record<PayoutToken, TokenFacts>> = {
  wbtc: { symbol: "WBTC", decimals: 8, shown: 8, source: 0 },
  usdc: { symbol: "USDC", decimals: 6, shown: 2, source: 1 },
};

/** Index of a payout token in `payoutTokens()`. */
export function tokenIndex(token: PayoutToken): 0 | 1 {
  return token === "wbtc" ? 0 : 1;
}

/** Base units in one whole token (10^decimals). */
export function unitsPerToken(token: PayoutToken): bigint {
  return 10n ** BigInt(TOKEN_FACTS[token].decimals);
}

/** Base units as a floating-point number of whole tokens (for valuations and charts, never for accounting). */
export function toWhole(amount: bigint, token: PayoutToken): number {
  return Number(amount) / 10 ** TOKEN_FACTS[token].decimals;
}

/** Share base units as a floating-point number of whole shares (for valuations and charts). */
export function toWholeShares(shares: bigint): number {
  return Number(shares) / 10 ** SHARE_DECIMALS;
}

/** Satoshis in one BTC (WBTC's base unit is the satoshi). */
export const SATS_PER_BTC = unitsPerToken("wbtc");
