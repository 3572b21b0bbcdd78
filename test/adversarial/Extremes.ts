/**
 * Extreme supplies and amounts: a 1-wei supply, a 1e27-unit supply with 1e27 units of lifetime payouts, the 2^128
 * lifetime cap of a token's deposits, the carried remainder, and a supply beyond 2^128 share units.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20 } from "../../typechain-types/index.js";
import { reportNow } from "../helpers/oracle.js";
import { AI, MINING, ONE_SHARE, deployPool, expectConserved, fundDistributor, readLedger } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

const MAX_UINT128 = (1n << 128n) - 1n;

async function tokens18and8() {
  const dai: MockERC20 = await ethers.deployContract("MockERC20", ["Dai", "DAI", 18]);
  const wbtc: MockERC20 = await ethers.deployContract("MockWBTC");
  return [dai, wbtc] as const;
}

describe("MiningPoolShare at the extremes", function () {
  describe("a supply of 1 share unit (1 wei)", function () {
    async function oneWeiFixture() {
      const [dai, wbtc] = await tokens18and8();
      // Backing of 1e27 share units, so that a huge mint can follow the 1-wei one.
      const setup = await deployPool(ethers, [dai, wbtc], { hashrateTHs: 10n ** 9n });
      const [alice, bob] = setup.users;
      await setup.pool.connect(setup.minter).mint(alice.address, 1n);
      await fundDistributor(setup, [dai, wbtc], 10n ** 31n);
      return { ...setup, dai, wbtc, alice, bob };
    }

    it("INV-4: the single wei of supply earns every deposit to the unit, from 1 unit to 1e27", async function () {
      const { pool, distributor, dai, wbtc, alice } = await networkHelpers.loadFixture(oneWeiFixture);
      let expected = 0n;
      let epoch = 1n;
      for (const amount of [1n, 7n, 10n ** 27n, (1n << 100n) + 1n]) {
        await pool.connect(distributor).depositRevenue(dai, amount, MINING, epoch);
        await pool.connect(distributor).depositRevenue(wbtc, amount, AI, epoch);
        epoch += 1n;
        expected += amount;
        expect(await pool.claimable(alice.address, dai)).to.equal(expected);
        expect(await pool.claimable(alice.address, wbtc)).to.equal(expected);
      }
      await pool.connect(alice).claimAll();
      expect(await dai.balanceOf(alice.address)).to.equal(expected);
      expect(await wbtc.balanceOf(alice.address)).to.equal(expected);
      const state = await expectConserved(pool, dai, [alice]);
      expect(state.poolBalance, "a supply of 1 leaves no rounding dust").to.equal(0n);
    });

    it("INV-5: a 1e27-unit mint after revenue per share reached ~2^218 (corrections wrap modulo 2^256) moves no revenue", async function () {
      const { pool, minter, distributor, dai, alice, bob } = await networkHelpers.loadFixture(oneWeiFixture);
      const first = 10n ** 27n;
      await pool.connect(distributor).depositRevenue(dai, first, MINING, 1n);
      // rps = 1e27 · 2^128 ≈ 2^218, so the mint's correction rps · (1e27 − 1) wraps past 2^256.
      await pool.connect(minter).mint(bob.address, 10n ** 27n - 1n);
      expect(await pool.claimable(alice.address, dai)).to.equal(first);
      expect(await pool.claimable(bob.address, dai), "shares acquired after a deposit earn nothing from it").to.equal(
        0n,
      );
      // The 1 wei moves to bob and back: still nothing moves.
      await pool.connect(alice).transfer(bob.address, 1n);
      await pool.connect(bob).transfer(alice.address, 1n);
      expect(await pool.claimable(alice.address, dai)).to.equal(first);
      expect(await pool.claimable(bob.address, dai)).to.equal(0n);

      const second = 10n ** 27n + 1n;
      await pool.connect(distributor).depositRevenue(dai, second, MINING, 2n);
      const supply = 10n ** 27n;
      // alice: 1 wei of 1e27 → 1 unit (1.000…001 exactly); bob: the rest, give or take the rounding.
      expect(await pool.claimable(alice.address, dai)).to.equal(first + second / supply);
      const bobOwed = await pool.claimable(bob.address, dai);
      expect(bobOwed * supply <= second * (supply - 1n)).to.equal(true);
      expect(bobOwed >= (second * (supply - 1n)) / supply - 1n).to.equal(true);
      await expectConserved(pool, dai, [alice, bob]);
    });
  });

  describe("a supply of 1e27 share units and 1e27 base units of lifetime payouts", function () {
    const SPLIT = [123_456_789_012_345_678_901_234_567n, 456_789_012_345_678_901_234_567_890n];
    const SUPPLY = 10n ** 27n;

    async function hugeFixture() {
      const [dai, wbtc] = await tokens18and8();
      const setup = await deployPool(ethers, [dai, wbtc], { hashrateTHs: 10n ** 9n });
      const [alice, bob, carol, dave] = setup.users;
      await setup.pool.connect(setup.minter).mint(alice.address, SPLIT[0]);
      await setup.pool.connect(setup.minter).mint(bob.address, SPLIT[1]);
      await setup.pool.connect(setup.minter).mint(carol.address, SUPPLY - SPLIT[0] - SPLIT[1]);
      await fundDistributor(setup, [dai, wbtc], 10n ** 29n);
      return { ...setup, dai, wbtc, holders: [alice, bob, carol, dave] };
    }

    it("INV-2/3: many large deposits, transfers and claims lose nothing (balance = Σ claimable + gap, gap ≤ holders)", async function () {
      const { pool, minter, distributor, dai, wbtc, holders } = await networkHelpers.loadFixture(hugeFixture);
      const [alice, bob, carol, dave] = holders;
      expect(await pool.mintableShares()).to.equal(0n);
      await expect(pool.connect(minter).mint(dave.address, 1n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(1n, 0n);

      let deposited = 0n;
      for (let epoch = 1n; epoch <= 10n; ++epoch) {
        const amount = 10n ** 26n + 2n * epoch + 1n; // odd, ~1e26
        for (const token of [dai, wbtc]) {
          await pool.connect(distributor).depositRevenue(token, amount, Number(epoch % 2n), epoch);
        }
        deposited += amount;
        if (epoch === 3n) await pool.connect(alice).transfer(dave.address, SPLIT[0] / 3n + 1n);
        if (epoch === 5n) await pool.connect(bob).claimAll();
        if (epoch === 7n) await pool.connect(carol).transfer(carol.address, await pool.balanceOf(carol.address));
        if (epoch === 8n) await pool.connect(dave).claim(wbtc);
        for (const token of [dai, wbtc]) await expectConserved(pool, token, holders);
      }
      expect(deposited > SUPPLY).to.equal(true);
      for (const token of [dai, wbtc]) {
        expect(await pool.totalDeposited(token)).to.equal(deposited);
        const state = await readLedger(pool, token, holders);
        expect(state.poolBalance).to.equal(state.sumClaimable + state.gap);
        expect(state.claimed + state.sumClaimable + state.gap).to.equal(deposited);
      }
      for (const holder of holders) await pool.connect(holder).claimAll();
      for (const token of [dai, wbtc]) {
        const state = await expectConserved(pool, token, holders);
        expect(state.poolBalance, "after every claim only the rounding gap stays").to.equal(state.gap);
      }
    });
  });

  describe("the 2^128 lifetime cap of a token's deposits", function () {
    async function capFixture() {
      const [dai] = await tokens18and8();
      const setup = await deployPool(ethers, [dai]);
      const [alice] = setup.users;
      await setup.pool.connect(setup.minter).mint(alice.address, ONE_SHARE);
      await fundDistributor(setup, [dai], 1n << 130n);
      return { ...setup, dai, alice };
    }

    it("accepts deposits up to 2^128 − 1 in total and reverts SafeCastOverflowedUintDowncast past it", async function () {
      const { pool, distributor, dai, alice } = await networkHelpers.loadFixture(capFixture);
      await pool.connect(distributor).depositRevenue(dai, MAX_UINT128 - 1n, MINING, 1n);
      await expect(pool.connect(distributor).depositRevenue(dai, 2n, MINING, 2n))
        .to.be.revertedWithCustomError(pool, "SafeCastOverflowedUintDowncast")
        .withArgs(128, MAX_UINT128 + 1n);
      await pool.connect(distributor).depositRevenue(dai, 1n, AI, 2n);
      expect(await pool.totalDeposited(dai)).to.equal(MAX_UINT128);
      await expect(pool.connect(distributor).depositRevenue(dai, 1n, AI, 3n))
        .to.be.revertedWithCustomError(pool, "SafeCastOverflowedUintDowncast")
        .withArgs(128, MAX_UINT128 + 1n);
      expect(await pool.isEpochFunded(dai, AI, 3n)).to.equal(false);

      // The largest possible accrual still claims without overflow.
      const owed = await pool.claimable(alice.address, dai);
      expect(owed >= MAX_UINT128 - 2n && owed <= MAX_UINT128).to.equal(true);
      await pool.connect(alice).claim(dai);
      expect(await dai.balanceOf(alice.address)).to.equal(owed);
      await expectConserved(pool, dai, [alice]);
    });
  });

  describe("the carried remainder", function () {
    // Found with the rational model: alice's rounding remainder of deposit 1 is carried into deposit 2, where bob (a
    // newcomer) receives part of it, which lifts bob one unit above his exact pro-rata entitlement.
    const S1 = (1n << 70n) + 1n;
    const M = (1n << 70n) + 7n;
    const D1 = 1n;
    const D2 = 1_967_652_701_195_685_505_713n;

    async function carryFixture() {
      const [dai] = await tokens18and8();
      const setup = await deployPool(ethers, [dai]);
      const [alice, bob] = setup.users;
      await fundDistributor(setup, [dai], 10n ** 24n);
      return { ...setup, dai, alice, bob };
    }

    it("INV-3/4: is never lost, and may pay a newcomer one unit above exact pro rata (within INV-4's ±1)", async function () {
      const { pool, minter, distributor, dai, alice, bob } = await networkHelpers.loadFixture(carryFixture);
      await pool.connect(minter).mint(alice.address, S1);
      await pool.connect(distributor).depositRevenue(dai, D1, MINING, 1n);
      // 2^128 / S1 leaves a remainder of S1 − 2^58: alice's 1 unit rounds down to 0 and the rest is carried.
      expect(await pool.claimable(alice.address, dai)).to.equal(0n);
      await expectConserved(pool, dai, [alice]);

      await pool.connect(minter).mint(bob.address, M);
      await pool.connect(distributor).depositRevenue(dai, D2, MINING, 2n);
      const s2 = S1 + M;
      const bobOwed = await pool.claimable(bob.address, dai);
      // bob's exact entitlement D2·M/S2 lies just below an integer; with the carry he gets its ceiling.
      expect(bobOwed).to.equal((D2 * M) / s2 + 1n);
      expect(bobOwed * s2 > D2 * M, "above exact pro rata").to.equal(true);
      expect((bobOwed - 1n) * s2 < D2 * M, "by less than one unit").to.equal(true);
      // INV-4 over deposit 2: bob's claimable rose by ⌊D·b/S⌋ + 1.
      expect(bobOwed - (D2 * M) / s2).to.equal(1n);
      // alice, holder of both deposits, stays at or below hers; together nothing is created or lost.
      const aliceOwed = await pool.claimable(alice.address, dai);
      const aliceExactNumerator = D1 * s2 + D2 * S1; // (D1 + D2·S1/S2) · S2
      expect(aliceOwed * s2 <= aliceExactNumerator).to.equal(true);
      const state = await expectConserved(pool, dai, [alice, bob]);
      expect(aliceOwed + bobOwed + state.gap).to.equal(D1 + D2);
    });
  });

  describe("the carried remainder near a 2^128-unit supply", function () {
    // Found by the model test under CI settings: with a supply near 2^128 share units a carried remainder is worth up
    // to (supply / 2^128) < 1 base unit, so a constant holder's claimable can sit more than one unit below its exact
    // entitlement, and a 1-unit deposit that releases the carry raises it by ⌊D·b/S⌋ + 2.
    const SUPPLY = 299_809_676_162_091_059_186_900_110_495_889_976_077n;
    const ALICE = 238_459_684_673_268_954_392_148_340_011_921_711_418n;

    async function nearMaxSupplyFixture() {
      const [dai] = await tokens18and8();
      const setup = await deployPool(ethers, [dai], { hashrateTHs: SUPPLY / ONE_SHARE + 1n });
      const [alice, bob] = setup.users;
      await setup.pool.connect(setup.minter).mint(alice.address, ALICE);
      await setup.pool.connect(setup.minter).mint(bob.address, SUPPLY - ALICE);
      await fundDistributor(setup, [dai], 10n ** 24n);
      return { ...setup, dai, alice, bob };
    }

    it("INV-3/4: withholds less than one unit per holder and releases it on a later deposit (rise ⌊D·b/S⌋ + 2)", async function () {
      const { pool, distributor, dai, alice, bob } = await networkHelpers.loadFixture(nearMaxSupplyFixture);
      await pool.connect(distributor).depositRevenue(dai, 814n, MINING, 1n);
      const before = await pool.claimable(alice.address, dai);
      // exact: 814 · ALICE / SUPPLY = 647.43…, claimable 646: 1.43 units withheld in the carry.
      expect((814n * ALICE) / SUPPLY).to.equal(647n);
      expect(before).to.equal(646n);
      await expectConserved(pool, dai, [alice, bob]);

      await pool.connect(distributor).depositRevenue(dai, 1n, MINING, 2n);
      const after = await pool.claimable(alice.address, dai);
      expect((1n * ALICE) / SUPPLY, "⌊D·b/S⌋ for a 1-unit deposit").to.equal(0n);
      expect(after - before, "the 1-unit deposit releases the carried remainder").to.equal(2n);
      // Back at its exact floor: 815 · ALICE / SUPPLY = 648.23…
      expect(after).to.equal((815n * ALICE) / SUPPLY);
      await expectConserved(pool, dai, [alice, bob]);
    });
  });

  describe("a supply at the 2^128 − 1 cap (an extreme oracle report)", function () {
    async function hugeSupplyFixture() {
      const [dai] = await tokens18and8();
      const setup = await deployPool(ethers, [dai]);
      const [alice] = setup.users;
      await reportNow(networkHelpers.time, setup.oracle, setup.reporter, setup.pool, ethers.MaxUint256);
      await fundDistributor(setup, [dai], 1n << 100n);
      return { ...setup, dai, alice };
    }

    it("INV-3: caps the supply at 2^128 − 1 share units, so a deposit's carried remainder stays below 1 unit", async function () {
      const { pool, minter, distributor, dai, alice } = await networkHelpers.loadFixture(hugeSupplyFixture);
      const cap = (1n << 128n) - 1n;
      // The backing saturates at the cap (no overflow revert): 2^200 share units are refused with the cap as
      // what is available, and the cap itself can be minted.
      expect(await pool.mintableShares()).to.equal(cap);
      await expect(pool.connect(minter).mint(alice.address, 1n << 200n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(1n << 200n, cap);
      await pool.connect(minter).mint(alice.address, cap);
      expect(await pool.mintableShares()).to.equal(0n);
      // At the largest supply, an 18-decimal deposit of 2,361 tokens is paid to the unit but for the carry (< 1).
      const deposit = 1n << 71n;
      await pool.connect(distributor).depositRevenue(dai, deposit, MINING, 1n);
      expect(await pool.claimable(alice.address, dai)).to.be.gte(deposit - 1n);
      await expectConserved(pool, dai, [alice]);
    });
  });
});
