/**
 * Hostile and unusual payout tokens: fee-on-transfer, false-returning, and mixed decimals in one pool.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { FalseReturnToken, FeeOnTransferToken, MockERC20 } from "../../typechain-types/index.js";
import {
  AI,
  MINING,
  ONE_SHARE,
  deployPool,
  expectConserved,
  expectExactProRata,
  fundDistributor,
  readLedger,
} from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

describe("MiningPoolShare with hostile payout tokens", function () {
  describe("fee-on-transfer token (1% fee)", function () {
    async function feeTokenFixture() {
      const fee: FeeOnTransferToken = await ethers.deployContract("FeeOnTransferToken", [100n]);
      const total: FeeOnTransferToken = await ethers.deployContract("FeeOnTransferToken", [10_000n]);
      const setup = await deployPool(ethers, [fee, total]);
      const [alice, bob] = setup.users;
      await setup.pool.connect(setup.minter).mint(alice.address, ONE_SHARE);
      await setup.pool.connect(setup.minter).mint(bob.address, 2n * ONE_SHARE);
      await fundDistributor(setup, [fee, total], 10n ** 30n);
      return { ...setup, fee, total, alice, bob };
    }

    it("credits what arrived, not what was sent (event, totalDeposited, revenueBySource)", async function () {
      const { pool, distributor, fee } = await networkHelpers.loadFixture(feeTokenFixture);
      const sent = 1_000_001n;
      const arrived = sent - (sent * 100n) / 10_000n; // 990_001
      await expect(pool.connect(distributor).depositRevenue(fee, sent, MINING, 1n))
        .to.emit(pool, "RevenueDeposited")
        .withArgs(await fee.getAddress(), MINING, 1n, arrived);
      expect(await pool.totalDeposited(fee)).to.equal(arrived);
      expect(await pool.revenueBySource(fee, MINING)).to.equal(arrived);
      expect(await pool.revenueBySource(fee, AI)).to.equal(0n);
      expect(await fee.balanceOf(await pool.getAddress())).to.equal(arrived);
    });

    it("pays claims without overdrawing: the pool loses exactly what it records as claimed", async function () {
      const { pool, distributor, fee, alice, bob } = await networkHelpers.loadFixture(feeTokenFixture);
      const holders = [alice, bob];
      let epoch = 1n;
      for (const sent of [1_000_001n, 333n, 7_777_777n]) {
        await pool.connect(distributor).depositRevenue(fee, sent, epoch % 2n === 0n ? AI : MINING, epoch);
        epoch += 1n;
        for (const holder of holders) {
          const owed = await pool.claimable(holder.address, fee);
          const poolBefore = await fee.balanceOf(await pool.getAddress());
          const holderBefore = await fee.balanceOf(holder.address);
          await expect(pool.connect(holder).claim(fee))
            .to.emit(pool, "RevenueClaimed")
            .withArgs(holder.address, await fee.getAddress(), holder.address, owed);
          // The pool parts with `owed`; the holder bears the token's own 1% fee.
          expect(await fee.balanceOf(await pool.getAddress())).to.equal(poolBefore - owed);
          expect(await fee.balanceOf(holder.address)).to.equal(holderBefore + owed - (owed * 100n) / 10_000n);
          expect(await pool.claimable(holder.address, fee), "INV-6: a second claim has nothing").to.equal(0n);
        }
        await expectConserved(pool, fee, holders);
      }
      const state = await readLedger(pool, fee, holders);
      expect(state.sumClaimable).to.equal(0n);
      expect(state.poolBalance, "only rounding dust stays").to.equal(state.gap);
    });

    it("reverts ZeroAmount when a 100% fee lets nothing arrive, and funds nothing", async function () {
      const { pool, distributor, total, alice } = await networkHelpers.loadFixture(feeTokenFixture);
      const before = await total.balanceOf(distributor.address);
      await expect(
        pool.connect(distributor).depositRevenue(total, 1_000_000n, MINING, 1n),
      ).to.be.revertedWithCustomError(pool, "ZeroAmount");
      expect(await pool.isEpochFunded(total, MINING, 1n)).to.equal(false);
      expect(await pool.totalDeposited(total)).to.equal(0n);
      expect(await pool.revenueBySource(total, MINING)).to.equal(0n);
      expect(await pool.claimable(alice.address, total)).to.equal(0n);
      expect(await total.balanceOf(distributor.address)).to.equal(before);
    });
  });

  describe("token that returns false instead of reverting", function () {
    async function falseTokenFixture() {
      const bad: FalseReturnToken = await ethers.deployContract("FalseReturnToken");
      const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
      const setup = await deployPool(ethers, [bad, usdc]);
      const [alice, bob] = setup.users;
      await setup.pool.connect(setup.minter).mint(alice.address, 3n * ONE_SHARE);
      await setup.pool.connect(setup.minter).mint(bob.address, ONE_SHARE);
      await fundDistributor(setup, [bad, usdc], 10n ** 24n);
      return { ...setup, bad, usdc, alice, bob };
    }

    it("reverts a deposit with SafeERC20FailedOperation and leaves the ledger untouched", async function () {
      const { pool, distributor, bad, alice, bob } = await networkHelpers.loadFixture(falseTokenFixture);
      await bad.setFailing(true);
      await expect(pool.connect(distributor).depositRevenue(bad, 1_000n, MINING, 1n))
        .to.be.revertedWithCustomError(pool, "SafeERC20FailedOperation")
        .withArgs(await bad.getAddress());
      expect(await pool.isEpochFunded(bad, MINING, 1n)).to.equal(false);
      expect(await pool.totalDeposited(bad)).to.equal(0n);
      await expectConserved(pool, bad, [alice, bob]);
    });

    it("reverts claim and claimAll while failing, keeps the accrual, and pays it once the token works again", async function () {
      const { pool, distributor, bad, usdc, alice, bob } = await networkHelpers.loadFixture(falseTokenFixture);
      await pool.connect(distributor).depositRevenue(bad, 1_001n, MINING, 1n);
      await pool.connect(distributor).depositRevenue(usdc, 4_001n, AI, 1n);
      const owed = await pool.claimable(alice.address, bad);
      expectExactProRata(owed, 1_001n * 3n, 4n, "alice");

      await bad.setFailing(true);
      await expect(pool.connect(alice).claim(bad))
        .to.be.revertedWithCustomError(pool, "SafeERC20FailedOperation")
        .withArgs(await bad.getAddress());
      await expect(pool.connect(alice).claimAll())
        .to.be.revertedWithCustomError(pool, "SafeERC20FailedOperation")
        .withArgs(await bad.getAddress());
      expect(await pool.claimable(alice.address, bad)).to.equal(owed);
      expect(await pool.totalClaimed(bad)).to.equal(0n);
      expect(await bad.balanceOf(await pool.getAddress())).to.equal(1_001n);

      // The other payout token is not held hostage (INV-7).
      const usdcOwed = await pool.claimable(alice.address, usdc);
      await expect(pool.connect(alice).claim(usdc)).to.changeTokenBalances(
        ethers,
        usdc,
        [alice, pool],
        [usdcOwed, -usdcOwed],
      );

      await bad.setFailing(false);
      await expect(pool.connect(alice).claim(bad))
        .to.emit(pool, "RevenueClaimed")
        .withArgs(alice.address, await bad.getAddress(), alice.address, owed);
      expect(await bad.balanceOf(alice.address)).to.equal(owed);
      expect(await pool.totalClaimed(bad)).to.equal(owed);
      await pool.connect(bob).claimAll();
      await expectConserved(pool, bad, [alice, bob]);
      await expectConserved(pool, usdc, [alice, bob]);
    });
  });

  describe("6, 8, 18 and 2-decimal tokens in one pool", function () {
    const DECIMALS = [6n, 8n, 18n, 2n];
    // Odd, awkward deposits per token (several epochs each).
    const DEPOSITS: bigint[][] = [
      [1_234_567n, 1n, 999_999_999n],
      [12_345_679n, 3n, 2_100_000_000_000_001n],
      [10n ** 18n + 7n, 1n, 123_456_789_012_345_678_901n],
      [101n, 1n, 99_999n],
    ];
    // Awkward balances: neither divides the others nor the deposits.
    const BALANCES = [ONE_SHARE + 1n, 2n * ONE_SHARE + 3n, 7n * ONE_SHARE + 5n];

    async function decimalsFixture() {
      const tokens: MockERC20[] = [];
      for (const [i, d] of DECIMALS.entries()) {
        tokens.push(await ethers.deployContract("MockERC20", [`Token ${i}`, `T${i}`, d]));
      }
      const setup = await deployPool(ethers, tokens);
      const holders = setup.users.slice(0, 3);
      for (const [i, holder] of holders.entries()) {
        await setup.pool.connect(setup.minter).mint(holder.address, BALANCES[i]);
      }
      await fundDistributor(setup, tokens, 10n ** 30n);
      return { ...setup, tokens, holders };
    }

    it("INV-4: pays each holder its exact pro rata share of every token, never above it", async function () {
      const { pool, distributor, tokens, holders } = await networkHelpers.loadFixture(decimalsFixture);
      const supply = BALANCES.reduce((s, b) => s + b, 0n);
      for (let round = 0; round < 3; ++round) {
        for (const [t, token] of tokens.entries()) {
          await pool.connect(distributor).depositRevenue(token, DEPOSITS[t][round], round % 2, BigInt(round + 1));
        }
      }
      for (const [t, token] of tokens.entries()) {
        const total = DEPOSITS[t].reduce((s, d) => s + d, 0n);
        expect(await pool.totalDeposited(token)).to.equal(total);
        for (const [h, holder] of holders.entries()) {
          expectExactProRata(
            await pool.claimable(holder.address, token),
            total * BALANCES[h],
            supply,
            `token ${t} (${DECIMALS[t]} decimals), holder ${h}`,
          );
        }
        await expectConserved(pool, token, holders);
      }
    });

    it("claimAll pays every token in payoutTokens() order and leaves only rounding dust", async function () {
      const { pool, distributor, tokens, holders } = await networkHelpers.loadFixture(decimalsFixture);
      for (const [t, token] of tokens.entries()) {
        await pool.connect(distributor).depositRevenue(token, DEPOSITS[t][2], MINING, 1n);
      }
      const addresses = await Promise.all(tokens.map((t) => t.getAddress()));
      expect(await pool.payoutTokens()).to.deep.equal(addresses);
      for (const holder of holders) {
        const owed = await Promise.all(tokens.map((t) => pool.claimable(holder.address, t)));
        expect(await pool.connect(holder).claimAll.staticCall()).to.deep.equal(owed);
        await pool.connect(holder).claimAll();
        for (const [t, token] of tokens.entries()) {
          expect(await token.balanceOf(holder.address)).to.equal(owed[t]);
          expect(await pool.claimable(holder.address, token)).to.equal(0n);
        }
      }
      for (const token of tokens) {
        const state = await expectConserved(pool, token, holders);
        expect(state.poolBalance).to.equal(state.gap);
      }
    });
  });
});
