/**
 * PackedRevenueShare is a benchmark-only contract (contracts/bench): these tests show that the layout `bench/gas.ts`
 * measures is a working design within its documented precision limits, and that the limits are real and enforced.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20, PackedRevenueShare } from "../../typechain-types/index.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;

const ONE_SHARE = 10n ** 18n;
const LANE = 2n ** 128n;
const MINING = 0;
const AI = 1;

interface Fixture {
  pool: PackedRevenueShare;
  wbtc: MockERC20;
  usdc: MockERC20;
  admin: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  dave: HardhatEthersSigner;
}

/** Deploys WBTC (8 dec) and USDC (6 dec) and a pool over them with magnification 2^bits[i]; admin holds all roles. */
async function deploy(bits: readonly [bigint, bigint]): Promise<Fixture> {
  const [admin, alice, bob, carol, dave] = await ethers.getSigners();
  const tokenFactory = await ethers.getContractFactory("MockERC20", admin);
  const wbtc = await tokenFactory.deploy("Wrapped BTC", "WBTC", 8);
  const usdc = await tokenFactory.deploy("USD Coin", "USDC", 6);
  const pool = await (
    await ethers.getContractFactory("PackedRevenueShare", admin)
  ).deploy("Packed Pool", "PRS", admin.address, [await wbtc.getAddress(), await usdc.getAddress()], [...bits]);
  for (const role of [await pool.MINTER_ROLE(), await pool.DISTRIBUTOR_ROLE(), await pool.PAUSER_ROLE()]) {
    await pool.grantRole(role, admin.address);
  }
  for (const token of [wbtc, usdc]) {
    await token.mint(admin.address, 2n ** 200n);
    await token.approve(await pool.getAddress(), ethers.MaxUint256);
  }
  return { pool, wbtc, usdc, admin, alice, bob, carol, dave };
}

/** The benchmarked configuration: k = 64 for both tokens. */
async function k64Fixture(): Promise<Fixture> {
  return deploy([64n, 64n]);
}

/** k64Fixture plus alice, bob and carol holding 1, 2 and 4 shares (each below 2^64 share units). */
async function holdersFixture(): Promise<Fixture> {
  const fx = await k64Fixture();
  await fx.pool.mint(fx.alice.address, 1n * ONE_SHARE);
  await fx.pool.mint(fx.bob.address, 2n * ONE_SHARE);
  await fx.pool.mint(fx.carol.address, 4n * ONE_SHARE);
  return fx;
}

/** k = 120 for WBTC (unclaimed cap 2^8 − 1 = 255 base units), k = 0 for USDC (the carry is in whole base units). */
async function tightFixture(): Promise<Fixture> {
  return deploy([120n, 0n]);
}

