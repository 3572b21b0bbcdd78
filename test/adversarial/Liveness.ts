/**
 * INV-7 (no role, pause or oracle state stops a claim) and role misuse.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20 } from "../../typechain-types/index.js";
import { AI, DAY, MINING, ONE_SHARE, deployPool, expectConserved, fundDistributor } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

async function livenessFixture() {
  const wbtc: MockERC20 = await ethers.deployContract("MockWBTC");
  const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
  const setup = await deployPool(ethers, [wbtc, usdc], { maxReportAge: DAY });
  const [alice, bob, mallory] = setup.users;
  await setup.pool.connect(setup.minter).mint(alice.address, 2n * ONE_SHARE);
  await setup.pool.connect(setup.minter).mint(bob.address, ONE_SHARE + 1n);
  await fundDistributor(setup, [wbtc, usdc], 10n ** 20n);
  await setup.pool.connect(setup.distributor).depositRevenue(wbtc, 30_000_001n, MINING, 1n);
  await setup.pool.connect(setup.distributor).depositRevenue(usdc, 7_000_003n, AI, 1n);
  return { ...setup, wbtc, usdc, alice, bob, mallory };
}

type Fixture = Awaited<ReturnType<typeof livenessFixture>>;

/** alice claims wbtc, bob claims usdc to a fresh recipient and claimAll's the rest; each gets exactly its accrual. */
async function expectEveryClaimPays(f: Fixture): Promise<void> {
  const { pool, wbtc, usdc, alice, bob, mallory } = f;
  const aliceWbtc = await pool.claimable(alice.address, wbtc);
  const bobUsdc = await pool.claimable(bob.address, usdc);
  const bobWbtc = await pool.claimable(bob.address, wbtc);
  expect(aliceWbtc > 0n && bobUsdc > 0n && bobWbtc > 0n).to.equal(true);
  await expect(pool.connect(alice).claim(wbtc)).to.changeTokenBalances(
    ethers,
    wbtc,
    [alice, pool],
    [aliceWbtc, -aliceWbtc],
  );
  await expect(pool.connect(bob).claimTo(usdc, mallory.address))
    .to.emit(pool, "RevenueClaimed")
    .withArgs(bob.address, await usdc.getAddress(), mallory.address, bobUsdc);
  expect(await usdc.balanceOf(mallory.address)).to.equal(bobUsdc);
  await expect(pool.connect(bob).claimAll()).to.changeTokenBalances(ethers, wbtc, [bob, pool], [bobWbtc, -bobWbtc]);
  for (const token of [wbtc, usdc]) await expectConserved(pool, token, [alice, bob]);
}

