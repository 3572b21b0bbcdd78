/**
 * Accounting edge inputs: deposits without holders, self-transfers and zero transfers, and tokens donated straight to
 * the pool.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20 } from "../../typechain-types/index.js";
import { AI, MINING, ONE_SHARE, deployPool, expectConserved, fundDistributor, readLedger } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

async function wbtcUsdcPoolFixture() {
  const wbtc: MockERC20 = await ethers.deployContract("MockWBTC");
  const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
  const setup = await deployPool(ethers, [wbtc, usdc]);
  const [alice, bob, carol, stranger] = setup.users;
  await fundDistributor(setup, [wbtc, usdc], 10n ** 20n);
  return { ...setup, wbtc, usdc, alice, bob, carol, stranger };
}

async function fundedPoolFixture() {
  const f = await wbtcUsdcPoolFixture();
  await f.pool.connect(f.minter).mint(f.alice.address, 3n * ONE_SHARE + 1n);
  await f.pool.connect(f.minter).mint(f.bob.address, 5n * ONE_SHARE + 3n);
  await f.pool.connect(f.distributor).depositRevenue(f.wbtc, 12_345_679n, MINING, 1n);
  await f.pool.connect(f.distributor).depositRevenue(f.usdc, 98_765_431n, AI, 1n);
  return f;
}

describe("MiningPoolShare accounting under adversarial inputs", function () {
  describe("deposits with no holders", function () {
    it("revert NoSharesOutstanding, take nothing and leave the epoch fundable", async function () {
      const { pool, minter, distributor, wbtc, usdc, alice } = await networkHelpers.loadFixture(wbtcUsdcPoolFixture);
      for (const [token, source] of [
        [wbtc, MINING],
        [usdc, AI],
      ] as const) {
        const before = await token.balanceOf(distributor.address);
        await expect(pool.connect(distributor).depositRevenue(token, 1_000n, source, 1n)).to.be.revertedWithCustomError(
          pool,
          "NoSharesOutstanding",
        );
        expect(await token.balanceOf(distributor.address)).to.equal(before);
        expect(await token.balanceOf(await pool.getAddress())).to.equal(0n);
        expect(await pool.isEpochFunded(token, source, 1n)).to.equal(false);
        expect(await pool.totalDeposited(token)).to.equal(0n);
      }
      // Once someone holds shares, the same epoch is funded and all of it is claimable.
      await pool.connect(minter).mint(alice.address, 1n);
      await pool.connect(distributor).depositRevenue(wbtc, 1_000n, MINING, 1n);
      expect(await pool.claimable(alice.address, wbtc)).to.equal(1_000n);
    });
  });

  describe("self-transfers and zero transfers", function () {
    it("INV-5: leave every balance and claimable unchanged", async function () {
      const { pool, wbtc, usdc, alice, bob, carol } = await networkHelpers.loadFixture(fundedPoolFixture);
      const accounts = [alice, bob, carol];
      const read = async () => {
        const values: bigint[] = [];
        for (const account of accounts) {
          values.push(await pool.balanceOf(account.address));
          for (const token of [wbtc, usdc]) values.push(await pool.claimable(account.address, token));
        }
        return values;
      };
      const before = await read();
      expect(before.some((v) => v > 0n)).to.equal(true);

      const balance = await pool.balanceOf(alice.address);
      await expect(pool.connect(alice).transfer(alice.address, balance)).to.emit(pool, "Transfer");
      await pool.connect(alice).transfer(alice.address, 1n);
      await pool.connect(alice).transfer(bob.address, 0n);
      await pool.connect(carol).transfer(alice.address, 0n); // a non-holder sending nothing
      await pool.connect(alice).approve(bob.address, balance);
      await pool.connect(bob).transferFrom(alice.address, alice.address, balance); // self-transfer by a spender
      await pool.connect(bob).transferFrom(alice.address, carol.address, 0n);
      expect(await read()).to.deep.equal(before);

      // A self-transfer of more than the balance still reverts.
      await expect(pool.connect(alice).transfer(alice.address, balance + 1n))
        .to.be.revertedWithCustomError(pool, "ERC20InsufficientBalance")
        .withArgs(alice.address, balance, balance + 1n);
      for (const token of [wbtc, usdc]) await expectConserved(pool, token, accounts);
    });
  });

  describe("donations (tokens sent straight to the pool)", function () {
    it("INV-2/3: are not credited, do not change claimables, and never let the pool fall below deposited − claimed", async function () {
      const { pool, distributor, wbtc, usdc, alice, bob, stranger } =
        await networkHelpers.loadFixture(fundedPoolFixture);
      const holders = [alice, bob];
      const claimablesBefore = await readLedger(pool, wbtc, holders);
      const donation = 777_777n;
      await wbtc.mint(stranger.address, donation);
      await wbtc.connect(stranger).transfer(await pool.getAddress(), donation);

      const afterDonation = await readLedger(pool, wbtc, holders);
      expect(afterDonation.claimables).to.deep.equal(claimablesBefore.claimables);
      expect(afterDonation.deposited).to.equal(claimablesBefore.deposited);
      await expectConserved(pool, wbtc, holders, donation);

      // A deposit after the donation credits only what it brought in.
      await expect(pool.connect(distributor).depositRevenue(wbtc, 1_000_001n, MINING, 2n))
        .to.emit(pool, "RevenueDeposited")
        .withArgs(await wbtc.getAddress(), MINING, 2n, 1_000_001n);
      expect(await pool.totalDeposited(wbtc)).to.equal(12_345_679n + 1_000_001n);

      for (const holder of holders) await pool.connect(holder).claimAll();
      const final = await expectConserved(pool, wbtc, holders, donation);
      expect(final.sumClaimable).to.equal(0n);
      expect(final.poolBalance, "the donation stays in the pool, untouched").to.equal(donation + final.gap);
      expect(final.poolBalance >= final.deposited - final.claimed).to.equal(true);
      await expectConserved(pool, usdc, holders);
    });
  });
});
