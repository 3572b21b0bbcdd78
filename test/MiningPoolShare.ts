import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { AddressLike } from "ethers";
import { network } from "hardhat";

import type { MiningPoolShare } from "../typechain-types/index.js";
import {
  AI,
  ALICE_SHARES,
  BOB_SHARES,
  CAROL_SHARES,
  DEFAULT_ADMIN_ROLE,
  DISTRIBUTOR_ROLE,
  MAGNITUDE,
  MAX_REPORT_AGE,
  MINING,
  MINTER_ROLE,
  ONE_SHARE,
  ONE_USDC,
  ONE_WBTC,
  PAUSER_ROLE,
  POOL_NAME,
  POOL_SYMBOL,
  REPORTED_THS,
  SHARES_PER_THS,
  UNIT,
  deployFixture,
  fundAndApprove,
  holdersFixture,
  reportedFixture,
  type DeployFixture,
} from "./helpers/fixtures.js";
import { INITIAL_ADMIN_DELAY, shouldBehaveLikeDefaultAdminRules } from "./helpers/adminRules.js";
import { reportNow } from "./helpers/oracle.js";
import { PERMIT_TYPES, signPermit } from "./helpers/permit.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;

/** Claimable `token` of each account, in order. */
async function claimables(
  pool: MiningPoolShare,
  accounts: readonly HardhatEthersSigner[],
  token: AddressLike,
): Promise<bigint[]> {
  return Promise.all(accounts.map((account) => pool.claimable(account.address, token)));
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

/** `holdersFixture` after epoch 1's revenue: 6 WBTC from mining and `usdc` base units of USDC from AI. */
async function epochOneFixture(usdc: bigint) {
  const fx = await loadFixture(holdersFixture);
  await fx.pool.connect(fx.distributor).depositRevenue(fx.wbtc, 6n * ONE_WBTC, MINING, 1);
  await fx.pool.connect(fx.distributor).depositRevenue(fx.usdc, usdc, AI, 1);
  return fx;
}

/** Deploys a pool like the fixture's, with the given payout tokens (admin = deployer, no roles granted). */
async function deployPool(
  admin: HardhatEthersSigner,
  oracle: AddressLike,
  payoutTokens: AddressLike[],
  sharesPerTHs: bigint = SHARES_PER_THS,
  maxReportAge: bigint = MAX_REPORT_AGE,
): Promise<MiningPoolShare> {
  const factory = await ethers.getContractFactory("MiningPoolShare", admin);
  return factory.deploy(POOL_NAME, POOL_SYMBOL, admin.address, oracle, sharesPerTHs, maxReportAge, payoutTokens);
}

/**
 * Deploys a pool like the fixture's on the fixture's oracle, paying in `payoutTokens`, reports `REPORTED_THS` for it
 * and mints one `UNIT` to alice, its only holder. The admin holds `MINTER_ROLE`; `distributor` gets `DISTRIBUTOR_ROLE`.
 */
async function deployAliceOnlyPool(
  fx: DeployFixture,
  payoutTokens: AddressLike[],
  distributor: HardhatEthersSigner,
): Promise<MiningPoolShare> {
  const pool = await deployPool(fx.admin, fx.oracle, payoutTokens);
  await pool.grantRole(MINTER_ROLE, fx.admin.address);
  await pool.grantRole(DISTRIBUTOR_ROLE, distributor.address);
  await reportNow(time, fx.oracle, fx.reporters[0], pool, REPORTED_THS);
  await pool.mint(fx.alice.address, UNIT);
  return pool;
}

describe("MiningPoolShare", function () {
  describe("constructor", function () {
    it("reverts when there is no payout token (InvalidPayoutTokenCount 0)", async function () {
      const { admin, oracle } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      await expect(deployPool(admin, oracle, []))
        .to.be.revertedWithCustomError(factory, "InvalidPayoutTokenCount")
        .withArgs(0);
    });

    it("reverts when there are five payout tokens (InvalidPayoutTokenCount 5)", async function () {
      const { admin, oracle, wbtc, usdc } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      const others = [1, 2, 3].map(() => ethers.Wallet.createRandom().address);
      await expect(deployPool(admin, oracle, [wbtc, usdc, ...others]))
        .to.be.revertedWithCustomError(factory, "InvalidPayoutTokenCount")
        .withArgs(5);
    });

    it("accepts four distinct payout tokens and lists them in order", async function () {
      const { admin, oracle } = await loadFixture(deployFixture);
      const tokenFactory = await ethers.getContractFactory("MockERC20", admin);
      const tokens = await Promise.all(
        ["A", "B", "C", "D"].map(async (s) => (await tokenFactory.deploy(s, s, 18)).getAddress()),
      );
      const pool = await deployPool(admin, oracle, tokens);
      expect(await pool.payoutTokens()).to.deep.equal(tokens);
      for (const token of tokens) expect(await pool.claimable(admin.address, token)).to.equal(0n);
    });

    it("reverts when a payout token is the zero address", async function () {
      const { admin, oracle, wbtc } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      await expect(deployPool(admin, oracle, [wbtc, ethers.ZeroAddress]))
        .to.be.revertedWithCustomError(factory, "InvalidPayoutToken")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts when a payout token is listed twice", async function () {
      const { admin, oracle, wbtc, usdc } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      await expect(deployPool(admin, oracle, [wbtc, usdc, wbtc]))
        .to.be.revertedWithCustomError(factory, "InvalidPayoutToken")
        .withArgs(await wbtc.getAddress());
    });

    it("reverts when a payout token is the share itself", async function () {
      const { admin, oracle, wbtc } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      const self = ethers.getCreateAddress({ from: admin.address, nonce: await admin.getNonce() });
      await expect(deployPool(admin, oracle, [wbtc, self]))
        .to.be.revertedWithCustomError(factory, "InvalidPayoutToken")
        .withArgs(self);
    });

    it("reverts when the admin is the zero address (AccessControlInvalidDefaultAdmin)", async function () {
      const { admin, oracle, wbtc } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      await expect(
        factory.deploy(POOL_NAME, POOL_SYMBOL, ethers.ZeroAddress, oracle, SHARES_PER_THS, MAX_REPORT_AGE, [wbtc]),
      )
        .to.be.revertedWithCustomError(factory, "AccessControlInvalidDefaultAdmin")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts when the oracle is the zero address (ZeroAddress)", async function () {
      const { admin, wbtc } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      await expect(deployPool(admin, ethers.ZeroAddress, [wbtc]))
        .to.be.revertedWithCustomError(factory, "ZeroAddress")
        .withArgs();
    });

    it("reverts when sharesPerTHs is 0", async function () {
      const { admin, oracle, wbtc } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      await expect(deployPool(admin, oracle, [wbtc], 0n))
        .to.be.revertedWithCustomError(factory, "InvalidSharesPerTHs")
        .withArgs();
    });

    it("grants DEFAULT_ADMIN_ROLE to the admin and no operational role to anyone", async function () {
      const { admin, oracle, wbtc, outsider } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("MiningPoolShare", admin);
      const pool = await factory.deploy(POOL_NAME, POOL_SYMBOL, outsider.address, oracle, 1n, 1n, [wbtc]);
      expect(await pool.hasRole(DEFAULT_ADMIN_ROLE, outsider.address)).to.equal(true);
      for (const account of [outsider, admin]) {
        for (const role of [MINTER_ROLE, DISTRIBUTOR_ROLE, PAUSER_ROLE]) {
          expect(await pool.hasRole(role, account.address)).to.equal(false);
        }
      }
      expect(await pool.hasRole(DEFAULT_ADMIN_ROLE, admin.address)).to.equal(false);
      for (const role of [MINTER_ROLE, DISTRIBUTOR_ROLE, PAUSER_ROLE]) {
        expect(await pool.getRoleAdmin(role)).to.equal(DEFAULT_ADMIN_ROLE);
      }
    });

    it("sets the ERC-20 metadata, the oracle, sharesPerTHs, maxReportAge and the role ids", async function () {
      const { pool, oracle, wbtc, usdc } = await loadFixture(deployFixture);
      expect(await pool.name()).to.equal(POOL_NAME);
      expect(await pool.symbol()).to.equal(POOL_SYMBOL);
      expect(await pool.decimals()).to.equal(18n);
      expect(await pool.totalSupply()).to.equal(0n);
      expect(await pool.oracle()).to.equal(await oracle.getAddress());
      expect(await pool.sharesPerTHs()).to.equal(SHARES_PER_THS);
      expect(await pool.maxReportAge()).to.equal(MAX_REPORT_AGE);
      expect(await pool.payoutTokens()).to.deep.equal([await wbtc.getAddress(), await usdc.getAddress()]);
      expect(await pool.MINTER_ROLE()).to.equal(MINTER_ROLE);
      expect(await pool.DISTRIBUTOR_ROLE()).to.equal(DISTRIBUTOR_ROLE);
      expect(await pool.PAUSER_ROLE()).to.equal(PAUSER_ROLE);
    });
  });

  describe("fixture roles", function () {
    it("holds exactly the roles the deploy grants", async function () {
      const { pool, admin, minter, distributor, pauser, sale, outsider } = await loadFixture(deployFixture);
      expect(await pool.hasRole(DEFAULT_ADMIN_ROLE, admin.address)).to.equal(true);
      expect(await pool.hasRole(MINTER_ROLE, minter.address)).to.equal(true);
      expect(await pool.hasRole(MINTER_ROLE, await sale.getAddress())).to.equal(true);
      expect(await pool.hasRole(DISTRIBUTOR_ROLE, distributor.address)).to.equal(true);
      expect(await pool.hasRole(PAUSER_ROLE, pauser.address)).to.equal(true);
      for (const role of [MINTER_ROLE, DISTRIBUTOR_ROLE, PAUSER_ROLE]) {
        expect(await pool.hasRole(role, admin.address)).to.equal(false);
        expect(await pool.hasRole(role, outsider.address)).to.equal(false);
      }
    });
  });

  describe("grantRole and revokeRole", function () {
    it("reverts when a non-admin grants or revokes an operational role", async function () {
      const { pool, minter, distributor, pauser, outsider } = await loadFixture(deployFixture);
      for (const caller of [outsider, minter, distributor, pauser]) {
        for (const role of [MINTER_ROLE, DISTRIBUTOR_ROLE, PAUSER_ROLE]) {
          await expect(pool.connect(caller).grantRole(role, caller.address))
            .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
            .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
        }
        await expect(pool.connect(caller).revokeRole(MINTER_ROLE, minter.address))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
      }
    });
  });

  describe("mintableShares", function () {
    it("is 0 when the pool has no report", async function () {
      const { pool } = await loadFixture(deployFixture);
      expect(await pool.mintableShares()).to.equal(0n);
    });

    it("is the reported hashrate × sharesPerTHs minus the supply", async function () {
      const { pool, minter, alice } = await loadFixture(reportedFixture);
      expect(await pool.mintableShares()).to.equal(REPORTED_THS * SHARES_PER_THS);
      await pool.connect(minter).mint(alice.address, 1234n);
      expect(await pool.mintableShares()).to.equal(REPORTED_THS * SHARES_PER_THS - 1234n);
    });

    it("is still valid when block.timestamp == updatedAt + maxReportAge, and 0 one second later", async function () {
      const { pool, reportedAt } = await loadFixture(reportedFixture);
      await time.increaseTo(reportedAt + MAX_REPORT_AGE);
      expect(await time.latest()).to.equal(Number(reportedAt + MAX_REPORT_AGE));
      expect(await pool.mintableShares()).to.equal(REPORTED_THS * SHARES_PER_THS);
      await time.increaseTo(reportedAt + MAX_REPORT_AGE + 1n);
      expect(await pool.mintableShares()).to.equal(0n);
    });

    it("is 0 when the report falls below the supply", async function () {
      const { pool, oracle, reporters, minter, alice } = await loadFixture(reportedFixture);
      await pool.connect(minter).mint(alice.address, 5_000n * ONE_SHARE);
      await reportNow(time, oracle, reporters[0], pool, 4_999n);
      expect(await pool.mintableShares()).to.equal(0n);
      // Exactly at the supply it is 0 too.
      await reportNow(time, oracle, reporters[0], pool, 5_000n);
      expect(await pool.mintableShares()).to.equal(0n);
    });

    it("saturates at the 2^128 − 1 supply cap rather than reverting for a report of 2^256-1 TH/s", async function () {
      const { pool, oracle, reporters, minter, alice } = await loadFixture(reportedFixture);
      await reportNow(time, oracle, reporters[0], pool, ethers.MaxUint256);
      const cap = (1n << 128n) - 1n; // the supply cap that keeps INV-3's rounding bound
      expect(await pool.mintableShares()).to.equal(cap);
      await pool.connect(minter).mint(alice.address, 10n ** 38n);
      expect(await pool.mintableShares()).to.equal(cap - 10n ** 38n);
    });
  });

  describe("mint", function () {
    it("reverts when the caller lacks MINTER_ROLE", async function () {
      const { pool, outsider, admin, alice } = await loadFixture(reportedFixture);
      for (const caller of [outsider, admin]) {
        await expect(pool.connect(caller).mint(alice.address, 1n))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, MINTER_ROLE);
      }
    });

    it("reverts when the amount is 0", async function () {
      const { pool, minter, alice } = await loadFixture(reportedFixture);
      await expect(pool.connect(minter).mint(alice.address, 0n))
        .to.be.revertedWithCustomError(pool, "ZeroAmount")
        .withArgs();
    });

    it("reverts when the pool has no report (StaleHashrateReport with updatedAt 0)", async function () {
      const { pool, minter, alice } = await loadFixture(deployFixture);
      await expect(pool.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(pool, "StaleHashrateReport")
        .withArgs(0, MAX_REPORT_AGE);
    });

    it("mints at block.timestamp == updatedAt + maxReportAge", async function () {
      const { pool, minter, alice, reportedAt } = await loadFixture(reportedFixture);
      await time.setNextBlockTimestamp(reportedAt + MAX_REPORT_AGE);
      await expect(pool.connect(minter).mint(alice.address, 1n)).to.changeTokenBalance(ethers, pool, alice, 1n);
    });

    it("reverts one second after updatedAt + maxReportAge (StaleHashrateReport)", async function () {
      const { pool, minter, alice, reportedAt } = await loadFixture(reportedFixture);
      await time.setNextBlockTimestamp(reportedAt + MAX_REPORT_AGE + 1n);
      await expect(pool.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(pool, "StaleHashrateReport")
        .withArgs(reportedAt, MAX_REPORT_AGE);
    });

    it("mints again after a fresh report replaces a stale one", async function () {
      const { pool, oracle, reporters, minter, alice, reportedAt } = await loadFixture(reportedFixture);
      await time.increaseTo(reportedAt + MAX_REPORT_AGE + 1n);
      await reportNow(time, oracle, reporters[0], pool, REPORTED_THS);
      await expect(pool.connect(minter).mint(alice.address, 1n)).to.changeTokenBalance(ethers, pool, alice, 1n);
    });

    it("INV-1 backing: mints up to the backing exactly and reverts one unit above it (ExceedsHashrateBacking)", async function () {
      const { pool, minter, alice, bob } = await loadFixture(reportedFixture);
      const backing = REPORTED_THS * SHARES_PER_THS;
      await pool.connect(minter).mint(alice.address, backing / 4n);
      const available = backing - backing / 4n;
      await expect(pool.connect(minter).mint(bob.address, available + 1n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(available + 1n, available);
      await expect(pool.connect(minter).mint(bob.address, available))
        .to.emit(pool, "Transfer")
        .withArgs(ethers.ZeroAddress, bob.address, available);
      expect(await pool.totalSupply()).to.equal(backing);
      await expect(pool.connect(minter).mint(bob.address, 1n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(1n, 0n);
    });

    it("keeps every balance when the report falls, and only stops new minting", async function () {
      const { pool, oracle, reporters, minter, alice, bob } = await loadFixture(reportedFixture);
      await pool.connect(minter).mint(alice.address, 6_000n * ONE_SHARE);
      await pool.connect(minter).mint(bob.address, 2_000n * ONE_SHARE);
      await reportNow(time, oracle, reporters[0], pool, 1_000n);
      expect(await pool.balanceOf(alice.address)).to.equal(6_000n * ONE_SHARE);
      expect(await pool.balanceOf(bob.address)).to.equal(2_000n * ONE_SHARE);
      expect(await pool.totalSupply()).to.equal(8_000n * ONE_SHARE);
      await expect(pool.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(1n, 0n);
      // Holders still transfer.
      await expect(pool.connect(alice).transfer(bob.address, ONE_SHARE)).to.changeTokenBalances(
        ethers,
        pool,
        [alice, bob],
        [-ONE_SHARE, ONE_SHARE],
      );
    });

    it("reverts when minting to the zero address (ERC20InvalidReceiver)", async function () {
      const { pool, minter } = await loadFixture(reportedFixture);
      await expect(pool.connect(minter).mint(ethers.ZeroAddress, 1n))
        .to.be.revertedWithCustomError(pool, "ERC20InvalidReceiver")
        .withArgs(ethers.ZeroAddress);
    });
  });

  describe("depositRevenue", function () {
    it("reverts when the caller lacks DISTRIBUTOR_ROLE", async function () {
      const { pool, wbtc, outsider, admin } = await loadFixture(holdersFixture);
      for (const caller of [outsider, admin]) {
        await expect(pool.connect(caller).depositRevenue(wbtc, 1n, MINING, 1))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DISTRIBUTOR_ROLE);
      }
    });

    it("reverts when the token is not a payout token (NotPayoutToken)", async function () {
      const { pool, distributor, admin } = await loadFixture(holdersFixture);
      const other = await (await ethers.getContractFactory("MockERC20", admin)).deploy("Other", "OTH", 18);
      await expect(pool.connect(distributor).depositRevenue(other, 1n, MINING, 1))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(await other.getAddress());
      await expect(pool.connect(distributor).depositRevenue(pool, 1n, MINING, 1))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(await pool.getAddress());
    });

    it("reverts when the source is neither mining nor AI (UnknownRevenueSource)", async function () {
      const { pool, wbtc, distributor } = await loadFixture(holdersFixture);
      for (const source of [2, 255]) {
        await expect(pool.connect(distributor).depositRevenue(wbtc, 1n, source, 1))
          .to.be.revertedWithCustomError(pool, "UnknownRevenueSource")
          .withArgs(source);
      }
    });

    it("reverts when the amount is 0 (ZeroAmount)", async function () {
      const { pool, wbtc, distributor } = await loadFixture(holdersFixture);
      await expect(pool.connect(distributor).depositRevenue(wbtc, 0n, MINING, 1))
        .to.be.revertedWithCustomError(pool, "ZeroAmount")
        .withArgs();
    });

    it("reverts when there are no shares outstanding (NoSharesOutstanding)", async function () {
      const { pool, wbtc, distributor } = await loadFixture(reportedFixture);
      await expect(pool.connect(distributor).depositRevenue(wbtc, ONE_WBTC, MINING, 1))
        .to.be.revertedWithCustomError(pool, "NoSharesOutstanding")
        .withArgs();
      expect(await pool.isEpochFunded(wbtc, MINING, 1)).to.equal(false);
    });

    it("INV-6 idempotence: reverts when (token, source, epoch) was already funded (EpochAlreadyFunded)", async function () {
      const { pool, wbtc, usdc, distributor } = await loadFixture(holdersFixture);
      expect(await pool.isEpochFunded(wbtc, MINING, 7)).to.equal(false);
      await pool.connect(distributor).depositRevenue(wbtc, ONE_WBTC, MINING, 7);
      expect(await pool.isEpochFunded(wbtc, MINING, 7)).to.equal(true);
      await expect(pool.connect(distributor).depositRevenue(wbtc, 2n * ONE_WBTC, MINING, 7))
        .to.be.revertedWithCustomError(pool, "EpochAlreadyFunded")
        .withArgs(await wbtc.getAddress(), MINING, 7);
      expect(await pool.totalDeposited(wbtc)).to.equal(ONE_WBTC);
      // Another source, token or epoch is a different key.
      expect(await pool.isEpochFunded(wbtc, AI, 7)).to.equal(false);
      expect(await pool.isEpochFunded(usdc, MINING, 7)).to.equal(false);
      expect(await pool.isEpochFunded(wbtc, MINING, 8)).to.equal(false);
      await pool.connect(distributor).depositRevenue(wbtc, ONE_WBTC, AI, 7);
      await pool.connect(distributor).depositRevenue(usdc, ONE_USDC, MINING, 7);
      await pool.connect(distributor).depositRevenue(wbtc, ONE_WBTC, MINING, 8);
      expect(await pool.isEpochFunded(wbtc, AI, 7)).to.equal(true);
      expect(await pool.isEpochFunded(usdc, MINING, 7)).to.equal(true);
      expect(await pool.isEpochFunded(wbtc, MINING, 8)).to.equal(true);
    });

    it("pulls the amount from the distributor and emits RevenueDeposited", async function () {
      const { pool, wbtc, distributor } = await loadFixture(holdersFixture);
      const amount = 123_456_789n;
      const tx = pool.connect(distributor).depositRevenue(wbtc, amount, MINING, 42);
      await expect(tx)
        .to.emit(pool, "RevenueDeposited")
        .withArgs(await wbtc.getAddress(), MINING, 42, amount);
      await expect(tx).to.changeTokenBalances(ethers, wbtc, [distributor, pool], [-amount, amount]);
    });

    it("accepts any epoch, in any order, including 0 and 2^64-1", async function () {
      const { pool, usdc, distributor } = await loadFixture(holdersFixture);
      for (const epoch of [2n ** 64n - 1n, 0n, 5n]) {
        await expect(pool.connect(distributor).depositRevenue(usdc, ONE_USDC, AI, epoch))
          .to.emit(pool, "RevenueDeposited")
          .withArgs(await usdc.getAddress(), AI, epoch, ONE_USDC);
      }
    });

    it("keeps totals by token and by source", async function () {
      const { pool, wbtc, usdc, distributor } = await loadFixture(holdersFixture);
      const d = pool.connect(distributor);
      await d.depositRevenue(wbtc, 3n * ONE_WBTC, MINING, 1);
      await d.depositRevenue(wbtc, 2n * ONE_WBTC, MINING, 2);
      await d.depositRevenue(wbtc, 1n * ONE_WBTC, AI, 2);
      await d.depositRevenue(usdc, 500n * ONE_USDC, AI, 1);
      expect(await pool.totalDeposited(wbtc)).to.equal(6n * ONE_WBTC);
      expect(await pool.totalDeposited(usdc)).to.equal(500n * ONE_USDC);
      expect(await pool.revenueBySource(wbtc, MINING)).to.equal(5n * ONE_WBTC);
      expect(await pool.revenueBySource(wbtc, AI)).to.equal(1n * ONE_WBTC);
      expect(await pool.revenueBySource(usdc, MINING)).to.equal(0n);
      expect(await pool.revenueBySource(usdc, AI)).to.equal(500n * ONE_USDC);
      expect(await pool.totalClaimed(wbtc)).to.equal(0n);
      expect(await pool.totalClaimed(usdc)).to.equal(0n);
    });

    it("accepts lifetime deposits up to 2^128 - 1 and reverts at 2^128 (SafeCastOverflowedUintDowncast)", async function () {
      const { pool, usdc, distributor, alice } = await loadFixture(holdersFixture);
      const limit = 2n ** 128n;
      await usdc.mint(distributor.address, limit);
      await pool.connect(distributor).depositRevenue(usdc, limit - 2n, MINING, 1);
      await expect(pool.connect(distributor).depositRevenue(usdc, 2n, MINING, 2))
        .to.be.revertedWithCustomError(pool, "SafeCastOverflowedUintDowncast")
        .withArgs(128, limit);
      await pool.connect(distributor).depositRevenue(usdc, 1n, MINING, 2);
      expect(await pool.totalDeposited(usdc)).to.equal(limit - 1n);
      // 1 UNIT of 6: alice's share of 2^128 - 1, rounded down.
      expect(await pool.claimable(alice.address, usdc)).to.equal((limit - 1n) / 6n);
    });

    it("reverts while paused (EnforcedPause)", async function () {
      const { pool, wbtc, distributor, pauser } = await loadFixture(holdersFixture);
      await pool.connect(pauser).pause();
      await expect(pool.connect(distributor).depositRevenue(wbtc, ONE_WBTC, MINING, 1))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
    });

    it("INV-4 pro rata: splits a deposit exactly between two holders (1:3)", async function () {
      const { pool, wbtc, minter, distributor, alice, bob } = await loadFixture(reportedFixture);
      await pool.connect(minter).mint(alice.address, UNIT);
      await pool.connect(minter).mint(bob.address, 3n * UNIT);
      await pool.connect(distributor).depositRevenue(wbtc, 4n * ONE_WBTC, MINING, 1);
      expect(await claimables(pool, [alice, bob], wbtc)).to.deep.equal([ONE_WBTC, 3n * ONE_WBTC]);
    });

    it("INV-4 pro rata: splits a deposit exactly between three holders (1:2:3)", async function () {
      const { pool, usdc, distributor, alice, bob, carol } = await loadFixture(holdersFixture);
      const amount = 6_000_000n * ONE_USDC;
      await pool.connect(distributor).depositRevenue(usdc, amount, AI, 1);
      const expected = [ALICE_SHARES, BOB_SHARES, CAROL_SHARES].map((b) => (amount * b) / (6n * UNIT));
      expect(expected).to.deep.equal([1_000_000n * ONE_USDC, 2_000_000n * ONE_USDC, 3_000_000n * ONE_USDC]);
      expect(await claimables(pool, [alice, bob, carol], usdc)).to.deep.equal(expected);
    });

    it("INV-4 pro rata: credits ⌊D·balance/supply⌋ give or take one unit, and INV-3 keeps the remainder", async function () {
      const { pool, usdc, minter, distributor, alice, bob, carol } = await loadFixture(reportedFixture);
      const holders = [alice, bob, carol];
      const balances = [ONE_SHARE, ONE_SHARE, ONE_SHARE + 7n];
      for (const [i, holder] of holders.entries()) await pool.connect(minter).mint(holder.address, balances[i]);
      const supply = sum(balances);
      const amount = 100n;
      await pool.connect(distributor).depositRevenue(usdc, amount, MINING, 1);
      const got = await claimables(pool, holders, usdc);
      for (const [i, balance] of balances.entries()) {
        const exact = (amount * balance) / supply;
        expect(got[i] >= exact - 1n && got[i] <= exact + 1n, `holder ${i}: ${got[i]} vs ${exact}`).to.equal(true);
      }
      const undistributed = (await pool.totalDeposited(usdc)) - (await pool.totalClaimed(usdc)) - sum(got);
      expect(undistributed >= 0n && undistributed <= BigInt(holders.length)).to.equal(true);
      expect(await usdc.balanceOf(pool)).to.equal(amount);
    });

    it("INV-3 conservation: carries the rounding remainder into the next deposit, never losing it", async function () {
      // A supply of 3 share units: 2^128 / 3 is not whole, so each 1-unit deposit leaves a remainder that is
      // carried. Three of them pay out exactly 2 + 1.
      const { pool, wbtc, minter, distributor, alice, bob } = await loadFixture(reportedFixture);
      await pool.connect(minter).mint(alice.address, 2n);
      await pool.connect(minter).mint(bob.address, 1n);
      const d = pool.connect(distributor);

      await d.depositRevenue(wbtc, 1n, MINING, 1);
      expect(await claimables(pool, [alice, bob], wbtc)).to.deep.equal([0n, 0n]);
      await d.depositRevenue(wbtc, 1n, MINING, 2);
      expect(await claimables(pool, [alice, bob], wbtc)).to.deep.equal([1n, 0n]);
      await d.depositRevenue(wbtc, 1n, MINING, 3);
      const got = await claimables(pool, [alice, bob], wbtc);
      expect(got).to.deep.equal([2n, 1n]);
      expect(sum(got)).to.equal(await pool.totalDeposited(wbtc));
      expect(await wbtc.balanceOf(pool)).to.equal(3n);
    });

    it("INV-3 conservation: claimables plus the carried remainder equal what was deposited, over many deposits", async function () {
      const { pool, usdc, minter, distributor, alice, bob, carol } = await loadFixture(reportedFixture);
      const holders = [alice, bob, carol];
      for (const holder of holders) await pool.connect(minter).mint(holder.address, ONE_SHARE);
      const d = pool.connect(distributor);
      let deposited = 0n;
      for (const [epoch, amount] of [100n, 1n, 2n, 7n, 1_000_003n, 5n].entries()) {
        await d.depositRevenue(usdc, amount, AI, epoch);
        deposited += amount;
        const got = await claimables(pool, holders, usdc);
        const undistributed = deposited - sum(got);
        expect(await pool.totalDeposited(usdc)).to.equal(deposited);
        expect(await usdc.balanceOf(pool)).to.equal(deposited);
        expect(undistributed >= 0n && undistributed <= BigInt(holders.length), `after epoch ${epoch}`).to.equal(true);
      }
    });

    it("INV-4 pro rata: shares acquired after a deposit earn nothing from it", async function () {
      const { pool, wbtc, minter, distributor, alice, bob, carol, dave } = await loadFixture(holdersFixture);
      const before = await claimables(pool, [alice, bob, carol], wbtc);
      await pool.connect(distributor).depositRevenue(wbtc, 6n * ONE_WBTC, MINING, 1);
      // dave is minted 6 UNITs (doubling the supply) and bob buys carol's shares after the deposit.
      await pool.connect(minter).mint(dave.address, 6n * UNIT);
      await pool.connect(carol).transfer(bob.address, CAROL_SHARES);
      expect(before).to.deep.equal([0n, 0n, 0n]);
      expect(await claimables(pool, [alice, bob, carol, dave], wbtc)).to.deep.equal([
        ONE_WBTC,
        2n * ONE_WBTC,
        3n * ONE_WBTC,
        0n,
      ]);
      // The next deposit is split with the new balances: alice 1, bob 5, carol 0, dave 6 UNITs of 12.
      await pool.connect(distributor).depositRevenue(wbtc, 12n * ONE_WBTC, MINING, 2);
      expect(await claimables(pool, [alice, bob, carol, dave], wbtc)).to.deep.equal([
        2n * ONE_WBTC,
        7n * ONE_WBTC,
        3n * ONE_WBTC,
        6n * ONE_WBTC,
      ]);
    });

    it("credits what arrived for a fee-on-transfer token, and reverts ZeroAmount when nothing arrives", async function () {
      const fx = await loadFixture(reportedFixture);
      const { admin, distributor, alice } = fx;
      const feeFactory = await ethers.getContractFactory("FeeOnTransferToken", admin);
      const fee10 = await feeFactory.deploy(1_000n);
      const fee100 = await feeFactory.deploy(10_000n);
      const pool = await deployAliceOnlyPool(fx, [fee10, fee100], distributor);
      await fundAndApprove([fee10, fee100], distributor, 10_000n, pool);

      await expect(pool.connect(distributor).depositRevenue(fee10, 1_000n, MINING, 1))
        .to.emit(pool, "RevenueDeposited")
        .withArgs(await fee10.getAddress(), MINING, 1, 900n);
      expect(await pool.totalDeposited(fee10)).to.equal(900n);
      expect(await pool.revenueBySource(fee10, MINING)).to.equal(900n);
      expect(await pool.claimable(alice.address, fee10)).to.equal(900n);

      await expect(pool.connect(distributor).depositRevenue(fee100, 1_000n, MINING, 1))
        .to.be.revertedWithCustomError(pool, "ZeroAmount")
        .withArgs();
      expect(await pool.isEpochFunded(fee100, MINING, 1)).to.equal(false);
    });

    it("reverts when a deposit re-enters the pool (ReentrancyGuardReentrantCall)", async function () {
      const fx = await loadFixture(reportedFixture);
      const { admin, distributor } = fx;
      const reentrant = await (await ethers.getContractFactory("ReentrantToken", admin)).deploy();
      const pool = await deployAliceOnlyPool(fx, [reentrant], distributor);
      await fundAndApprove([reentrant], distributor, 1_000n, pool);
      await reentrant.arm(pool, pool.interface.encodeFunctionData("claim", [await reentrant.getAddress()]));
      await expect(pool.connect(distributor).depositRevenue(reentrant, 1_000n, MINING, 1))
        .to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall")
        .withArgs();
    });
  });

  describe("claimable", function () {
    it("reverts when the token is not a payout token (NotPayoutToken)", async function () {
      const { pool, alice } = await loadFixture(holdersFixture);
      const stranger = ethers.Wallet.createRandom().address;
      await expect(pool.claimable(alice.address, stranger))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(stranger);
    });

    it("refuses the zero address as a token of a pool with fewer than four tokens", async function () {
      const { admin, oracle, wbtc, alice } = await loadFixture(deployFixture);
      const pool = await deployPool(admin, oracle, [wbtc]);
      await expect(pool.claimable(alice.address, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(ethers.ZeroAddress);
      expect(await pool.payoutTokens()).to.deep.equal([await wbtc.getAddress()]);
    });

    it("is 0 for an account that never held shares", async function () {
      const { pool, wbtc, distributor, outsider } = await loadFixture(holdersFixture);
      await pool.connect(distributor).depositRevenue(wbtc, ONE_WBTC, MINING, 1);
      expect(await pool.claimable(outsider.address, wbtc)).to.equal(0n);
    });
  });

  describe("claim", function () {
    const depositedFixture = () => epochOneFixture(600n * ONE_USDC);

    it("returns, transfers and emits the claimable amount, then zeroes it", async function () {
      const { pool, wbtc, bob } = await depositedFixture();
      const amount = 2n * ONE_WBTC;
      expect(await pool.connect(bob).claim.staticCall(wbtc)).to.equal(amount);
      const tx = pool.connect(bob).claim(wbtc);
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(bob.address, await wbtc.getAddress(), bob.address, amount);
      await expect(tx).to.changeTokenBalances(ethers, wbtc, [pool, bob], [-amount, amount]);
      expect(await pool.claimable(bob.address, wbtc)).to.equal(0n);
      expect(await pool.totalClaimed(wbtc)).to.equal(amount);
      expect(await pool.totalDeposited(wbtc)).to.equal(6n * ONE_WBTC);
    });

    it("INV-6 idempotence: a second claim returns 0, transfers nothing and emits nothing", async function () {
      const { pool, wbtc, bob } = await depositedFixture();
      await pool.connect(bob).claim(wbtc);
      expect(await pool.connect(bob).claim.staticCall(wbtc)).to.equal(0n);
      const tx = pool.connect(bob).claim(wbtc);
      await expect(tx).not.to.emit(pool, "RevenueClaimed");
      await expect(tx).not.to.emit(wbtc, "Transfer");
      await expect(tx).to.changeTokenBalances(ethers, wbtc, [pool, bob], [0n, 0n]);
      expect(await pool.totalClaimed(wbtc)).to.equal(2n * ONE_WBTC);
    });

    it("returns 0 and does nothing for an account with nothing to claim", async function () {
      const { pool, usdc, outsider } = await depositedFixture();
      expect(await pool.connect(outsider).claim.staticCall(usdc)).to.equal(0n);
      const tx = pool.connect(outsider).claim(usdc);
      await expect(tx).not.to.emit(pool, "RevenueClaimed");
      await expect(tx).not.to.emit(usdc, "Transfer");
    });

    it("reverts when the token is not a payout token (NotPayoutToken)", async function () {
      const { pool, alice } = await depositedFixture();
      await expect(pool.connect(alice).claim(pool))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(await pool.getAddress());
    });

    it("pays revenue accrued before the holder transferred every share away", async function () {
      const { pool, wbtc, alice, dave } = await depositedFixture();
      await pool.connect(alice).transfer(dave.address, ALICE_SHARES);
      expect(await pool.balanceOf(alice.address)).to.equal(0n);
      await expect(pool.connect(alice).claim(wbtc)).to.changeTokenBalance(ethers, wbtc, alice, ONE_WBTC);
      expect(await pool.claimable(dave.address, wbtc)).to.equal(0n);
    });

    it("accrues across deposits and claims exactly what each deposit credited", async function () {
      const { pool, wbtc, distributor, carol } = await depositedFixture();
      await pool.connect(carol).claim(wbtc);
      await pool.connect(distributor).depositRevenue(wbtc, 12n * ONE_WBTC, MINING, 2);
      expect(await pool.claimable(carol.address, wbtc)).to.equal(6n * ONE_WBTC);
      await expect(pool.connect(carol).claim(wbtc)).to.changeTokenBalance(ethers, wbtc, carol, 6n * ONE_WBTC);
      expect(await pool.totalClaimed(wbtc)).to.equal(9n * ONE_WBTC);
    });

    it("reverts when the payout token re-enters claim (ReentrancyGuardReentrantCall)", async function () {
      const fx = await loadFixture(reportedFixture);
      const { admin, alice } = fx;
      const reentrant = await (await ethers.getContractFactory("ReentrantToken", admin)).deploy();
      const pool = await deployAliceOnlyPool(fx, [reentrant], admin);
      await fundAndApprove([reentrant], admin, 1_000n, pool);
      await pool.depositRevenue(reentrant, 1_000n, MINING, 1);
      await reentrant.arm(pool, pool.interface.encodeFunctionData("claim", [await reentrant.getAddress()]));
      await expect(pool.connect(alice).claim(reentrant))
        .to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall")
        .withArgs();
      expect(await pool.claimable(alice.address, reentrant)).to.equal(1_000n);
    });
  });

  describe("claimTo", function () {
    async function depositedFixture() {
      const fx = await loadFixture(holdersFixture);
      await fx.pool.connect(fx.distributor).depositRevenue(fx.usdc, 600n * ONE_USDC, AI, 1);
      return fx;
    }

    it("sends the caller's claimable amount to the recipient", async function () {
      const { pool, usdc, carol, outsider } = await depositedFixture();
      const amount = 300n * ONE_USDC;
      expect(await pool.connect(carol).claimTo.staticCall(usdc, outsider.address)).to.equal(amount);
      const tx = pool.connect(carol).claimTo(usdc, outsider.address);
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(carol.address, await usdc.getAddress(), outsider.address, amount);
      await expect(tx).to.changeTokenBalances(ethers, usdc, [pool, carol, outsider], [-amount, 0n, amount]);
      expect(await pool.claimable(carol.address, usdc)).to.equal(0n);
      expect(await pool.claimable(outsider.address, usdc)).to.equal(0n);
    });

    it("reverts when the recipient is the zero address (InvalidRecipient)", async function () {
      const { pool, usdc, carol } = await depositedFixture();
      await expect(pool.connect(carol).claimTo(usdc, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(pool, "InvalidRecipient")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts when the token is not a payout token (NotPayoutToken)", async function () {
      const { pool, carol } = await depositedFixture();
      const stranger = ethers.Wallet.createRandom().address;
      await expect(pool.connect(carol).claimTo(stranger, carol.address))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(stranger);
    });

    it("returns 0 and does nothing when there is nothing to claim", async function () {
      const { pool, wbtc, carol, outsider } = await depositedFixture();
      expect(await pool.connect(carol).claimTo.staticCall(wbtc, outsider.address)).to.equal(0n);
      const tx = pool.connect(carol).claimTo(wbtc, outsider.address);
      await expect(tx).not.to.emit(pool, "RevenueClaimed");
      await expect(tx).not.to.emit(wbtc, "Transfer");
    });
  });

  describe("claimAll", function () {
    it("claims every payout token in payoutTokens() order", async function () {
      const { pool, wbtc, usdc, distributor, bob } = await loadFixture(holdersFixture);
      await pool.connect(distributor).depositRevenue(wbtc, 6n * ONE_WBTC, MINING, 1);
      await pool.connect(distributor).depositRevenue(usdc, 600n * ONE_USDC, AI, 1);
      const amounts = [2n * ONE_WBTC, 200n * ONE_USDC];
      expect([...(await pool.connect(bob).claimAll.staticCall())]).to.deep.equal(amounts);
      const tx = pool.connect(bob).claimAll();
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(bob.address, await wbtc.getAddress(), bob.address, amounts[0]);
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(bob.address, await usdc.getAddress(), bob.address, amounts[1]);
      await expect(tx).to.changeTokenBalance(ethers, wbtc, bob, amounts[0]);
      await expect(tx).to.changeTokenBalance(ethers, usdc, bob, amounts[1]);
      expect([...(await pool.connect(bob).claimAll.staticCall())]).to.deep.equal([0n, 0n]);
    });

    it("returns 0 for a token with nothing to claim and emits only for the others", async function () {
      const { pool, wbtc, usdc, distributor, alice } = await loadFixture(holdersFixture);
      await pool.connect(distributor).depositRevenue(usdc, 6n * ONE_USDC, AI, 1);
      expect([...(await pool.connect(alice).claimAll.staticCall())]).to.deep.equal([0n, ONE_USDC]);
      const tx = pool.connect(alice).claimAll();
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(alice.address, await usdc.getAddress(), alice.address, ONE_USDC);
      await expect(tx).not.to.emit(wbtc, "Transfer");
    });

    it("returns one amount per payout token of a four-token pool", async function () {
      const fx = await loadFixture(deployFixture);
      const { admin, alice } = fx;
      const tokenFactory = await ethers.getContractFactory("MockERC20", admin);
      const tokens = [];
      for (const s of ["A", "B", "C", "D"]) tokens.push(await tokenFactory.deploy(s, s, 18));
      const pool = await deployAliceOnlyPool(fx, tokens, admin);
      for (const [i, token] of tokens.entries()) {
        await token.mint(admin.address, 1_000n);
        await token.approve(pool, ethers.MaxUint256);
        await pool.depositRevenue(token, BigInt(10 * (i + 1)), MINING, 1);
      }
      expect([...(await pool.connect(alice).claimAll.staticCall())]).to.deep.equal([10n, 20n, 30n, 40n]);
      await pool.connect(alice).claimAll();
      for (const [i, token] of tokens.entries()) {
        expect(await token.balanceOf(alice.address)).to.equal(BigInt(10 * (i + 1)));
        expect(await pool.totalClaimed(token)).to.equal(BigInt(10 * (i + 1)));
      }
    });
  });

  describe("INV-7 liveness", function () {
    const depositedFixture = () => epochOneFixture(6n * ONE_USDC);

    it("INV-7 liveness: claim, claimTo and claimAll work while paused", async function () {
      const { pool, wbtc, usdc, pauser, alice, bob, carol, outsider } = await depositedFixture();
      await pool.connect(pauser).pause();
      await expect(pool.connect(alice).claim(wbtc)).to.changeTokenBalance(ethers, wbtc, alice, ONE_WBTC);
      await expect(pool.connect(bob).claimTo(wbtc, outsider.address)).to.changeTokenBalance(
        ethers,
        wbtc,
        outsider,
        2n * ONE_WBTC,
      );
      await expect(pool.connect(carol).claimAll()).to.changeTokenBalance(ethers, usdc, carol, 3n * ONE_USDC);
    });

    it("INV-7 liveness: claims work with a stale or zero report and after every role was revoked", async function () {
      const { pool, oracle, reporters, wbtc, admin, minter, distributor, pauser, alice, reportedAt } =
        await depositedFixture();
      await reportNow(time, oracle, reporters[0], pool, 0n);
      await time.increaseTo(reportedAt + MAX_REPORT_AGE * 10n);
      await pool.revokeRole(MINTER_ROLE, minter.address);
      await pool.revokeRole(DISTRIBUTOR_ROLE, distributor.address);
      await pool.revokeRole(PAUSER_ROLE, pauser.address);
      await pool.beginDefaultAdminTransfer(ethers.ZeroAddress);
      await time.increase(INITIAL_ADMIN_DELAY + 1n);
      await pool.renounceRole(DEFAULT_ADMIN_ROLE, admin.address);
      expect(await pool.defaultAdmin()).to.equal(ethers.ZeroAddress);
      expect(await pool.mintableShares()).to.equal(0n);
      await expect(pool.connect(alice).claim(wbtc)).to.changeTokenBalance(ethers, wbtc, alice, ONE_WBTC);
    });
  });

  describe("transfers", function () {
    it("INV-5 transfer neutrality: transfers, self-transfers, transferFrom, zero transfers and mints leave every claimable unchanged", async function () {
      const { pool, wbtc, usdc, minter, distributor, alice, bob, carol, dave } = await loadFixture(holdersFixture);
      await pool.connect(distributor).depositRevenue(wbtc, 6n * ONE_WBTC + 5n, MINING, 1);
      await pool.connect(distributor).depositRevenue(usdc, 6n * ONE_USDC + 1n, AI, 1);
      const accounts = [alice, bob, carol, dave];
      const snapshot = async () => [await claimables(pool, accounts, wbtc), await claimables(pool, accounts, usdc)];
      const before = await snapshot();

      await pool.connect(alice).transfer(bob.address, ALICE_SHARES / 2n);
      expect(await snapshot()).to.deep.equal(before);
      await pool.connect(bob).transfer(bob.address, BOB_SHARES);
      expect(await snapshot()).to.deep.equal(before);
      await pool.connect(carol).approve(alice.address, CAROL_SHARES);
      await pool.connect(alice).transferFrom(carol.address, dave.address, CAROL_SHARES - 1n);
      expect(await snapshot()).to.deep.equal(before);
      await pool.connect(carol).transfer(alice.address, 0n);
      expect(await snapshot()).to.deep.equal(before);
      await pool.connect(minter).mint(alice.address, 5n * UNIT);
      expect(await snapshot()).to.deep.equal(before);
      // Round trip: everything back where it was.
      await pool.connect(dave).transfer(carol.address, CAROL_SHARES - 1n);
      await pool.connect(bob).transfer(alice.address, ALICE_SHARES / 2n);
      expect(await snapshot()).to.deep.equal(before);
    });

    it("reverts while paused (EnforcedPause), for transfer and transferFrom", async function () {
      const { pool, pauser, alice, bob } = await loadFixture(holdersFixture);
      await pool.connect(alice).approve(bob.address, ALICE_SHARES);
      await pool.connect(pauser).pause();
      await expect(pool.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
      await expect(pool.connect(bob).transferFrom(alice.address, bob.address, 1n))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
    });
  });

  describe("pause and unpause", function () {
    it("reverts when the caller lacks PAUSER_ROLE", async function () {
      const { pool, pauser, admin, outsider } = await loadFixture(holdersFixture);
      for (const caller of [outsider, admin]) {
        await expect(pool.connect(caller).pause())
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, PAUSER_ROLE);
      }
      await pool.connect(pauser).pause();
      for (const caller of [outsider, admin]) {
        await expect(pool.connect(caller).unpause())
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, PAUSER_ROLE);
      }
    });

    it("stops mint, deposit and transfers, emits Paused/Unpaused, and resumes them", async function () {
      const { pool, wbtc, pauser, minter, distributor, alice, bob } = await loadFixture(holdersFixture);
      await expect(pool.connect(pauser).pause()).to.emit(pool, "Paused").withArgs(pauser.address);
      expect(await pool.paused()).to.equal(true);
      await expect(pool.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
      await expect(pool.connect(distributor).depositRevenue(wbtc, 1n, MINING, 1))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
      await expect(pool.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
      await expect(pool.connect(pauser).pause()).to.be.revertedWithCustomError(pool, "EnforcedPause").withArgs();

      await expect(pool.connect(pauser).unpause()).to.emit(pool, "Unpaused").withArgs(pauser.address);
      expect(await pool.paused()).to.equal(false);
      await expect(pool.connect(pauser).unpause()).to.be.revertedWithCustomError(pool, "ExpectedPause").withArgs();
      await expect(pool.connect(minter).mint(alice.address, 1n)).to.changeTokenBalance(ethers, pool, alice, 1n);
      await expect(pool.connect(distributor).depositRevenue(wbtc, 1n, MINING, 1)).to.emit(pool, "RevenueDeposited");
      await expect(pool.connect(alice).transfer(bob.address, 1n)).to.changeTokenBalance(ethers, pool, bob, 1n);
    });
  });

  describe("permit", function () {
    async function domainOf(pool: MiningPoolShare) {
      const { chainId } = await ethers.provider.getNetwork();
      return { name: POOL_NAME, version: "1", chainId, verifyingContract: await pool.getAddress() };
    }

    /** `signer` signs a permit of `owner`'s shares (a valid permit when signer = owner). */
    async function sign(
      pool: MiningPoolShare,
      owner: HardhatEthersSigner,
      spender: string,
      value: bigint,
      nonce: bigint,
      deadline: bigint,
      signer: HardhatEthersSigner = owner,
    ) {
      const message = { owner: owner.address, spender, value, nonce, deadline };
      const signature = await signPermit(signer, await domainOf(pool), message);
      return { message, signature };
    }

    it("exposes the EIP-712 domain the signatures use", async function () {
      const { pool } = await loadFixture(holdersFixture);
      const domain = await domainOf(pool);
      expect(await pool.DOMAIN_SEPARATOR()).to.equal(ethers.TypedDataEncoder.hashDomain(domain));
      const [, name, version, chainId, verifyingContract] = await pool.eip712Domain();
      expect([name, version, chainId, verifyingContract]).to.deep.equal([
        POOL_NAME,
        "1",
        domain.chainId,
        domain.verifyingContract,
      ]);
    });

    it("sets the allowance from a valid signature, increments the nonce and emits Approval", async function () {
      const { pool, alice, bob, outsider } = await loadFixture(holdersFixture);
      const deadline = BigInt(await time.latest()) + 3600n;
      expect(await pool.nonces(alice.address)).to.equal(0n);
      const { signature } = await sign(pool, alice, bob.address, ALICE_SHARES, 0n, deadline);
      await expect(
        pool
          .connect(outsider)
          .permit(alice.address, bob.address, ALICE_SHARES, deadline, signature.v, signature.r, signature.s),
      )
        .to.emit(pool, "Approval")
        .withArgs(alice.address, bob.address, ALICE_SHARES);
      expect(await pool.allowance(alice.address, bob.address)).to.equal(ALICE_SHARES);
      expect(await pool.nonces(alice.address)).to.equal(1n);
      await expect(pool.connect(bob).transferFrom(alice.address, bob.address, ALICE_SHARES)).to.changeTokenBalance(
        ethers,
        pool,
        bob,
        ALICE_SHARES,
      );

      // A second permit signs the next nonce.
      const second = await sign(pool, alice, outsider.address, 5n, 1n, deadline);
      await pool.permit(
        alice.address,
        outsider.address,
        5n,
        deadline,
        second.signature.v,
        second.signature.r,
        second.signature.s,
      );
      expect(await pool.nonces(alice.address)).to.equal(2n);
      expect(await pool.allowance(alice.address, outsider.address)).to.equal(5n);
    });

    it("reverts when the same signature is replayed (ERC2612InvalidSigner)", async function () {
      const { pool, alice, bob } = await loadFixture(holdersFixture);
      const deadline = BigInt(await time.latest()) + 3600n;
      const { message, signature } = await sign(pool, alice, bob.address, 10n, 0n, deadline);
      await pool.permit(alice.address, bob.address, 10n, deadline, signature.v, signature.r, signature.s);
      // Replayed, the signature is checked against nonce 1 and recovers some other address.
      const recovered = ethers.verifyTypedData(
        await domainOf(pool),
        PERMIT_TYPES,
        { ...message, nonce: 1n },
        signature,
      );
      expect(recovered).to.not.equal(alice.address);
      await expect(pool.permit(alice.address, bob.address, 10n, deadline, signature.v, signature.r, signature.s))
        .to.be.revertedWithCustomError(pool, "ERC2612InvalidSigner")
        .withArgs(recovered, alice.address);
      expect(await pool.nonces(alice.address)).to.equal(1n);
    });

    it("reverts when another account signed (ERC2612InvalidSigner)", async function () {
      const { pool, alice, bob } = await loadFixture(holdersFixture);
      const deadline = BigInt(await time.latest()) + 3600n;
      const { signature } = await sign(pool, alice, bob.address, 10n, 0n, deadline, bob);
      await expect(pool.permit(alice.address, bob.address, 10n, deadline, signature.v, signature.r, signature.s))
        .to.be.revertedWithCustomError(pool, "ERC2612InvalidSigner")
        .withArgs(bob.address, alice.address);
    });

    it("reverts when the deadline has passed (ERC2612ExpiredSignature)", async function () {
      const { pool, alice, bob } = await loadFixture(holdersFixture);
      const deadline = BigInt(await time.latest()) + 10n;
      const { signature } = await sign(pool, alice, bob.address, 10n, 0n, deadline);
      await time.setNextBlockTimestamp(deadline + 1n);
      await expect(pool.permit(alice.address, bob.address, 10n, deadline, signature.v, signature.r, signature.s))
        .to.be.revertedWithCustomError(pool, "ERC2612ExpiredSignature")
        .withArgs(deadline);
      expect(await pool.nonces(alice.address)).to.equal(0n);
    });

    it("accepts a signature at its deadline second", async function () {
      const { pool, alice, bob } = await loadFixture(holdersFixture);
      const deadline = BigInt(await time.latest()) + 10n;
      const { signature } = await sign(pool, alice, bob.address, 10n, 0n, deadline);
      await time.setNextBlockTimestamp(deadline);
      await expect(pool.permit(alice.address, bob.address, 10n, deadline, signature.v, signature.r, signature.s))
        .to.emit(pool, "Approval")
        .withArgs(alice.address, bob.address, 10n);
    });
  });

  describe("views", function () {
    it("totalDeposited, totalClaimed and revenueBySource revert for a token that is not a payout token", async function () {
      const { pool } = await loadFixture(holdersFixture);
      const stranger = ethers.Wallet.createRandom().address;
      for (const call of [
        pool.totalDeposited(stranger),
        pool.totalClaimed(stranger),
        pool.revenueBySource(stranger, MINING),
      ]) {
        await expect(call).to.be.revertedWithCustomError(pool, "NotPayoutToken").withArgs(stranger);
      }
    });

    it("revenueBySource reverts for an unknown source (UnknownRevenueSource)", async function () {
      const { pool, wbtc } = await loadFixture(holdersFixture);
      await expect(pool.revenueBySource(wbtc, 2))
        .to.be.revertedWithCustomError(pool, "UnknownRevenueSource")
        .withArgs(2);
    });

    it("INV-2 solvency and INV-3 conservation: balance = totalDeposited − totalClaimed ≥ Σ claimable", async function () {
      const { pool, wbtc, distributor, alice, bob, carol } = await loadFixture(holdersFixture);
      const holders = [alice, bob, carol];
      await pool.connect(distributor).depositRevenue(wbtc, 1_000_001n, MINING, 1);
      await pool.connect(bob).claim(wbtc);
      await pool.connect(alice).transfer(carol.address, ALICE_SHARES);
      await pool.connect(distributor).depositRevenue(wbtc, 333n, AI, 1);
      await pool.connect(carol).claim(wbtc);
      const balance = await wbtc.balanceOf(pool);
      const outstanding = (await pool.totalDeposited(wbtc)) - (await pool.totalClaimed(wbtc));
      const owed = sum(await claimables(pool, holders, wbtc));
      expect(balance).to.equal(outstanding);
      expect(balance >= owed).to.equal(true);
      expect(outstanding - owed <= BigInt(holders.length)).to.equal(true);
    });

    it("reads the magnified ledger exactly: claimable = ⌊rps · balance / 2^128⌋ for a single deposit", async function () {
      const { pool, usdc, distributor, alice, bob, carol } = await loadFixture(holdersFixture);
      const amount = 1_000_000_007n;
      await pool.connect(distributor).depositRevenue(usdc, amount, AI, 1);
      const supply = await pool.totalSupply();
      const rps = (amount * MAGNITUDE) / supply;
      const expected = [ALICE_SHARES, BOB_SHARES, CAROL_SHARES].map((b) => (rps * b) / MAGNITUDE);
      expect(await claimables(pool, [alice, bob, carol], usdc)).to.deep.equal(expected);
    });
  });

  shouldBehaveLikeDefaultAdminRules(async () => {
    const { pool, admin, outsider } = await loadFixture(deployFixture);
    return { contract: pool, admin, newAdmin: outsider, time };
  });
});
