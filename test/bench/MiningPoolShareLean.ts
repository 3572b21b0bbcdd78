/**
 * MiningPoolShareLean is the benchmark-only copy of MiningPoolShare with the storage layout proposed in docs/GAS.md
 * (contracts/bench). These tests check what the layout changes: the pause deadline sharing token 0's
 * revenue-per-share word, owed amounts exact modulo 2^192 over the SPEC's whole range (1e27 share units, 1e27
 * lifetime payouts per token), the 2^96 caps, and the claimed totals sharing a slot.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import type { HashrateOracle, MiningPoolShareLean, MockERC20 } from "../../typechain-types/index.js";
import { reportNow } from "../helpers/oracle.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;

const MINING = 0;
const AI = 1;
const CAP = 2n ** 96n - 1n;
/** The SPEC's range: 1e27 share units, 1e27 lifetime payouts per token. */
const E27 = 10n ** 27n;

interface Fixture {
  pool: MiningPoolShareLean;
  oracle: HashrateOracle;
  wbtc: MockERC20;
  big: MockERC20;
  admin: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
}

/** WBTC (8 dec) and an 18-decimal token; a pool backed far beyond the cap; admin holds every operational role. */
async function deployFixture(): Promise<Fixture> {
  const [admin, alice, bob, carol] = await ethers.getSigners();
  const token = await ethers.getContractFactory("MockERC20", admin);
  const wbtc = await token.deploy("Wrapped BTC", "WBTC", 8);
  const big = await token.deploy("Big", "BIG", 18);
  const oracle = await (await ethers.getContractFactory("HashrateOracle", admin)).deploy(admin.address, 1);
  await oracle.grantRole(await oracle.REPORTER_ROLE(), admin.address);
  const pool = await (
    await ethers.getContractFactory("MiningPoolShareLean", admin)
  ).deploy("Lean", "LEAN", admin.address, oracle, 1n, 10n ** 9n, [wbtc, big]);
  for (const role of [await pool.MINTER_ROLE(), await pool.DISTRIBUTOR_ROLE(), await pool.PAUSER_ROLE()]) {
    await pool.grantRole(role, admin.address);
  }
  await reportNow(time, oracle, admin, pool, 2n ** 200n);
  for (const t of [wbtc, big]) {
    await t.mint(admin.address, 2n ** 100n);
    await t.approve(pool, ethers.MaxUint256);
  }
  return { pool, oracle, wbtc, big, admin, alice, bob, carol };
}

/** alice, bob and carol hold 1, 3 and 6 tenths of 1e27 share units (the SPEC's largest supply). */
async function wideFixture(): Promise<Fixture> {
  const fx = await deployFixture();
  await fx.pool.mint(fx.alice.address, E27 / 10n);
  await fx.pool.mint(fx.bob.address, (3n * E27) / 10n);
  await fx.pool.mint(fx.carol.address, (6n * E27) / 10n);
  return fx;
}

async function claimables(pool: MiningPoolShareLean, accounts: readonly string[], token: MockERC20) {
  return Promise.all(accounts.map((account) => pool.claimable(account, token)));
}

