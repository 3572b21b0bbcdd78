/**
 * MiningPoolShare's bounded pause (INV-7): at most MAX_PAUSE_DURATION, PAUSE_COOLDOWN between two pauses, claims never
 * stopped.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { INITIAL_ADMIN_DELAY } from "./helpers/adminRules.js";
import { MINING, ONE_WBTC, holdersFixture } from "./helpers/fixtures.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;

const DAY = 24n * 3600n;
const MAX_PAUSE_DURATION = 7n * DAY;
const PAUSE_COOLDOWN = DAY;

/** `holdersFixture` with a paused pool; `pausedAt` is the timestamp of the pause. */
async function pausedFixture() {
  const fx = await loadFixture(holdersFixture);
  const tx = await fx.pool.connect(fx.pauser).pause();
  const pausedAt = BigInt((await tx.getBlock())!.timestamp);
  return { ...fx, pausedAt };
}

describe("MiningPoolShare", function () {
  describe("MAX_PAUSE_DURATION and PAUSE_COOLDOWN", function () {
    it("are 7 days and 1 day", async function () {
      const { pool } = await loadFixture(holdersFixture);
      expect(await pool.MAX_PAUSE_DURATION()).to.equal(MAX_PAUSE_DURATION);
      expect(await pool.PAUSE_COOLDOWN()).to.equal(PAUSE_COOLDOWN);
    });
  });

  describe("pausedUntil and paused", function () {
    it("are 0 and false before the first pause", async function () {
      const { pool } = await loadFixture(holdersFixture);
      expect(await pool.pausedUntil()).to.equal(0n);
      expect(await pool.paused()).to.equal(false);
    });

    it("pause() sets pausedUntil to block.timestamp + MAX_PAUSE_DURATION", async function () {
      const { pool, pausedAt } = await pausedFixture();
      expect(await pool.pausedUntil()).to.equal(pausedAt + MAX_PAUSE_DURATION);
      expect(await pool.paused()).to.equal(true);
    });

    it("is still paused at the last second before pausedUntil", async function () {
      const { pool, pausedAt } = await pausedFixture();
      await time.increaseTo(pausedAt + MAX_PAUSE_DURATION - 1n);
      expect(await pool.paused()).to.equal(true);
    });

    it("ends by itself at pausedUntil: transfers, mints and deposits work again with no unpause", async function () {
      const { pool, wbtc, minter, distributor, alice, bob, pausedAt } = await pausedFixture();
      await time.increaseTo(pausedAt + MAX_PAUSE_DURATION);
      expect(await pool.paused()).to.equal(false);
      await expect(pool.connect(alice).transfer(bob.address, 1n)).to.changeTokenBalance(ethers, pool, bob, 1n);
      await expect(pool.connect(distributor).depositRevenue(wbtc, ONE_WBTC, MINING, 7))
        .to.emit(pool, "RevenueDeposited")
        .withArgs(await wbtc.getAddress(), MINING, 7, ONE_WBTC);
      // The report is stale by now: the mint gets past the pause check and stops at the backing check.
      await expect(pool.connect(minter).mint(alice.address, 1n)).to.be.revertedWithCustomError(
        pool,
        "StaleHashrateReport",
      );
    });

    it("unpause() sets pausedUntil to block.timestamp", async function () {
      const { pool, pauser } = await pausedFixture();
      const tx = await pool.connect(pauser).unpause();
      expect(await pool.pausedUntil()).to.equal(BigInt((await tx.getBlock())!.timestamp));
      expect(await pool.paused()).to.equal(false);
    });
  });

  describe("pause", function () {
    it("emits Paused(pauser)", async function () {
      const { pool, pauser } = await loadFixture(holdersFixture);
      await expect(pool.connect(pauser).pause()).to.emit(pool, "Paused").withArgs(pauser.address);
    });

    it("reverts while paused (EnforcedPause)", async function () {
      const { pool, pauser } = await pausedFixture();
      await expect(pool.connect(pauser).pause()).to.be.revertedWithCustomError(pool, "EnforcedPause").withArgs();
    });

    it("reverts within PAUSE_COOLDOWN of an expired pause (PauseCooldown(pausedUntil + cooldown))", async function () {
      const { pool, pauser, pausedAt } = await pausedFixture();
      const end = pausedAt + MAX_PAUSE_DURATION;
      await time.setNextBlockTimestamp(end + PAUSE_COOLDOWN - 1n);
      await expect(pool.connect(pauser).pause())
        .to.be.revertedWithCustomError(pool, "PauseCooldown")
        .withArgs(end + PAUSE_COOLDOWN);
    });

    it("reverts within PAUSE_COOLDOWN of an unpause (PauseCooldown)", async function () {
      const { pool, pauser } = await pausedFixture();
      const tx = await pool.connect(pauser).unpause();
      const end = BigInt((await tx.getBlock())!.timestamp);
      await expect(pool.connect(pauser).pause())
        .to.be.revertedWithCustomError(pool, "PauseCooldown")
        .withArgs(end + PAUSE_COOLDOWN);
    });

    it("starts a new pause exactly PAUSE_COOLDOWN after the previous one ended", async function () {
      const { pool, pauser } = await pausedFixture();
      const tx = await pool.connect(pauser).unpause();
      const end = BigInt((await tx.getBlock())!.timestamp);
      await time.setNextBlockTimestamp(end + PAUSE_COOLDOWN);
      await expect(pool.connect(pauser).pause()).to.emit(pool, "Paused").withArgs(pauser.address);
      expect(await pool.pausedUntil()).to.equal(end + PAUSE_COOLDOWN + MAX_PAUSE_DURATION);
    });
  });

  describe("unpause", function () {
    it("emits Unpaused(pauser)", async function () {
      const { pool, pauser } = await pausedFixture();
      await expect(pool.connect(pauser).unpause()).to.emit(pool, "Unpaused").withArgs(pauser.address);
    });

    it("reverts before any pause (ExpectedPause)", async function () {
      const { pool, pauser } = await loadFixture(holdersFixture);
      await expect(pool.connect(pauser).unpause()).to.be.revertedWithCustomError(pool, "ExpectedPause").withArgs();
    });

    it("reverts once the pause expired (ExpectedPause)", async function () {
      const { pool, pauser, pausedAt } = await pausedFixture();
      await time.increaseTo(pausedAt + MAX_PAUSE_DURATION);
      await expect(pool.connect(pauser).unpause()).to.be.revertedWithCustomError(pool, "ExpectedPause").withArgs();
    });
  });

  describe("INV-7: a pauser cannot stop transfers for good", function () {
    it("gives holders at least PAUSE_COOLDOWN of transfers after every MAX_PAUSE_DURATION of pause", async function () {
      const { pool, pauser, alice, bob, pausedAt } = await pausedFixture();
      let end = pausedAt + MAX_PAUSE_DURATION;
      for (let round = 0; round < 3; round++) {
        await time.increaseTo(end);
        // The pauser tries again at once and is refused for a day, during which holders can leave.
        await expect(pool.connect(pauser).pause())
          .to.be.revertedWithCustomError(pool, "PauseCooldown")
          .withArgs(end + PAUSE_COOLDOWN);
        await expect(pool.connect(alice).transfer(bob.address, 1n)).to.changeTokenBalance(ethers, pool, bob, 1n);
        await time.setNextBlockTimestamp(end + PAUSE_COOLDOWN);
        await pool.connect(pauser).pause();
        end = end + PAUSE_COOLDOWN + MAX_PAUSE_DURATION;
      }
    });

    it("ends a pause even when nobody holds PAUSER_ROLE or DEFAULT_ADMIN_ROLE any more", async function () {
      const { pool, admin, pauser, alice, bob, pausedAt } = await pausedFixture();
      await pool.revokeRole(await pool.PAUSER_ROLE(), pauser.address);
      await pool.beginDefaultAdminTransfer(ethers.ZeroAddress);
      await time.increase(INITIAL_ADMIN_DELAY + 1n);
      await pool.renounceRole(await pool.DEFAULT_ADMIN_ROLE(), admin.address);
      await time.increaseTo(pausedAt + MAX_PAUSE_DURATION);
      await expect(pool.connect(alice).transfer(bob.address, 1n)).to.changeTokenBalance(ethers, pool, bob, 1n);
    });
  });
});
