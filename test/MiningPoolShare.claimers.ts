/**
 * MiningPoolShare's claims on behalf (INV-9): a holder — or, for a contract holder that has not chosen, the admin —
 * names a claimer who can claim the holder's revenue to any recipient, while paused too.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { ContractHolder } from "../typechain-types/index.js";
import { AI, DEFAULT_ADMIN_ROLE, MINING, ONE_USDC, ONE_WBTC, UNIT, holdersFixture } from "./helpers/fixtures.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;

/**
 * `holdersFixture` plus a contract holder (`vault`, a `ContractHolder` that never claims) of 6 `UNIT`s, half the
 * supply, and one deposit of 12 WBTC (mining) and 12 USDC (AI): the vault is owed 6 of each.
 */
async function claimersFixture() {
  const fx = await loadFixture(holdersFixture);
  const vault: ContractHolder = await ethers.deployContract("ContractHolder");
  await fx.pool.connect(fx.minter).mint(await vault.getAddress(), 6n * UNIT);
  await fx.pool.connect(fx.distributor).depositRevenue(fx.wbtc, 12n * ONE_WBTC, MINING, 1);
  await fx.pool.connect(fx.distributor).depositRevenue(fx.usdc, 12n * ONE_USDC, AI, 1);
  return { ...fx, vault, vaultAddress: await vault.getAddress() };
}