describe("MiningPoolShareLean (benchmark-only layout proposal)", function () {
  describe("pause in token 0's revenue-per-share word", function () {
    it("leaves revenue per share untouched when pausing and unpausing", async function () {
      const { pool, wbtc, alice } = await loadFixture(wideFixture);
      await pool.depositRevenue(wbtc, 12_345_679n, MINING, 1n);
      const before = await pool.claimable(alice.address, wbtc);
      await pool.pause();
      expect(await pool.claimable(alice.address, wbtc)).to.equal(before);
      await pool.unpause();
      expect(await pool.claimable(alice.address, wbtc)).to.equal(before);
    });

    it("keeps pausedUntil when token 0 is deposited", async function () {
      const { pool, wbtc } = await loadFixture(wideFixture);
      await pool.pause();
      await pool.unpause();
      const until = await pool.pausedUntil();
      await pool.depositRevenue(wbtc, 12_345_679n, MINING, 1n);
      expect(await pool.pausedUntil()).to.equal(until);
    });

    it("refuses transfers while paused and allows them after MAX_PAUSE_DURATION", async function () {
      const { pool, alice, bob } = await loadFixture(wideFixture);
      await pool.pause();
      await expect(pool.connect(alice).transfer(bob.address, 1n)).to.be.revertedWithCustomError(pool, "EnforcedPause");
      await time.increaseTo(await pool.pausedUntil());
      await expect(pool.connect(alice).transfer(bob.address, 1n)).to.changeTokenBalance(ethers, pool, bob, 1n);
    });
  });

  describe("exact over the SPEC's range", function () {
    it("credits ⌊D · balance / supply⌋ − 1 … + 2 of 1e27 lifetime payouts over 1e27 share units (INV-4)", async function () {
      const { pool, big, alice, bob, carol } = await loadFixture(wideFixture);
      const deposits = [E27 / 3n, E27 / 7n, E27 - E27 / 3n - E27 / 7n];
      let before = await claimables(pool, [alice.address, bob.address, carol.address], big);
      for (const [epoch, deposit] of deposits.entries()) {
        await pool.depositRevenue(big, deposit, AI, BigInt(epoch));
        const after = await claimables(pool, [alice.address, bob.address, carol.address], big);
        [1n, 3n, 6n].forEach((tenths, i) => {
          const ideal = (deposit * tenths) / 10n;
          expect(after[i] - before[i]).to.be.within(ideal - 1n, ideal + 2n);
        });
        before = after;
      }
      expect(await pool.totalDeposited(big)).to.equal(E27);
    });

    it("keeps claimables unchanged through a mint when revenue per share unit is at its largest (INV-5)", async function () {
      const { pool, big, alice, bob } = await loadFixture(deployFixture);
      await pool.mint(alice.address, 1n);
      // Revenue per share = 1e27 · 2^96 ≈ 2^186: the ERC-1726 peer's int256 arithmetic overflows on such a mint.
      await pool.depositRevenue(big, E27, AI, 1n);
      await pool.mint(bob.address, E27 - 1n);
      expect(await pool.claimable(alice.address, big)).to.equal(E27);
      expect(await pool.claimable(bob.address, big)).to.equal(0n);
      await pool.connect(bob).transfer(alice.address, E27 / 2n);
      expect(await pool.claimable(alice.address, big)).to.equal(E27);
      await expect(pool.connect(alice).claim(big)).to.changeTokenBalance(ethers, big, alice, E27);
    });

    it("reverts a deposit that takes lifetime deposits of a token to 2^96 (SafeCastOverflowedUintDowncast)", async function () {
      const { pool, big } = await loadFixture(wideFixture);
      await pool.depositRevenue(big, CAP, AI, 1n);
      await expect(pool.depositRevenue(big, 1n, AI, 2n))
        .to.be.revertedWithCustomError(pool, "SafeCastOverflowedUintDowncast")
        .withArgs(96, CAP + 1n);
    });

    it("caps the backing, hence the supply, at 2^96 − 1 share units", async function () {
      const { pool } = await loadFixture(deployFixture);
      expect(await pool.mintableShares()).to.equal(CAP);
    });
  });

  describe("claimed totals in shared lanes", function () {
    it("keeps each token's totalClaimed apart through claim and claimAll, and skim leaves it owed (INV-9)", async function () {
      const { pool, wbtc, big, admin, alice, bob } = await loadFixture(wideFixture);
      await pool.depositRevenue(wbtc, 12_345_679n, MINING, 1n);
      await pool.depositRevenue(big, E27 / 2n, AI, 1n);
      const a = await pool.connect(alice).claim.staticCall(big);
      await pool.connect(alice).claim(big);
      const b = await pool.connect(bob).claimAll.staticCall();
      await pool.connect(bob).claimAll();
      expect(await pool.totalClaimed(wbtc)).to.equal(b[0]);
      expect(await pool.totalClaimed(big)).to.equal(a + b[1]);
      await wbtc.transfer(pool, 5n);
      expect(await pool.skim.staticCall(wbtc, admin.address)).to.equal(5n);
      expect(await pool.skim.staticCall(big, admin.address)).to.equal(0n);
    });
  });
});
