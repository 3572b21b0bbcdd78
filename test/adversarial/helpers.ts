/**
 * Shared set-up and ledger checks of the adversarial tests (no tests here).
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { Addressable } from "ethers";

import type { HashrateOracle, MiningPoolShare, ShareSale } from "../../typechain-types/index.js";
import { ONE_SHARE, fundAndApprove, type MintableToken } from "../helpers/fixtures.js";

export { AI, MAGNITUDE, MINING, ONE_SHARE } from "../helpers/fixtures.js";
export const DAY = 24n * 3600n;

export interface PoolOptions {
  /** Share base units per TH/s (default 1e18). */
  sharesPerTHs?: bigint;
  /** First report, in TH/s (default 1e6: 1e6 whole shares of backing). */
  hashrateTHs?: bigint;
  /** Seconds a report stays valid (default 1 day). */
  maxReportAge?: bigint;
}

/** One signer per role, so that a test can tell a role holder from anyone else. */
export interface PoolSetup {
  admin: HardhatEthersSigner;
  minter: HardhatEthersSigner;
  distributor: HardhatEthersSigner;
  pauser: HardhatEthersSigner;
  reporter: HardhatEthersSigner;
  /** Accounts without any role. */
  users: HardhatEthersSigner[];
  oracle: HashrateOracle;
  pool: MiningPoolShare;
}

/**
 * Deploys an oracle (quorum 1, one reporter) and a pool paying `payoutTokens`, grants each operational role to its
 * own signer, and finalizes a first report so that minting is possible.
 */
export async function deployPool(
  ethers: HardhatEthers,
  payoutTokens: Addressable[],
  options: PoolOptions = {},
): Promise<PoolSetup> {
  const [admin, minter, distributor, pauser, reporter, ...users] = await ethers.getSigners();
  const oracle = await ethers.deployContract("HashrateOracle", [admin.address, 1]);
  const pool = await ethers.deployContract("MiningPoolShare", [
    "HashShare Pool",
    "HSP",
    admin.address,
    await oracle.getAddress(),
    options.sharesPerTHs ?? ONE_SHARE,
    options.maxReportAge ?? DAY,
    await Promise.all(payoutTokens.map((t) => t.getAddress())),
  ]);
  await oracle.grantRole(await oracle.REPORTER_ROLE(), reporter.address);
  await pool.grantRole(await pool.MINTER_ROLE(), minter.address);
  await pool.grantRole(await pool.DISTRIBUTOR_ROLE(), distributor.address);
  await pool.grantRole(await pool.PAUSER_ROLE(), pauser.address);
  // The pool's first report: the current clock epoch is always accepted.
  const epoch = await oracle.currentEpoch();
  await oracle.connect(reporter).reportHashrate(await pool.getAddress(), epoch, options.hashrateTHs ?? 1_000_000n);
  return { admin, minter, distributor, pauser, reporter, users, oracle, pool };
}

/** Mints `amount` of each token to the pool's distributor, who approves the pool for all of it. */
export async function fundDistributor(
  setup: PoolSetup,
  tokens: readonly MintableToken[],
  amount: bigint,
): Promise<void> {
  await fundAndApprove(tokens, setup.distributor, amount, setup.pool);
}

export interface SaleSetup {
  sale: ShareSale;
  /** `users[0]`: holds 10^12 payment units and has approved the sale for all of them. */
  buyer: HardhatEthersSigner;
  /** `users[1]`: receives the payments. */
  treasury: HardhatEthersSigner;
}

/**
 * Deploys a sale of `setup.pool`'s shares for `payment` at `price` per whole share, open from the latest block for a
 * day with a cap of `cap` shares per buyer, and grants it `MINTER_ROLE` on the pool.
 */
export async function deploySale(
  ethers: HardhatEthers,
  setup: PoolSetup,
  payment: MintableToken,
  price: bigint,
  cap: bigint,
): Promise<SaleSetup> {
  const [buyer, treasury] = setup.users;
  if (buyer === undefined || treasury === undefined) throw new Error("deploySale needs two users");
  const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  const sale = await ethers.deployContract("ShareSale", [
    setup.admin.address,
    await setup.pool.getAddress(),
    await payment.getAddress(),
    price,
    treasury.address,
    now,
    now + DAY,
    cap,
  ]);
  await setup.pool.grantRole(await setup.pool.MINTER_ROLE(), await sale.getAddress());
  await fundAndApprove([payment], buyer, 10n ** 12n, sale);
  return { sale, buyer, treasury };
}

/** Any payout token: only what the pool itself relies on. */
export interface BalanceToken extends Addressable {
  balanceOf(account: string): Promise<bigint>;
}

export interface LedgerState {
  poolBalance: bigint;
  deposited: bigint;
  claimed: bigint;
  claimables: bigint[];
  sumClaimable: bigint;
  /** deposited − claimed − Σ claimable: what rounding keeps in the pool. */
  gap: bigint;
}

export async function readLedger(
  pool: MiningPoolShare,
  token: BalanceToken,
  accounts: readonly Addressable[],
): Promise<LedgerState> {
  const address = await token.getAddress();
  const poolBalance = await token.balanceOf(await pool.getAddress());
  const deposited = await pool.totalDeposited(address);
  const claimed = await pool.totalClaimed(address);
  const claimables: bigint[] = [];
  for (const account of accounts) claimables.push(await pool.claimable(await account.getAddress(), address));
  const sumClaimable = claimables.reduce((s, c) => s + c, 0n);
  return { poolBalance, deposited, claimed, claimables, sumClaimable, gap: deposited - claimed - sumClaimable };
}

/**
 * INV-2 and INV-3 for one payout token over `holders` (every account that ever held shares): the pool holds at least
 * Σ claimable, holds exactly deposited − claimed (plus `donated`), and the rounding gap lies in [0, holders].
 */
export async function expectConserved(
  pool: MiningPoolShare,
  token: BalanceToken,
  holders: readonly Addressable[],
  donated = 0n,
): Promise<LedgerState> {
  const state = await readLedger(pool, token, holders);
  expect(state.poolBalance, "INV-3: pool balance = deposited − claimed (+ donations)").to.equal(
    state.deposited - state.claimed + donated,
  );
  expect(state.sumClaimable <= state.poolBalance, "INV-2: Σ claimable ≤ pool balance").to.equal(true);
  expect(state.gap >= 0n, `INV-3: rounding gap ${state.gap} ≥ 0`).to.equal(true);
  expect(state.gap <= BigInt(holders.length), `INV-3: rounding gap ${state.gap} ≤ ${holders.length} holders`).to.equal(
    true,
  );
  return state;
}

/** ⌈a / b⌉ for non-negative bigints. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/**
 * Exact pro rata for a holder whose share of the supply is the same at every deposit: its claimable is never above
 * the exact entitlement X = Σ D·balance/supply and never a whole unit below it: ⌈X⌉ − 1 ≤ claimable ≤ X.
 * (`numerator / denominator` is X.)
 */
export function expectExactProRata(claimable: bigint, numerator: bigint, denominator: bigint, label: string): void {
  expect(
    claimable * denominator <= numerator,
    `${label}: ${claimable} above exact ${numerator}/${denominator}`,
  ).to.equal(true);
  expect(
    claimable >= ceilDiv(numerator, denominator) - 1n,
    `${label}: ${claimable} a unit or more below exact ${numerator}/${denominator}`,
  ).to.equal(true);
}
