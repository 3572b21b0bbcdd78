import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { MaxUint256, ZeroHash, id, type Addressable } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type { HashrateOracle, MiningPoolShare, MockUSDC, MockWBTC, ShareSale } from "../../typechain-types/index.js";
import { reportNow } from "./oracle.js";

/** One share, in share base units (18 decimals). */
export const ONE_SHARE = 10n ** 18n;
/** One WBTC, in base units (8 decimals). */
export const ONE_WBTC = 10n ** 8n;
/** One USDC, in base units (6 decimals). */
export const ONE_USDC = 10n ** 6n;
/** Revenue per share is magnified by 2^128 in the pool's ledger. */
export const MAGNITUDE = 2n ** 128n;

/** Role IDs, derived from their names the way OpenZeppelin's AccessControl does (the admin role is zero). */
export const DEFAULT_ADMIN_ROLE = ZeroHash;
export const REPORTER_ROLE = id("REPORTER_ROLE");
export const MINTER_ROLE = id("MINTER_ROLE");
export const DISTRIBUTOR_ROLE = id("DISTRIBUTOR_ROLE");
export const PAUSER_ROLE = id("PAUSER_ROLE");

export const POOL_NAME = "HashShare Pool One";
export const POOL_SYMBOL = "HSP1";
/** Share base units backed by 1 TH/s: one whole share per TH/s. */
export const SHARES_PER_THS = ONE_SHARE;
/** A hashrate report stays valid for minting for two days. */
export const MAX_REPORT_AGE = 2n * 24n * 60n * 60n;

export const MINING = 0;
export const AI = 1;

/** 25 USDC per whole share. */
export const PRICE_PER_SHARE = 25n * ONE_USDC;
/** Each buyer may buy 1,000 shares over the sale. */
export const MAX_SHARES_PER_BUYER = 1_000n * ONE_SHARE;
/** The sale opens an hour after the fixture is deployed and lasts a week. */
export const SALE_DELAY = 60n * 60n;
export const SALE_DURATION = 7n * 24n * 60n * 60n;

/** Payout tokens minted to the distributor, and USDC minted to each buyer. */
export const DISTRIBUTOR_WBTC = 1_000_000n * ONE_WBTC;
export const DISTRIBUTOR_USDC = 1_000_000_000_000n * ONE_USDC;
export const BUYER_USDC = 1_000_000n * ONE_USDC;

/** A test token anyone can mint: the mocks and the hostile tokens alike. */
export interface MintableToken extends Addressable {
  mint(to: string, amount: bigint): Promise<unknown>;
  connect(runner: HardhatEthersSigner): { approve(spender: Addressable, amount: bigint): Promise<unknown> };
}

/** Mints `amount` of each token to `holder`, who approves `spender` for all of it. */
export async function fundAndApprove(
  tokens: readonly MintableToken[],
  holder: HardhatEthersSigner,
  amount: bigint,
  spender: Addressable,
): Promise<void> {
  for (const token of tokens) {
    await token.mint(holder.address, amount);
    await token.connect(holder).approve(spender, MaxUint256);
  }
}

export interface DeployFixture {
  oracle: HashrateOracle;
  pool: MiningPoolShare;
  sale: ShareSale;
  wbtc: MockWBTC;
  usdc: MockUSDC;
  admin: HardhatEthersSigner;
  reporters: [HardhatEthersSigner, HardhatEthersSigner, HardhatEthersSigner, HardhatEthersSigner];
  minter: HardhatEthersSigner;
  distributor: HardhatEthersSigner;
  pauser: HardhatEthersSigner;
  treasury: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  dave: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
  saleStart: bigint;
  saleEnd: bigint;
}

/**
 * Deploys the three HashShare contracts the way the deploy modules do: MockWBTC (8 dec) and MockUSDC (6 dec) as
 * payout tokens, an oracle with quorum 1 and `REPORTER_ROLE` granted to four reporters, a pool paying in
 * [WBTC, USDC] with MINTER/DISTRIBUTOR/PAUSER granted to their operators, and a USDC sale holding `MINTER_ROLE`
 * on the pool. The distributor holds and has approved both payout tokens; alice, bob, carol and dave hold and
 * have approved USDC for the sale. No hashrate is reported yet.
 */
