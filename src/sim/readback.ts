/**
 * The read-back: after the last day, the pool's totals and every account's position are read from the chain and
 * compared with the planner's exact mirror; each difference is a mismatch, named.
 */
import { PAYOUT_TOKENS, TOKEN_FACTS } from "../tokens.js";
import type { SimContracts } from "./chain.js";
import type { ChainClient } from "./chain-client.js";
import type { SimInterfaces } from "./chain-ops.js";
import type { Planner, Roles } from "./plan.js";

/** One investor's (or the treasury's) position at the end, read back from the chain. */
export interface Holding {
  label: string;
  address: string;
  shares: bigint;
  claimed: readonly [bigint, bigint];
  claimable: readonly [bigint, bigint];
}

/** The pool's totals for one payout token, as read from the chain. */
export interface TokenReadback {
  totalDeposited: bigint;
  totalClaimed: bigint;
  /** [mining, ai] */
  bySource: [bigint, bigint];
  poolBalance: bigint;
}

export interface Readback {
  supply: bigint;
  /** In `PAYOUT_TOKENS` order. */
  tokens: [TokenReadback, TokenReadback];
  investors: Holding[];
  treasury: Holding;
  accountsChecked: number;
  mismatches: string[];
}

/**
 * Reads the pool's totals and the accounts' positions and compares them with the planner's mirror: every investor
 * in "full" mode, only the treasury in "totals" mode (the others are then reported from the mirror).
 */
export async function readBack(
  client: ChainClient,
  ifaces: SimInterfaces,
  contracts: SimContracts,
  planner: Planner,
  roles: Roles,
  mode: "full" | "totals",
): Promise<Readback> {
  const { pool, token } = ifaces;
  const shadow = planner.shadow;
  const mismatches: string[] = [];
  const expect = (label: string, chain: bigint, planned: bigint): void => {
    if (chain !== planned) mismatches.push(`${label}: chain ${chain}, plan ${planned}`);
  };
  const tokenAddresses = [contracts.wbtc, contracts.usdc] as const;
  const [supply, ...tokenValues] = await client.callUints([
    { to: contracts.pool, data: pool.encodeFunctionData("totalSupply") },
    ...tokenAddresses.flatMap((address) => [
      { to: contracts.pool, data: pool.encodeFunctionData("totalDeposited", [address]) },
      { to: contracts.pool, data: pool.encodeFunctionData("totalClaimed", [address]) },
      { to: contracts.pool, data: pool.encodeFunctionData("revenueBySource", [address, 0]) },
      { to: contracts.pool, data: pool.encodeFunctionData("revenueBySource", [address, 1]) },
      { to: address, data: token.encodeFunctionData("balanceOf", [contracts.pool]) },
    ]),
  ]);
  expect("totalSupply", supply!, shadow.supply);
  const tokens = PAYOUT_TOKENS.map((name, t): TokenReadback => {
    const symbol = TOKEN_FACTS[name].symbol;
    const [totalDeposited, totalClaimed, mining, ai, poolBalance] = tokenValues.slice(t * 5, t * 5 + 5) as [
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
    ];
    const planned = shadow.totals(t as 0 | 1);
    expect(`${symbol} totalDeposited`, totalDeposited, planned.totalDeposited);
    expect(`${symbol} totalClaimed`, totalClaimed, planned.totalClaimed);
    expect(`${symbol} revenueBySource(0)`, mining, planned.bySource[0]);
    expect(`${symbol} revenueBySource(1)`, ai, planned.bySource[1]);
    expect(`${symbol} pool balance`, poolBalance, totalDeposited - totalClaimed);
    return { totalDeposited, totalClaimed, bySource: [mining, ai], poolBalance };
  }) as [TokenReadback, TokenReadback];

  const accounts = [
    { label: "treasury", address: roles.treasury, investor: false },
    ...planner.investors.map((investor) => ({
      label: `#${investor.index + 1}`,
      address: investor.address,
      investor: true,
    })),
  ];
  const checked = mode === "full" ? accounts : accounts.slice(0, 1);
  const calls = checked.flatMap(({ address, investor }) => [
    { to: contracts.pool, data: pool.encodeFunctionData("balanceOf", [address]) },
    { to: contracts.pool, data: pool.encodeFunctionData("claimable", [address, contracts.wbtc]) },
    { to: contracts.pool, data: pool.encodeFunctionData("claimable", [address, contracts.usdc]) },
    ...(investor
      ? [
          { to: contracts.wbtc, data: token.encodeFunctionData("balanceOf", [address]) },
          { to: contracts.usdc, data: token.encodeFunctionData("balanceOf", [address]) },
        ]
      : []),
  ]);
  const values = await client.callUints(calls);
  let cursor = 0;
  const holdings: Holding[] = accounts.map(({ label, address, investor }, i) => {
    const planned = shadow.account(address);
    if (i >= checked.length) {
      return { label, address, shares: planned.balance, claimed: planned.claimed, claimable: planned.claimable };
    }
    const shares = values[cursor++]!;
    const claimable: [bigint, bigint] = [values[cursor++]!, values[cursor++]!];
    expect(`${label} balanceOf`, shares, planned.balance);
    expect(`${label} claimable(WBTC)`, claimable[0], planned.claimable[0]);
    expect(`${label} claimable(USDC)`, claimable[1], planned.claimable[1]);
    if (investor) {
      // An investor's WBTC and USDC are exactly what it claimed (its faucet USDC all went to the sale).
      expect(`${label} WBTC balance`, values[cursor++]!, planned.claimed[0]);
      expect(`${label} USDC balance`, values[cursor++]!, planned.claimed[1]);
    }
    return { label, address, shares, claimed: planned.claimed, claimable };
  });
  return {
    supply: supply!,
    tokens,
    treasury: holdings[0]!,
    investors: holdings.slice(1),
    accountsChecked: checked.length,
    mismatches,
  };
}