async function claimables(pool: PackedRevenueShare, accounts: readonly string[], token: MockERC20): Promise<bigint[]> {
  return Promise.all(accounts.map((account) => pool.claimable(account, token)));
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

/**
 * Conservation (INV-3 within limit 2): the pool holds exactly deposited − claimed, and that exceeds Σ claimable by
 * the carry (below supply / 2^k) plus less than one base unit per account.
 */
async function expectConserved(pool: PackedRevenueShare, token: MockERC20, accounts: readonly string[]) {
  const deposited = await pool.totalDeposited(token);
  const claimed = await pool.totalClaimed(token);
  expect(await token.balanceOf(await pool.getAddress())).to.equal(deposited - claimed);
  const bits = await pool.magnitudeBits(token);
  const carry = await pool.carry(token);
  expect(carry).to.be.lessThan(await pool.totalSupply());
  const unassigned = deposited - claimed - sum(await claimables(pool, accounts, token));
  // Σ owed (magnified) + carry = (deposited − claimed) · 2^k exactly; claimables floor each owed amount.
  expect(unassigned * 2n ** bits).to.be.greaterThanOrEqual(carry);
  expect(unassigned * 2n ** bits).to.be.lessThan(carry + BigInt(accounts.length) * 2n ** bits);
}

describe("PackedRevenueShare (benchmark only)", function () {
  describe("constructor", function () {
    it("reverts when a magnification exponent is above 127 (InvalidMagnitudeBits)", async function () {
      const { pool, wbtc, usdc, admin } = await loadFixture(k64Fixture);
      const factory = await ethers.getContractFactory("PackedRevenueShare", admin);
      await expect(factory.deploy("P", "P", admin.address, [wbtc, usdc], [64, 128]))
        .to.be.revertedWithCustomError(pool, "InvalidMagnitudeBits")
        .withArgs(128);
    });

    it("reverts when both payout tokens are the same (InvalidPayoutToken)", async function () {
      const { pool, wbtc, admin } = await loadFixture(k64Fixture);
      const factory = await ethers.getContractFactory("PackedRevenueShare", admin);
      await expect(factory.deploy("P", "P", admin.address, [wbtc, wbtc], [64, 64]))
        .to.be.revertedWithCustomError(pool, "InvalidPayoutToken")
        .withArgs(await wbtc.getAddress());
    });

    it("exposes the two payout tokens and their magnification and unclaimed cap", async function () {
      const { pool, wbtc, usdc } = await loadFixture(k64Fixture);
      expect(await pool.payoutTokens()).to.deep.equal([await wbtc.getAddress(), await usdc.getAddress()]);
      expect(await pool.magnitudeBits(usdc)).to.equal(64n);
      expect(await pool.payoutLimit(wbtc)).to.equal(2n ** 64n - 1n);
    });
  });

  describe("depositRevenue", function () {
    it("credits each holder ⌊D · balance / supply⌋ or one unit less, over several deposits (INV-4)", async function () {
      const { pool, wbtc, usdc, alice, bob, carol } = await loadFixture(holdersFixture);
      const holders = [alice.address, bob.address, carol.address];
      const balances = [1n, 2n, 4n].map((shares) => shares * ONE_SHARE);
      const supply = 7n * ONE_SHARE;
      const wbtcDeposits = [12_345_679n, 1n, 99_999_999n, 5n];
      const usdcDeposits = [987_654_321n, 3n, 1_000_000n, 7n];
      for (const [epoch, amount] of wbtcDeposits.entries()) {
        await pool.depositRevenue(wbtc, amount, MINING, epoch);
        await pool.depositRevenue(usdc, usdcDeposits[epoch], AI, epoch);
      }
      for (const [token, deposits] of [
        [wbtc, wbtcDeposits],
        [usdc, usdcDeposits],
      ] as const) {
        // Constant supply: owed = ⌊balance · (ΣD · 2^k − carry) / (supply · 2^k)⌋, and balance < 2^k here.
        const total = sum(deposits);
        const got = await claimables(pool, holders, token);
        balances.forEach((balance, i) => {
          const ideal = (total * balance) / supply;
          expect(got[i]).to.be.oneOf([ideal, ideal - 1n]);
        });
        expect(await pool.totalDeposited(token)).to.equal(total);
        await expectConserved(pool, token, holders);
      }
      expect(await pool.revenueBySource(wbtc, MINING)).to.equal(sum(wbtcDeposits));
      expect(await pool.revenueBySource(wbtc, AI)).to.equal(0n);
      expect(await pool.revenueBySource(usdc, AI)).to.equal(sum(usdcDeposits));
    });

    it("reverts when the (token, source, epoch) was already funded (EpochAlreadyFunded)", async function () {
      const { pool, wbtc, usdc } = await loadFixture(holdersFixture);
      await pool.depositRevenue(wbtc, 100n, MINING, 7n);
      await pool.depositRevenue(usdc, 100n, MINING, 7n);
      await pool.depositRevenue(wbtc, 100n, AI, 7n);
      expect(await pool.isEpochFunded(wbtc, MINING, 7n)).to.equal(true);
      await expect(pool.depositRevenue(wbtc, 100n, MINING, 7n))
        .to.be.revertedWithCustomError(pool, "EpochAlreadyFunded")
        .withArgs(await wbtc.getAddress(), MINING, 7n);
    });

    it("reverts on an unknown token, source, a zero amount, or no holders", async function () {
      const { pool, wbtc, usdc, admin } = await loadFixture(k64Fixture);
      await expect(pool.depositRevenue(wbtc, 100n, MINING, 1n))
        .to.be.revertedWithCustomError(pool, "NoSharesOutstanding")
        .withArgs();
      await pool.mint(admin.address, ONE_SHARE);
      await expect(pool.depositRevenue(pool, 100n, MINING, 1n))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(await pool.getAddress());
      await expect(pool.depositRevenue(usdc, 100n, 2, 1n))
        .to.be.revertedWithCustomError(pool, "UnknownRevenueSource")
        .withArgs(2);
      await expect(pool.depositRevenue(usdc, 0n, AI, 1n))
        .to.be.revertedWithCustomError(pool, "ZeroAmount")
        .withArgs();
    });
  });

  describe("transfers and mints", function () {
    it("leave every claimable of both tokens unchanged (INV-5), and new shares earn only later revenue", async function () {
      const { pool, wbtc, usdc, alice, bob, carol, dave } = await loadFixture(holdersFixture);
      const accounts = [alice.address, bob.address, carol.address, dave.address];
      await pool.depositRevenue(wbtc, 12_345_679n, MINING, 1n);
      await pool.depositRevenue(usdc, 987_654_321n, AI, 1n);
      const before = [await claimables(pool, accounts, wbtc), await claimables(pool, accounts, usdc)];
      const steps = [
        () => pool.connect(alice).transfer(bob.address, ONE_SHARE / 3n),
        () => pool.connect(bob).transfer(alice.address, ONE_SHARE + 7n),
        () => pool.connect(carol).transfer(carol.address, ONE_SHARE),
        () => pool.connect(carol).transfer(dave.address, 2n * ONE_SHARE),
        () => pool.mint(dave.address, 3n * ONE_SHARE),
      ];
      for (const step of steps) {
        await step();
        expect(await claimables(pool, accounts, wbtc)).to.deep.equal(before[0]);
        expect(await claimables(pool, accounts, usdc)).to.deep.equal(before[1]);
      }
      // dave holds 5 of 10 shares now: the next deposit credits him half of it (give or take one unit).
      const deposit = 1_000_001n;
      await pool.depositRevenue(wbtc, deposit, MINING, 2n);
      const gain = (await pool.claimable(dave.address, wbtc)) - before[0][3];
      expect(gain).to.be.oneOf([deposit / 2n - 1n, deposit / 2n, deposit / 2n + 1n]);
      await expectConserved(pool, wbtc, accounts);
    });

    it("revert while paused, but claims still pay (INV-7)", async function () {
      const { pool, wbtc, alice, bob } = await loadFixture(holdersFixture);
      await pool.depositRevenue(wbtc, 7_000n, MINING, 1n);
      await pool.pause();
      await expect(pool.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
      const amount = await pool.claimable(alice.address, wbtc);
      expect(amount).to.be.oneOf([999n, 1_000n]);
      await expect(pool.connect(alice).claim(wbtc)).to.changeTokenBalance(ethers, wbtc, alice, amount);
    });
  });

  describe("claim and claimAll", function () {
    it("claim pays the claimable amount once; a second claim pays 0 and sends nothing (INV-6)", async function () {
      const { pool, wbtc, usdc, alice, bob, carol } = await loadFixture(holdersFixture);
      await pool.depositRevenue(wbtc, 12_345_679n, MINING, 1n);
      await pool.depositRevenue(usdc, 987_654_321n, AI, 1n);
      await pool.connect(alice).transfer(bob.address, ONE_SHARE / 2n);
      const amount = await pool.claimable(alice.address, wbtc);
      const usdcBefore = await pool.claimable(alice.address, usdc);
      expect(amount).to.be.greaterThan(0n);
      expect(await pool.connect(alice).claim.staticCall(wbtc)).to.equal(amount);
      const tx = pool.connect(alice).claim(wbtc);
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(alice.address, await wbtc.getAddress(), alice.address, amount);
      await expect(tx).to.changeTokenBalances(ethers, wbtc, [pool, alice], [-amount, amount]);
      expect(await pool.claimable(alice.address, wbtc)).to.equal(0n);
      expect(await pool.claimable(alice.address, usdc)).to.equal(usdcBefore);
      expect(await pool.totalClaimed(wbtc)).to.equal(amount);
      expect(await pool.totalClaimed(usdc)).to.equal(0n);

      expect(await pool.connect(alice).claim.staticCall(wbtc)).to.equal(0n);
      const again = pool.connect(alice).claim(wbtc);
      await expect(again).to.not.emit(pool, "RevenueClaimed");
      await expect(again).to.changeTokenBalance(ethers, wbtc, alice, 0n);
      await expectConserved(pool, wbtc, [alice.address, bob.address, carol.address]);
    });

    it("claimAll pays both tokens; a second claimAll pays [0, 0]", async function () {
      const { pool, wbtc, usdc, alice, bob, carol } = await loadFixture(holdersFixture);
      await pool.depositRevenue(wbtc, 12_345_679n, MINING, 1n);
      await pool.depositRevenue(usdc, 987_654_321n, AI, 1n);
      await pool.connect(carol).transfer(alice.address, ONE_SHARE);
      await pool.depositRevenue(wbtc, 3n, MINING, 2n);
      const amounts = [await pool.claimable(bob.address, wbtc), await pool.claimable(bob.address, usdc)];
      expect(await pool.connect(bob).claimAll.staticCall()).to.deep.equal(amounts);
      const tx = pool.connect(bob).claimAll();
      await expect(tx).to.changeTokenBalance(ethers, wbtc, bob, amounts[0]);
      await expect(tx).to.changeTokenBalance(ethers, usdc, bob, amounts[1]);
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(bob.address, await usdc.getAddress(), bob.address, amounts[1]);
      expect(await pool.connect(bob).claimAll.staticCall()).to.deep.equal([0n, 0n]);
      for (const token of [wbtc, usdc]) {
        expect(await pool.claimable(bob.address, token)).to.equal(0n);
        await expectConserved(pool, token, [alice.address, bob.address, carol.address]);
      }
    });

    it("stays exact at a billion shares (1e27 units) and near the 2^64 unclaimed cap", async function () {
      const { pool, wbtc, usdc, alice, bob, carol } = await loadFixture(k64Fixture);
      const holders = [alice.address, bob.address, carol.address];
      await pool.mint(alice.address, 10n ** 26n);
      await pool.mint(bob.address, 3n * 10n ** 26n);
      await pool.mint(carol.address, 6n * 10n ** 26n);
      const big = 2n ** 64n - 2n;
      await pool.depositRevenue(wbtc, big, MINING, 1n);
      await pool.depositRevenue(usdc, 1n, AI, 1n);
      const got = await claimables(pool, holders, wbtc);
      // Limit 2: each holder may be short of its exact share by up to balance / 2^64 units (carried, not lost).
      [1n, 3n, 6n].forEach((tenths, i) => {
        const ideal = (big * tenths) / 10n;
        expect(got[i]).to.be.lessThanOrEqual(ideal);
        expect(ideal - got[i]).to.be.lessThanOrEqual((tenths * 10n ** 26n) / 2n ** 64n + 1n);
      });
      await expectConserved(pool, wbtc, holders);
      await expectConserved(pool, usdc, holders);
      await pool.connect(carol).claimAll();
      expect(await pool.totalClaimed(wbtc)).to.equal(got[2]);
      await expectConserved(pool, wbtc, holders);
    });
  });

  describe("precision limits", function () {
    it("reverts a deposit that would take unclaimed revenue past 2^(128−k) − 1 (PayoutLimitExceeded)", async function () {
      const { pool, wbtc, alice } = await loadFixture(tightFixture);
      await pool.mint(alice.address, ONE_SHARE);
      expect(await pool.payoutLimit(wbtc)).to.equal(255n);
      await pool.depositRevenue(wbtc, 200n, MINING, 1n);
      await pool.depositRevenue(wbtc, 55n, MINING, 2n);
      // 256 · 2^120 = 2^128 would wrap alice's lane to 0: the deposit is refused instead.
      await expect(pool.depositRevenue(wbtc, 1n, MINING, 3n))
        .to.be.revertedWithCustomError(pool, "PayoutLimitExceeded")
        .withArgs(await wbtc.getAddress(), 256n, 255n);
      const claimed = await pool.connect(alice).claim.staticCall(wbtc);
      expect(claimed + ((await pool.carry(wbtc)) + 2n ** 120n - 1n) / 2n ** 120n).to.equal(255n);
      await pool.connect(alice).claim(wbtc);
      // Claims free room under the cap.
      await pool.depositRevenue(wbtc, claimed, MINING, 3n);
      expect(await pool.claimable(alice.address, wbtc)).to.be.oneOf([254n, 255n]);
    });

    it("carries what a deposit cannot split into a later deposit, never losing it (limit 2)", async function () {
      const { pool, usdc, alice, bob, carol } = await loadFixture(tightFixture);
      const holders = [alice.address, bob.address, carol.address];
      for (const holder of holders) await pool.mint(holder, 1n); // supply 3 units, k = 0 for USDC
      await pool.depositRevenue(usdc, 2n, AI, 1n);
      expect(await claimables(pool, holders, usdc)).to.deep.equal([0n, 0n, 0n]);
      expect(await pool.carry(usdc)).to.equal(2n);
      await pool.depositRevenue(usdc, 1n, AI, 2n);
      expect(await claimables(pool, holders, usdc)).to.deep.equal([1n, 1n, 1n]);
      expect(await pool.carry(usdc)).to.equal(0n);
      await expectConserved(pool, usdc, holders);
    });

    it("reverts a mint that would take the supply to 2^128 share units (SupplyLimitExceeded)", async function () {
      const { pool, alice, bob } = await loadFixture(k64Fixture);
      await pool.mint(alice.address, LANE - 2n);
      await pool.mint(bob.address, 1n);
      await expect(pool.mint(bob.address, 1n))
        .to.be.revertedWithCustomError(pool, "SupplyLimitExceeded")
        .withArgs(LANE);
    });
  });
});