export async function deployFixture({ ethers }: NetworkConnection): Promise<DeployFixture> {
  const [admin, r1, r2, r3, r4, minter, distributor, pauser, treasury, alice, bob, carol, dave, outsider] =
    await ethers.getSigners();

  const wbtc = await (await ethers.getContractFactory("MockWBTC", admin)).deploy();
  const usdc = await (await ethers.getContractFactory("MockUSDC", admin)).deploy();

  const oracle = await (await ethers.getContractFactory("HashrateOracle", admin)).deploy(admin.address, 1);
  const reporterRole = await oracle.REPORTER_ROLE();
  for (const reporter of [r1, r2, r3, r4]) {
    await oracle.grantRole(reporterRole, reporter.address);
  }

  const pool = await (
    await ethers.getContractFactory("MiningPoolShare", admin)
  ).deploy(POOL_NAME, POOL_SYMBOL, admin.address, await oracle.getAddress(), SHARES_PER_THS, MAX_REPORT_AGE, [
    await wbtc.getAddress(),
    await usdc.getAddress(),
  ]);
  await pool.grantRole(await pool.MINTER_ROLE(), minter.address);
  await pool.grantRole(await pool.DISTRIBUTOR_ROLE(), distributor.address);
  await pool.grantRole(await pool.PAUSER_ROLE(), pauser.address);

  const now = BigInt((await ethers.provider.getBlock("latest"))?.timestamp ?? 0);
  const saleStart = now + SALE_DELAY;
  const saleEnd = saleStart + SALE_DURATION;
  const sale = await (
    await ethers.getContractFactory("ShareSale", admin)
  ).deploy(
    admin.address,
    await pool.getAddress(),
    await usdc.getAddress(),
    PRICE_PER_SHARE,
    treasury.address,
    saleStart,
    saleEnd,
    MAX_SHARES_PER_BUYER,
  );
  await pool.grantRole(await pool.MINTER_ROLE(), await sale.getAddress());

  const poolAddress = await pool.getAddress();
  const saleAddress = await sale.getAddress();
  await wbtc.mint(distributor.address, DISTRIBUTOR_WBTC);
  await usdc.mint(distributor.address, DISTRIBUTOR_USDC);
  await wbtc.connect(distributor).approve(poolAddress, ethers.MaxUint256);
  await usdc.connect(distributor).approve(poolAddress, ethers.MaxUint256);
  for (const buyer of [alice, bob, carol, dave]) {
    await usdc.mint(buyer.address, BUYER_USDC);
    await usdc.connect(buyer).approve(saleAddress, ethers.MaxUint256);
  }

  return {
    oracle,
    pool,
    sale,
    wbtc,
    usdc,
    admin,
    reporters: [r1, r2, r3, r4],
    minter,
    distributor,
    pauser,
    treasury,
    alice,
    bob,
    carol,
    dave,
    outsider,
    saleStart,
    saleEnd,
  };
}

/** Hashrate reported by `reportedFixture`: backs 10,000 shares. */
export const REPORTED_THS = 10_000n;
export interface ReportedFixture extends DeployFixture {
  /** The clock epoch of the report. */
  reportedEpoch: bigint;
  /** Block timestamp at which the report finalized. */
  reportedAt: bigint;
}

/** `deployFixture` plus a finalized report of `REPORTED_THS` TH/s for the pool at the current clock epoch. */
export async function reportedFixture(connection: NetworkConnection): Promise<ReportedFixture> {
  const fx = await deployFixture(connection);
  const reportedEpoch = await reportNow(
    connection.networkHelpers.time,
    fx.oracle,
    fx.reporters[0],
    fx.pool,
    REPORTED_THS,
  );
  const [, , updatedAt] = await fx.oracle.latestHashrate(await fx.pool.getAddress());
  return { ...fx, reportedEpoch, reportedAt: updatedAt };
}

/**
 * Share balances minted by `holdersFixture`, multiples of 2^60 so that a deposit D divisible by 6 splits exactly:
 * the magnified revenue per share 2^128 · D / (6 · 2^60) = D · 2^67 / 3 is then an integer, and each holder's
 * claimable D · balance / supply is whole.
 */
export const UNIT = 2n ** 60n;
export const ALICE_SHARES = 1n * UNIT;
export const BOB_SHARES = 2n * UNIT;
export const CAROL_SHARES = 3n * UNIT;

/** `reportedFixture` plus alice, bob and carol holding 1, 2 and 3 `UNIT`s of shares (supply 6 `UNIT`s). */
export async function holdersFixture(connection: NetworkConnection): Promise<ReportedFixture> {
  const fx = await reportedFixture(connection);
  const pool = fx.pool.connect(fx.minter);
  await pool.mint(fx.alice.address, ALICE_SHARES);
  await pool.mint(fx.bob.address, BOB_SHARES);
  await pool.mint(fx.carol.address, CAROL_SHARES);
  return fx;
}
