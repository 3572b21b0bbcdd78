/**
 * Re-entrancy through token transfer hooks: a payout token that calls back into the pool mid-claim or mid-deposit,
 * and a payment token that calls back into the sale mid-buy. Every attempt must revert with the guard's error and
 * move nothing.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20, ReentrantToken } from "../../typechain-types/index.js";
import { MINING, ONE_SHARE, deployPool, deploySale, expectConserved, fundDistributor } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

describe("Re-entrancy through token hooks", function () {
  describe("MiningPoolShare with a re-entrant payout token", function () {
    async function reentrantPayoutFixture() {
      const ree: ReentrantToken = await ethers.deployContract("ReentrantToken");
      const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
      const setup = await deployPool(ethers, [ree, usdc]);
      const [alice, bob, mallory] = setup.users;
      await setup.pool.connect(setup.minter).mint(alice.address, 2n * ONE_SHARE);
      await setup.pool.connect(setup.minter).mint(bob.address, ONE_SHARE);
      await fundDistributor(setup, [ree, usdc], 10n ** 24n);
      await setup.pool.connect(setup.distributor).depositRevenue(ree, 3_000_001n, MINING, 1n);
      await setup.pool.connect(setup.distributor).depositRevenue(usdc, 3_000_001n, MINING, 1n);
      // The hook calls the pool as the token itself: give it the distributor role too, so that the re-entrant
      // deposit gets past access control and meets the re-entrancy guard.
      await setup.pool.grantRole(await setup.pool.DISTRIBUTOR_ROLE(), await ree.getAddress());
      return { ...setup, ree, usdc, alice, bob, mallory };
    }

    type Fixture = Awaited<ReturnType<typeof reentrantPayoutFixture>>;

    /** Everything an attack could move: pool and holder token balances, claimables, totals, funded epochs. */
    async function snapshot(f: Fixture) {
      const accounts = [await f.pool.getAddress(), f.alice.address, f.bob.address, f.mallory.address];
      const values: bigint[] = [];
      for (const token of [f.ree, f.usdc]) {
        for (const account of accounts) values.push(await token.balanceOf(account));
        for (const holder of [f.alice, f.bob]) values.push(await f.pool.claimable(holder.address, token));
        values.push(await f.pool.totalDeposited(token), await f.pool.totalClaimed(token));
      }
      const funded = await f.pool.isEpochFunded(f.usdc, MINING, 99n);
      return { values, funded };
    }

    /** Reentrant calls the hook will try, encoded on the pool's interface. */
    function reentrantCalls(f: Fixture, reeAddress: string, usdcAddress: string): [string, string][] {
      return [
        ["claim", f.pool.interface.encodeFunctionData("claim", [reeAddress])],
        ["claimAll", f.pool.interface.encodeFunctionData("claimAll")],
        ["claimTo", f.pool.interface.encodeFunctionData("claimTo", [reeAddress, f.mallory.address])],
        ["depositRevenue", f.pool.interface.encodeFunctionData("depositRevenue", [usdcAddress, 1_000n, MINING, 99n])],
      ];
    }

    for (const outer of ["claim", "claimAll", "claimTo"] as const) {
      it(`reverts ReentrancyGuardReentrantCall when the hook of a ${outer} re-enters claim, claimAll, claimTo or depositRevenue; nothing moves`, async function () {
        const f = await networkHelpers.loadFixture(reentrantPayoutFixture);
        const poolAddress = await f.pool.getAddress();
        const reeAddress = await f.ree.getAddress();
        const before = await snapshot(f);
        for (const [name, data] of reentrantCalls(f, reeAddress, await f.usdc.getAddress())) {
          await f.ree.arm(poolAddress, data);
          const pool = f.pool.connect(f.alice);
          const attempt =
            outer === "claim"
              ? pool.claim(f.ree)
              : outer === "claimAll"
                ? pool.claimAll()
                : pool.claimTo(f.ree, f.bob.address);
          await expect(attempt, `${outer} → ${name}`).to.be.revertedWithCustomError(
            f.pool,
            "ReentrancyGuardReentrantCall",
          );
          expect(await snapshot(f), `${outer} → ${name}: nothing moved`).to.deep.equal(before);
        }
        // Disarmed, the same claim goes through (nothing is stuck).
        await f.ree.arm(reeAddress, f.ree.interface.encodeFunctionData("totalSupply"));
        const owed = await f.pool.claimable(f.alice.address, f.ree);
        await expect(f.pool.connect(f.alice).claim(f.ree))
          .to.emit(f.pool, "RevenueClaimed")
          .withArgs(f.alice.address, reeAddress, f.alice.address, owed);
        await expectConserved(f.pool, f.ree, [f.alice, f.bob]);
      });
    }

    it("reverts ReentrancyGuardReentrantCall when the hook of a deposit re-enters claim, claimAll, claimTo or depositRevenue; nothing is funded", async function () {
      const f = await networkHelpers.loadFixture(reentrantPayoutFixture);
      const poolAddress = await f.pool.getAddress();
      const reeAddress = await f.ree.getAddress();
      const before = await snapshot(f);
      for (const [name, data] of reentrantCalls(f, reeAddress, await f.usdc.getAddress())) {
        await f.ree.arm(poolAddress, data);
        await expect(
          f.pool.connect(f.distributor).depositRevenue(f.ree, 5_000n, MINING, 2n),
          `depositRevenue → ${name}`,
        ).to.be.revertedWithCustomError(f.pool, "ReentrancyGuardReentrantCall");
        expect(await f.pool.isEpochFunded(f.ree, MINING, 2n)).to.equal(false);
        expect(await snapshot(f), `depositRevenue → ${name}: nothing moved`).to.deep.equal(before);
      }
    });
  });

  describe("ShareSale with a re-entrant payment token", function () {
    async function reentrantSaleFixture() {
      const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
      const setup = await deployPool(ethers, [usdc]);
      const pay: ReentrantToken = await ethers.deployContract("ReentrantToken");
      // 2 payment units per share.
      const { sale, buyer, treasury } = await deploySale(ethers, setup, pay, 2_000_000n, 100n * ONE_SHARE);
      return { ...setup, sale, pay, buyer, treasury };
    }

    it("reverts ReentrancyGuardReentrantCall when the payment hook re-enters buy; nothing is paid or minted", async function () {
      const { pool, sale, pay, buyer, treasury } = await networkHelpers.loadFixture(reentrantSaleFixture);
      const saleAddress = await sale.getAddress();
      await pay.arm(saleAddress, sale.interface.encodeFunctionData("buy", [ONE_SHARE, ethers.MaxUint256]));
      await expect(sale.connect(buyer).buy(ONE_SHARE, ethers.MaxUint256)).to.be.revertedWithCustomError(
        sale,
        "ReentrancyGuardReentrantCall",
      );
      expect(await pay.balanceOf(buyer.address)).to.equal(10n ** 12n);
      expect(await pay.balanceOf(treasury.address)).to.equal(0n);
      expect(await pool.totalSupply()).to.equal(0n);
      expect(await sale.totalSold()).to.equal(0n);
      expect(await sale.purchased(buyer.address)).to.equal(0n);

      // Disarmed, the purchase goes through once.
      await pay.arm(await pay.getAddress(), pay.interface.encodeFunctionData("totalSupply"));
      await expect(sale.connect(buyer).buy(ONE_SHARE, ethers.MaxUint256))
        .to.emit(sale, "SharesPurchased")
        .withArgs(buyer.address, ONE_SHARE, 2_000_000n);
      expect(await pool.balanceOf(buyer.address)).to.equal(ONE_SHARE);
      expect(await pay.balanceOf(treasury.address)).to.equal(2_000_000n);
    });
  });
});
