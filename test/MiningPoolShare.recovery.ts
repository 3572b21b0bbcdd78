/**
 * Nothing stranded at the pool itself (INV-9): shares can never be sent or minted to the pool, and `skim` recovers
 * tokens no holder can be owed (donations, mistaken transfers) without touching holders' revenue (INV-3).
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20 } from "../typechain-types/index.js";
import { AI, DEFAULT_ADMIN_ROLE, MINING, ONE_USDC, ONE_WBTC, holdersFixture } from "./helpers/fixtures.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;

/** `holdersFixture` after one deposit of 6 WBTC (mining) and 6 USDC (AI), and alice's WBTC claim. */
async function revenueFixture() {
  const fx = await loadFixture(holdersFixture);
  await fx.pool.connect(fx.distributor).depositRevenue(fx.wbtc, 6n * ONE_WBTC, MINING, 1);
  await fx.pool.connect(fx.distributor).depositRevenue(fx.usdc, 6n * ONE_USDC, AI, 1);
  await fx.pool.connect(fx.alice).claim(fx.wbtc);
  const stray: MockERC20 = await ethers.deployContract("MockERC20", ["Stray", "STR", 18]);
  return { ...fx, stray, poolAddress: await fx.pool.getAddress() };
}

describe("MiningPoolShare", function () {
  describe("the pool as a share receiver", function () {
    it("reverts a transfer to the pool itself (ERC20InvalidReceiver(pool))", async function () {
      const { pool, poolAddress, bob } = await revenueFixture();
      await expect(pool.connect(bob).transfer(poolAddress, 1n))
        .to.be.revertedWithCustomError(pool, "ERC20InvalidReceiver")
        .withArgs(poolAddress);
    });

    it("reverts a transferFrom to the pool itself (ERC20InvalidReceiver(pool))", async function () {
      const { pool, poolAddress, alice, bob } = await revenueFixture();
      await pool.connect(bob).approve(alice.address, 1n);
      await expect(pool.connect(alice).transferFrom(bob.address, poolAddress, 1n))
        .to.be.revertedWithCustomError(pool, "ERC20InvalidReceiver")
        .withArgs(poolAddress);
    });

    it("reverts a mint to the pool itself (ERC20InvalidReceiver(pool))", async function () {
      const { pool, poolAddress, minter } = await revenueFixture();
      await expect(pool.connect(minter).mint(poolAddress, 1n))
        .to.be.revertedWithCustomError(pool, "ERC20InvalidReceiver")
        .withArgs(poolAddress);
    });
  });

  describe("skim", function () {
    it("INV-9: sends a payout token's donation, emits Skimmed, and leaves exactly totalDeposited − totalClaimed", async function () {
      const { pool, wbtc, poolAddress, admin, outsider, bob } = await revenueFixture();
      await wbtc.mint(poolAddress, 123n);
      const bobOwed = await pool.claimable(bob.address, wbtc);
      expect(await pool.skim.staticCall(wbtc, outsider.address)).to.equal(123n);
      await expect(pool.connect(admin).skim(wbtc, outsider.address))
        .to.emit(pool, "Skimmed")
        .withArgs(await wbtc.getAddress(), outsider.address, 123n);
      expect(await wbtc.balanceOf(outsider.address)).to.equal(123n);
      expect(await wbtc.balanceOf(poolAddress)).to.equal(
        (await pool.totalDeposited(wbtc)) - (await pool.totalClaimed(wbtc)),
      );
      expect(await pool.claimable(bob.address, wbtc)).to.equal(bobOwed);
    });

    it("sends the whole balance of a token that is not a payout token", async function () {
      const { pool, stray, poolAddress, outsider } = await revenueFixture();
      await stray.mint(poolAddress, 10n ** 21n);
      await expect(pool.skim(stray, outsider.address))
        .to.emit(pool, "Skimmed")
        .withArgs(await stray.getAddress(), outsider.address, 10n ** 21n);
      expect(await stray.balanceOf(poolAddress)).to.equal(0n);
    });

    it("INV-3: takes nothing owed to holders: with no donation it returns 0, sends nothing and emits nothing", async function () {
      const { pool, wbtc, usdc, poolAddress, outsider } = await revenueFixture();
      for (const token of [wbtc, usdc]) {
        const before = await token.balanceOf(poolAddress);
        expect(await pool.skim.staticCall(token, outsider.address)).to.equal(0n);
        await expect(pool.skim(token, outsider.address)).not.to.emit(pool, "Skimmed");
        expect(await token.balanceOf(poolAddress)).to.equal(before);
      }
    });

    it("returns 0 for a token the pool holds none of", async function () {
      const { pool, stray, outsider } = await revenueFixture();
      await expect(pool.skim(stray, outsider.address)).not.to.emit(pool, "Skimmed");
    });

    it("works while paused", async function () {
      const { pool, usdc, poolAddress, pauser, outsider } = await revenueFixture();
      await usdc.mint(poolAddress, 5n);
      await pool.connect(pauser).pause();
      await expect(pool.skim(usdc, outsider.address)).to.changeTokenBalance(ethers, usdc, outsider, 5n);
    });

    it("reverts when the recipient is the zero address (InvalidRecipient)", async function () {
      const { pool, wbtc } = await revenueFixture();
      await expect(pool.skim(wbtc, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(pool, "InvalidRecipient")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts when the caller is not the admin", async function () {
      const { pool, wbtc, pauser, distributor, outsider } = await revenueFixture();
      for (const caller of [pauser, distributor, outsider]) {
        await expect(pool.connect(caller).skim(wbtc, caller.address))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
      }
    });
  });
});