describe("MiningPoolShare", function () {
  describe("setClaimer", function () {
    it("names the caller's claimer and emits ClaimerSet(holder, claimer)", async function () {
      const { pool, alice, bob } = await claimersFixture();
      await expect(pool.connect(alice).setClaimer(bob.address))
        .to.emit(pool, "ClaimerSet")
        .withArgs(alice.address, bob.address);
      expect(await pool.claimerOf(alice.address)).to.equal(bob.address);
    });

    it("clears the claimer with address(0)", async function () {
      const { pool, alice, bob } = await claimersFixture();
      await pool.connect(alice).setClaimer(bob.address);
      await expect(pool.connect(alice).setClaimer(ethers.ZeroAddress))
        .to.emit(pool, "ClaimerSet")
        .withArgs(alice.address, ethers.ZeroAddress);
      expect(await pool.claimerOf(alice.address)).to.equal(ethers.ZeroAddress);
    });

    it("lets a contract holder override the claimer the admin named for it", async function () {
      const { pool, vault, vaultAddress, bob, carol } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await expect(vault.chooseClaimer(pool, carol.address))
        .to.emit(pool, "ClaimerSet")
        .withArgs(vaultAddress, carol.address);
      expect(await pool.claimerOf(vaultAddress)).to.equal(carol.address);
    });
  });

  describe("setClaimerFor", function () {
    it("names a contract holder's claimer and emits ClaimerSet(holder, claimer)", async function () {
      const { pool, vaultAddress, bob } = await claimersFixture();
      await expect(pool.setClaimerFor(vaultAddress, bob.address))
        .to.emit(pool, "ClaimerSet")
        .withArgs(vaultAddress, bob.address);
      expect(await pool.claimerOf(vaultAddress)).to.equal(bob.address);
    });

    it("lets the admin change or clear its own earlier choice", async function () {
      const { pool, vaultAddress, bob, carol } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await pool.setClaimerFor(vaultAddress, carol.address);
      expect(await pool.claimerOf(vaultAddress)).to.equal(carol.address);
      await pool.setClaimerFor(vaultAddress, ethers.ZeroAddress);
      expect(await pool.claimerOf(vaultAddress)).to.equal(ethers.ZeroAddress);
    });

    it("reverts when the caller is not the admin", async function () {
      const { pool, vaultAddress, pauser, outsider } = await claimersFixture();
      for (const caller of [pauser, outsider]) {
        await expect(pool.connect(caller).setClaimerFor(vaultAddress, caller.address))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
      }
    });

    it("reverts when the holder is not a contract (HolderNotContract)", async function () {
      const { pool, alice, bob } = await claimersFixture();
      await expect(pool.setClaimerFor(alice.address, bob.address))
        .to.be.revertedWithCustomError(pool, "HolderNotContract")
        .withArgs(alice.address);
    });

    it("reverts when the holder named its claimer itself (ClaimerSetByHolder)", async function () {
      const { pool, vault, vaultAddress, bob, carol } = await claimersFixture();
      await vault.chooseClaimer(pool, carol.address);
      await expect(pool.setClaimerFor(vaultAddress, bob.address))
        .to.be.revertedWithCustomError(pool, "ClaimerSetByHolder")
        .withArgs(vaultAddress);
    });

    it("reverts when the holder chose to have no claimer (ClaimerSetByHolder)", async function () {
      const { pool, vault, vaultAddress, bob } = await claimersFixture();
      await vault.chooseClaimer(pool, ethers.ZeroAddress);
      await expect(pool.setClaimerFor(vaultAddress, bob.address))
        .to.be.revertedWithCustomError(pool, "ClaimerSetByHolder")
        .withArgs(vaultAddress);
    });
  });

  describe("claimerOf", function () {
    it("is address(0) for a holder nobody named a claimer for", async function () {
      const { pool, alice, vaultAddress } = await claimersFixture();
      expect(await pool.claimerOf(alice.address)).to.equal(ethers.ZeroAddress);
      expect(await pool.claimerOf(vaultAddress)).to.equal(ethers.ZeroAddress);
    });
  });

  describe("claimOnBehalf", function () {
    it("INV-9: sends a contract holder's revenue to the recipient its claimer names, emitting RevenueClaimed(holder, …)", async function () {
      const { pool, wbtc, vaultAddress, bob, dave } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      const owed = await pool.claimable(vaultAddress, wbtc);
      expect(owed).to.equal(6n * ONE_WBTC);
      expect(await pool.connect(bob).claimOnBehalf.staticCall(vaultAddress, wbtc, dave.address)).to.equal(owed);
      await expect(pool.connect(bob).claimOnBehalf(vaultAddress, wbtc, dave.address))
        .to.emit(pool, "RevenueClaimed")
        .withArgs(vaultAddress, await wbtc.getAddress(), dave.address, owed);
      expect(await wbtc.balanceOf(dave.address)).to.equal(owed);
      expect(await pool.claimable(vaultAddress, wbtc)).to.equal(0n);
      expect(await pool.totalClaimed(wbtc)).to.equal(owed);
    });

    it("pays 0 and transfers nothing the second time (INV-6)", async function () {
      const { pool, wbtc, vaultAddress, bob, dave } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await pool.connect(bob).claimOnBehalf(vaultAddress, wbtc, dave.address);
      expect(await pool.connect(bob).claimOnBehalf.staticCall(vaultAddress, wbtc, dave.address)).to.equal(0n);
      await expect(pool.connect(bob).claimOnBehalf(vaultAddress, wbtc, dave.address)).not.to.emit(
        pool,
        "RevenueClaimed",
      );
    });

    it("claims an EOA holder's revenue for the claimer it named", async function () {
      const { pool, usdc, alice, bob } = await claimersFixture();
      await pool.connect(alice).setClaimer(bob.address);
      const owed = await pool.claimable(alice.address, usdc);
      await expect(pool.connect(bob).claimOnBehalf(alice.address, usdc, bob.address)).to.changeTokenBalance(
        ethers,
        usdc,
        bob,
        owed,
      );
    });

    it("INV-7: works while paused", async function () {
      const { pool, wbtc, vaultAddress, pauser, bob } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await pool.connect(pauser).pause();
      await expect(pool.connect(bob).claimOnBehalf(vaultAddress, wbtc, bob.address)).to.changeTokenBalance(
        ethers,
        wbtc,
        bob,
        6n * ONE_WBTC,
      );
    });

    it("reverts when the caller is not the holder's claimer, even the holder, the admin or a former claimer (NotClaimer)", async function () {
      const { pool, wbtc, vault, vaultAddress, admin, bob, carol } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await vault.chooseClaimer(pool, carol.address);
      for (const caller of [admin, bob]) {
        await expect(pool.connect(caller).claimOnBehalf(vaultAddress, wbtc, caller.address))
          .to.be.revertedWithCustomError(pool, "NotClaimer")
          .withArgs(caller.address, vaultAddress);
      }
    });

    it("reverts when the holder has no claimer, even for the holder itself (NotClaimer)", async function () {
      const { pool, wbtc, alice } = await claimersFixture();
      await expect(pool.connect(alice).claimOnBehalf(alice.address, wbtc, alice.address))
        .to.be.revertedWithCustomError(pool, "NotClaimer")
        .withArgs(alice.address, alice.address);
    });

    it("reverts when the recipient is the zero address (InvalidRecipient)", async function () {
      const { pool, wbtc, vaultAddress, bob } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await expect(pool.connect(bob).claimOnBehalf(vaultAddress, wbtc, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(pool, "InvalidRecipient")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts for a token that is not a payout token (NotPayoutToken)", async function () {
      const { pool, vaultAddress, bob } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await expect(pool.connect(bob).claimOnBehalf(vaultAddress, pool, bob.address))
        .to.be.revertedWithCustomError(pool, "NotPayoutToken")
        .withArgs(await pool.getAddress());
    });
  });

  describe("claimAllOnBehalf", function () {
    it("INV-9: sends every payout token owed to the holder to the recipient, in payoutTokens() order", async function () {
      const { pool, wbtc, usdc, vaultAddress, bob, outsider } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      expect(await pool.connect(bob).claimAllOnBehalf.staticCall(vaultAddress, outsider.address)).to.deep.equal([
        6n * ONE_WBTC,
        6n * ONE_USDC,
      ]);
      const tx = pool.connect(bob).claimAllOnBehalf(vaultAddress, outsider.address);
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(vaultAddress, await wbtc.getAddress(), outsider.address, 6n * ONE_WBTC);
      await expect(tx)
        .to.emit(pool, "RevenueClaimed")
        .withArgs(vaultAddress, await usdc.getAddress(), outsider.address, 6n * ONE_USDC);
      expect(await wbtc.balanceOf(outsider.address)).to.equal(6n * ONE_WBTC);
      expect(await usdc.balanceOf(outsider.address)).to.equal(6n * ONE_USDC);
    });

    it("reverts when the caller is not the holder's claimer (NotClaimer)", async function () {
      const { pool, vaultAddress, outsider } = await claimersFixture();
      await expect(pool.connect(outsider).claimAllOnBehalf(vaultAddress, outsider.address))
        .to.be.revertedWithCustomError(pool, "NotClaimer")
        .withArgs(outsider.address, vaultAddress);
    });

    it("reverts when the recipient is the zero address (InvalidRecipient)", async function () {
      const { pool, vaultAddress, bob } = await claimersFixture();
      await pool.setClaimerFor(vaultAddress, bob.address);
      await expect(pool.connect(bob).claimAllOnBehalf(vaultAddress, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(pool, "InvalidRecipient")
        .withArgs(ethers.ZeroAddress);
    });
  });
});