describe("MiningPoolShare liveness and roles", function () {
  describe("INV-7: claims always work", function () {
    it("INV-7: while paused (mint, deposit and transfers stop)", async function () {
      const f = await networkHelpers.loadFixture(livenessFixture);
      await f.pool.connect(f.pauser).pause();
      await expect(f.pool.connect(f.alice).transfer(f.bob.address, 1n)).to.be.revertedWithCustomError(
        f.pool,
        "EnforcedPause",
      );
      await expect(f.pool.connect(f.minter).mint(f.alice.address, 1n)).to.be.revertedWithCustomError(
        f.pool,
        "EnforcedPause",
      );
      await expect(f.pool.connect(f.distributor).depositRevenue(f.wbtc, 1n, MINING, 2n)).to.be.revertedWithCustomError(
        f.pool,
        "EnforcedPause",
      );
      await expectEveryClaimPays(f);
    });

    it("INV-7: with a stale oracle report (minting stops, claims and deposits go on)", async function () {
      const f = await networkHelpers.loadFixture(livenessFixture);
      const [, , updatedAt] = await f.oracle.latestHashrate(await f.pool.getAddress());
      await networkHelpers.time.increaseTo(updatedAt + DAY + 1n);
      expect(await f.pool.mintableShares()).to.equal(0n);
      await expect(f.pool.connect(f.minter).mint(f.alice.address, 1n))
        .to.be.revertedWithCustomError(f.pool, "StaleHashrateReport")
        .withArgs(updatedAt, DAY);
      await f.pool.connect(f.distributor).depositRevenue(f.usdc, 1_001n, MINING, 2n);
      await expectEveryClaimPays(f);
    });

    it("INV-7: after every role is revoked and the admin renounced, while paused and after the pause ends", async function () {
      const f = await networkHelpers.loadFixture(livenessFixture);
      const { pool, admin, minter, distributor, pauser } = f;
      await pool.connect(pauser).pause();
      for (const [role, account] of [
        [await pool.MINTER_ROLE(), minter],
        [await pool.DISTRIBUTOR_ROLE(), distributor],
        [await pool.PAUSER_ROLE(), pauser],
      ] as const) {
        await pool.connect(admin).revokeRole(role, account.address);
        expect(await pool.hasRole(role, account.address)).to.equal(false);
      }
      const adminRole = await pool.DEFAULT_ADMIN_ROLE();
      // The admin renounces in two steps, the second after the admin delay.
      await pool.connect(admin).beginDefaultAdminTransfer(ethers.ZeroAddress);
      await networkHelpers.time.increase((await pool.defaultAdminDelay()) + 1n);
      await pool.connect(admin).renounceRole(adminRole, admin.address);
      expect(await pool.hasRole(adminRole, admin.address)).to.equal(false);
      // Nobody can unpause any more.
      await expect(pool.connect(pauser).unpause())
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(pauser.address, await pool.PAUSER_ROLE());
      expect(await pool.paused()).to.equal(true);
      await expectEveryClaimPays(f);
      // The pause ends by itself, MAX_PAUSE_DURATION after it started.
      await networkHelpers.time.increaseTo(await pool.pausedUntil());
      expect(await pool.paused()).to.equal(false);
      await expect(pool.connect(f.alice).transfer(f.bob.address, 1n)).to.changeTokenBalance(ethers, pool, f.bob, 1n);
    });
  });

  describe("role misuse", function () {
    it("reverts a deposit by a non-distributor (even the admin)", async function () {
      const { pool, wbtc, admin, mallory } = await networkHelpers.loadFixture(livenessFixture);
      const role = await pool.DISTRIBUTOR_ROLE();
      for (const caller of [mallory, admin]) {
        await wbtc.mint(caller.address, 1_000n);
        await wbtc.connect(caller).approve(await pool.getAddress(), 1_000n);
        await expect(pool.connect(caller).depositRevenue(wbtc, 1_000n, MINING, 2n))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, role);
      }
      expect(await pool.isEpochFunded(wbtc, MINING, 2n)).to.equal(false);
    });

    it("reverts a mint by a non-minter (even the admin or a distributor)", async function () {
      const { pool, admin, distributor, mallory } = await networkHelpers.loadFixture(livenessFixture);
      const supply = await pool.totalSupply();
      for (const caller of [mallory, admin, distributor]) {
        await expect(pool.connect(caller).mint(mallory.address, ONE_SHARE))
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, await pool.MINTER_ROLE());
      }
      expect(await pool.totalSupply()).to.equal(supply);
    });

    it("reverts pause and unpause by a non-pauser", async function () {
      const { pool, admin, pauser, mallory } = await networkHelpers.loadFixture(livenessFixture);
      const role = await pool.PAUSER_ROLE();
      for (const caller of [mallory, admin]) {
        await expect(pool.connect(caller).pause())
          .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, role);
      }
      await pool.connect(pauser).pause();
      await expect(pool.connect(mallory).unpause())
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, role);
      expect(await pool.paused()).to.equal(true);
    });

    it("reverts granting or revoking any role by a non-admin (even an operational role holder)", async function () {
      const { pool, oracle, minter, distributor, mallory } = await networkHelpers.loadFixture(livenessFixture);
      const adminRole = await pool.DEFAULT_ADMIN_ROLE();
      for (const caller of [mallory, minter]) {
        for (const role of [await pool.MINTER_ROLE(), await pool.DISTRIBUTOR_ROLE(), await pool.PAUSER_ROLE()]) {
          await expect(pool.connect(caller).grantRole(role, mallory.address))
            .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
            .withArgs(caller.address, adminRole);
          expect(await pool.hasRole(role, mallory.address)).to.equal(false);
        }
      }
      await expect(pool.connect(mallory).revokeRole(await pool.DISTRIBUTOR_ROLE(), distributor.address))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, adminRole);
      await expect(oracle.connect(mallory).grantRole(await oracle.REPORTER_ROLE(), mallory.address))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, await oracle.DEFAULT_ADMIN_ROLE());
      await expect(oracle.connect(mallory).reportHashrate(await pool.getAddress(), 2n, 10n ** 12n))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, await oracle.REPORTER_ROLE());
    });
  });
});
