/**
 * Stale and extreme oracle reports as seen by the pool: saturating backing, the exact staleness boundary, and falling
 * reports that must never touch balances or claimables.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20 } from "../../typechain-types/index.js";
import { reportNow } from "../helpers/oracle.js";
import { DAY, MINING, ONE_SHARE, deployPool, expectConserved, fundDistributor } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

async function oracleFixture() {
  const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
  const setup = await deployPool(ethers, [usdc], { hashrateTHs: 1_000n, maxReportAge: DAY });
  const [alice, bob] = setup.users;
  await fundDistributor(setup, [usdc], 10n ** 18n);
  return { ...setup, usdc, alice, bob };
}

async function hugeSharesPerThsFixture() {
  const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
  // 2^200 share units per TH/s: 2^56 TH/s or more overflows the product.
  return deployPool(ethers, [usdc], { sharesPerTHs: 1n << 200n, hashrateTHs: 1n << 60n });
}

const SUPPLY_CAP = (1n << 128n) - 1n;

describe("MiningPoolShare under stale and extreme oracle reports", function () {
  it("saturates mintableShares at the 2^128 − 1 supply cap for a hashrate of 2^256 − 1 (no overflow revert)", async function () {
    const { pool, oracle, reporter, minter, alice } = await networkHelpers.loadFixture(oracleFixture);
    await reportNow(networkHelpers.time, oracle, reporter, pool, ethers.MaxUint256);
    expect(await pool.mintableShares()).to.equal(SUPPLY_CAP);
    await pool.connect(minter).mint(alice.address, 1n << 127n);
    expect(await pool.mintableShares()).to.equal(SUPPLY_CAP - (1n << 127n));
    await expect(pool.connect(minter).mint(alice.address, ethers.MaxUint256))
      .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
      .withArgs(ethers.MaxUint256, SUPPLY_CAP - (1n << 127n));
  });

  it("saturates at the supply cap when hashrate × sharesPerTHs overflows", async function () {
    const { pool } = await networkHelpers.loadFixture(hugeSharesPerThsFixture);
    expect(await pool.mintableShares()).to.equal(SUPPLY_CAP);
  });

  it("mints at exactly updatedAt + maxReportAge and reverts StaleHashrateReport one second later", async function () {
    const { pool, oracle, minter, alice } = await networkHelpers.loadFixture(oracleFixture);
    const [, , updatedAt] = await oracle.latestHashrate(await pool.getAddress());
    await networkHelpers.time.setNextBlockTimestamp(updatedAt + DAY);
    await pool.connect(minter).mint(alice.address, ONE_SHARE);
    expect(await pool.balanceOf(alice.address)).to.equal(ONE_SHARE);
    // The view agrees at the boundary block (the report is still valid at updatedAt + maxReportAge).
    expect(await networkHelpers.time.latest()).to.equal(Number(updatedAt + DAY));
    expect(await pool.mintableShares()).to.equal(999n * ONE_SHARE);
    await networkHelpers.time.setNextBlockTimestamp(updatedAt + DAY + 1n);
    await expect(pool.connect(minter).mint(alice.address, 1n))
      .to.be.revertedWithCustomError(pool, "StaleHashrateReport")
      .withArgs(updatedAt, DAY);
    await networkHelpers.time.increaseTo(updatedAt + DAY + 1n);
    expect(await pool.mintableShares()).to.equal(0n);
  });

  it("treats a pool that was never reported as stale (updatedAt = 0)", async function () {
    const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
    const [admin, , , , , alice] = await ethers.getSigners();
    const oracle = await ethers.deployContract("HashrateOracle", [admin.address, 1]);
    const pool = await ethers.deployContract("MiningPoolShare", [
      "Unreported",
      "UNR",
      admin.address,
      await oracle.getAddress(),
      ONE_SHARE,
      DAY,
      [await usdc.getAddress()],
    ]);
    await pool.grantRole(await pool.MINTER_ROLE(), admin.address);
    expect(await pool.mintableShares()).to.equal(0n);
    await expect(pool.mint(alice.address, 1n))
      .to.be.revertedWithCustomError(pool, "StaleHashrateReport")
      .withArgs(0n, DAY);
  });

  it("a falling report (down to 0 TH/s) never touches balances or claimables; it only stops minting", async function () {
    const { pool, oracle, reporter, minter, distributor, usdc, alice, bob } =
      await networkHelpers.loadFixture(oracleFixture);
    await pool.connect(minter).mint(alice.address, 500n * ONE_SHARE);
    await pool.connect(minter).mint(bob.address, 400n * ONE_SHARE);
    expect(await pool.mintableShares()).to.equal(100n * ONE_SHARE);
    await pool.connect(distributor).depositRevenue(usdc, 1_000_001n, MINING, 1n);
    const read = async () => [
      await pool.balanceOf(alice.address),
      await pool.balanceOf(bob.address),
      await pool.claimable(alice.address, usdc),
      await pool.claimable(bob.address, usdc),
      await pool.totalSupply(),
    ];
    const before = await read();

    for (const hashrate of [500n, 0n]) {
      await reportNow(networkHelpers.time, oracle, reporter, pool, hashrate);
      expect(await read(), `after a report of ${hashrate} TH/s`).to.deep.equal(before);
      expect(await pool.mintableShares()).to.equal(0n);
      await expect(pool.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(1n, 0n);
    }
    // Transfers, deposits and claims carry on under-backed.
    await pool.connect(alice).transfer(bob.address, 100n * ONE_SHARE);
    await pool.connect(distributor).depositRevenue(usdc, 999_999n, MINING, 2n);
    await pool.connect(alice).claim(usdc);
    await pool.connect(bob).claim(usdc);
    await expectConserved(pool, usdc, [alice, bob]);
  });
});
