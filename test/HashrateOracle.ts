import { expect } from "chai";
import { network } from "hardhat";

import { DEFAULT_ADMIN_ROLE, REPORTER_ROLE, deployFixture } from "./helpers/fixtures.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;

const MAX_UINT64 = 2n ** 64n - 1n;
const MAX_UINT32 = 2n ** 32n - 1n;

/** The fixture plus two pool addresses the oracle reports for (the oracle never calls them). */
async function oracleFixture() {
  const fx = await loadFixture(deployFixture);
  const poolA = await fx.pool.getAddress();
  const poolB = ethers.Wallet.createRandom().address;
  const [r1, r2, r3, r4] = fx.reporters;
  return { ...fx, poolA, poolB, r1, r2, r3, r4 };
}

async function latestTimestamp(): Promise<bigint> {
  return BigInt(await networkHelpers.time.latest());
}

describe("HashrateOracle", function () {
  describe("constructor", function () {
    it("reverts when the quorum is 0", async function () {
      const { admin } = await oracleFixture();
      const factory = await ethers.getContractFactory("HashrateOracle", admin);
      await expect(factory.deploy(admin.address, 0)).to.be.revertedWithCustomError(factory, "InvalidQuorum").withArgs();
    });

    it("grants DEFAULT_ADMIN_ROLE to the admin and nothing else to anyone", async function () {
      const { admin, outsider } = await oracleFixture();
      const oracle = await (await ethers.getContractFactory("HashrateOracle", admin)).deploy(outsider.address, 3);
      expect(await oracle.hasRole(DEFAULT_ADMIN_ROLE, outsider.address)).to.equal(true);
      expect(await oracle.hasRole(REPORTER_ROLE, outsider.address)).to.equal(false);
      // The deployer gets nothing when it is not the admin.
      expect(await oracle.hasRole(DEFAULT_ADMIN_ROLE, admin.address)).to.equal(false);
      expect(await oracle.hasRole(REPORTER_ROLE, admin.address)).to.equal(false);
      expect(await oracle.getRoleAdmin(REPORTER_ROLE)).to.equal(DEFAULT_ADMIN_ROLE);
    });

    it("sets the quorum and emits QuorumSet", async function () {
      const { admin } = await oracleFixture();
      const oracle = await (await ethers.getContractFactory("HashrateOracle", admin)).deploy(admin.address, 3);
      await expect(oracle.deploymentTransaction()).to.emit(oracle, "QuorumSet").withArgs(3);
      expect(await oracle.quorum()).to.equal(3n);
    });

    it('exposes REPORTER_ROLE as keccak256("REPORTER_ROLE")', async function () {
      const { oracle } = await oracleFixture();
      expect(await oracle.REPORTER_ROLE()).to.equal(REPORTER_ROLE);
    });
  });

  describe("reportHashrate", function () {
    it("reverts when the caller lacks REPORTER_ROLE", async function () {
      const { oracle, poolA, outsider, admin } = await oracleFixture();
      await expect(oracle.connect(outsider).reportHashrate(poolA, 1, 100))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, REPORTER_ROLE);
      // Not even the admin reports without the role.
      await expect(oracle.connect(admin).reportHashrate(poolA, 1, 100))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(admin.address, REPORTER_ROLE);
    });

    it("reverts when the reporter's role was revoked", async function () {
      const { oracle, poolA, r1 } = await oracleFixture();
      await oracle.revokeRole(REPORTER_ROLE, r1.address);
      await expect(oracle.connect(r1).reportHashrate(poolA, 1, 100))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(r1.address, REPORTER_ROLE);
    });

    it("finalizes at once with quorum 1, emitting HashrateSubmitted and HashrateFinalized", async function () {
      const { oracle, poolA, r1 } = await oracleFixture();
      const tx = oracle.connect(r1).reportHashrate(poolA, 7, 1234);
      await expect(tx).to.emit(oracle, "HashrateSubmitted").withArgs(poolA, 7, r1.address, 1234);
      await expect(tx).to.emit(oracle, "HashrateFinalized").withArgs(poolA, 7, 1234);
      const [hashrate, epoch, updatedAt] = await oracle.latestHashrate(poolA);
      expect(hashrate).to.equal(1234n);
      expect(epoch).to.equal(7n);
      expect(updatedAt).to.equal(await latestTimestamp());
      expect(await oracle.submissionCount(poolA, 7)).to.equal(1n);
      expect(await oracle.hasSubmitted(poolA, 7, r1.address)).to.equal(true);
    });

    it("accepts a first report at epoch 0, then refuses epoch 0 again", async function () {
      const { oracle, poolA, r1, r2 } = await oracleFixture();
      await expect(oracle.connect(r1).reportHashrate(poolA, 0, 50))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 0, 50);
      const [hashrate, epoch, updatedAt] = await oracle.latestHashrate(poolA);
      expect([hashrate, epoch]).to.deep.equal([50n, 0n]);
      expect(updatedAt).to.not.equal(0n);
      await expect(oracle.connect(r2).reportHashrate(poolA, 0, 60))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(0, 0);
    });

    it("accepts a first report at the largest epoch, after which no epoch is newer", async function () {
      const { oracle, poolA, r1, r2 } = await oracleFixture();
      await oracle.connect(r1).reportHashrate(poolA, MAX_UINT64, 50);
      expect((await oracle.latestHashrate(poolA))[1]).to.equal(MAX_UINT64);
      await expect(oracle.connect(r2).reportHashrate(poolA, MAX_UINT64, 60))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(MAX_UINT64, MAX_UINT64);
      await expect(oracle.connect(r2).reportHashrate(poolA, 0, 60))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(0, MAX_UINT64);
    });

    it("accepts strictly increasing epochs with gaps", async function () {
      const { oracle, poolA, r1 } = await oracleFixture();
      for (const [epoch, value] of [
        [5n, 100n],
        [6n, 110n],
        [100n, 90n],
        [10_000n, 95n],
      ]) {
        await expect(oracle.connect(r1).reportHashrate(poolA, epoch, value))
          .to.emit(oracle, "HashrateFinalized")
          .withArgs(poolA, epoch, value);
        const [hashrate, latestEpoch] = await oracle.latestHashrate(poolA);
        expect([hashrate, latestEpoch]).to.deep.equal([value, epoch]);
      }
    });

    it("reverts when the epoch equals or precedes the latest finalized epoch", async function () {
      const { oracle, poolA, r1, r2 } = await oracleFixture();
      await oracle.connect(r1).reportHashrate(poolA, 5, 100);
      await expect(oracle.connect(r2).reportHashrate(poolA, 5, 100))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(5, 5);
      await expect(oracle.connect(r2).reportHashrate(poolA, 4, 100))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(4, 5);
      await expect(oracle.connect(r1).reportHashrate(poolA, 0, 100))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(0, 5);
    });

    it("reverts when a reporter submits twice for the same pool and epoch", async function () {
      const { oracle, poolA, r1 } = await oracleFixture();
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, 1, 100);
      await expect(oracle.connect(r1).reportHashrate(poolA, 1, 200))
        .to.be.revertedWithCustomError(oracle, "AlreadySubmitted")
        .withArgs(r1.address);
      expect(await oracle.submissionCount(poolA, 1)).to.equal(1n);
    });

    it("lets a reporter submit the same epoch for another pool and another epoch of the same pool", async function () {
      const { oracle, poolA, poolB, r1 } = await oracleFixture();
      await oracle.setQuorum(2);
      await oracle.connect(r1).reportHashrate(poolA, 1, 100);
      await expect(oracle.connect(r1).reportHashrate(poolB, 1, 100)).to.emit(oracle, "HashrateSubmitted");
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 100)).to.emit(oracle, "HashrateSubmitted");
      expect(await oracle.hasSubmitted(poolA, 1, r1.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolB, 1, r1.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, 2, r1.address)).to.equal(true);
    });

    it("keeps each pool's reports independent", async function () {
      const { oracle, poolA, poolB, r1 } = await oracleFixture();
      await oracle.connect(r1).reportHashrate(poolA, 10, 100);
      // poolB has no report: its first report may carry an epoch older than poolA's.
      await oracle.connect(r1).reportHashrate(poolB, 3, 300);
      expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([100n, 10n]);
      expect((await oracle.latestHashrate(poolB)).slice(0, 2)).to.deep.equal([300n, 3n]);
    });

    describe("with quorum 3", function () {
      it("stays pending until the third distinct reporter, then finalizes at the median", async function () {
        const { oracle, poolA, r1, r2, r3 } = await oracleFixture();
        await oracle.setQuorum(3);

        await expect(oracle.connect(r1).reportHashrate(poolA, 1, 300))
          .to.emit(oracle, "HashrateSubmitted")
          .withArgs(poolA, 1, r1.address, 300)
          .and.not.to.emit(oracle, "HashrateFinalized");
        await expect(oracle.connect(r2).reportHashrate(poolA, 1, 100)).not.to.emit(oracle, "HashrateFinalized");
        expect(await oracle.latestHashrate(poolA)).to.deep.equal([0n, 0n, 0n]);
        expect(await oracle.submissionCount(poolA, 1)).to.equal(2n);
        expect(await oracle.hasSubmitted(poolA, 1, r1.address)).to.equal(true);
        expect(await oracle.hasSubmitted(poolA, 1, r2.address)).to.equal(true);
        expect(await oracle.hasSubmitted(poolA, 1, r3.address)).to.equal(false);

        await expect(oracle.connect(r3).reportHashrate(poolA, 1, 200))
          .to.emit(oracle, "HashrateFinalized")
          .withArgs(poolA, 1, 200);
        const [hashrate, epoch, updatedAt] = await oracle.latestHashrate(poolA);
        expect([hashrate, epoch, updatedAt]).to.deep.equal([200n, 1n, await latestTimestamp()]);
        expect(await oracle.submissionCount(poolA, 1)).to.equal(3n);
      });

      it("finalizes at the median whatever the submission order, duplicates included", async function () {
        const { oracle, poolA, r1, r2, r3 } = await oracleFixture();
        await oracle.setQuorum(3);
        const cases: Array<[bigint, bigint, bigint, bigint]> = [
          [100n, 200n, 300n, 200n],
          [300n, 200n, 100n, 200n],
          [200n, 300n, 100n, 200n],
          [7n, 7n, 1n, 7n],
          [1n, 9n, 1n, 1n],
        ];
        let epoch = 1n;
        for (const [a, b, c, median] of cases) {
          await oracle.connect(r1).reportHashrate(poolA, epoch, a);
          await oracle.connect(r2).reportHashrate(poolA, epoch, b);
          await expect(oracle.connect(r3).reportHashrate(poolA, epoch, c))
            .to.emit(oracle, "HashrateFinalized")
            .withArgs(poolA, epoch, median);
          epoch += 1n;
        }
      });

      it("refuses a pending epoch older than a newly finalized one (EpochNotAfterLatest)", async function () {
        const { oracle, poolA, r1, r2, r3 } = await oracleFixture();
        await oracle.setQuorum(2);
        // Epoch 5 is pending with one submission when epoch 6 finalizes.
        await oracle.connect(r1).reportHashrate(poolA, 5, 100);
        await oracle.connect(r2).reportHashrate(poolA, 6, 120);
        await oracle.connect(r3).reportHashrate(poolA, 6, 130);
        expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([120n, 6n]);
        await expect(oracle.connect(r2).reportHashrate(poolA, 5, 100))
          .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
          .withArgs(5, 6);
        // The stale pending epoch keeps its record but can never finalize.
        expect(await oracle.submissionCount(poolA, 5)).to.equal(1n);
      });
    });

    it("finalizes at the lower median of two submissions with quorum 2", async function () {
      const { oracle, poolA, r1, r2 } = await oracleFixture();
      await oracle.setQuorum(2);
      await oracle.connect(r1).reportHashrate(poolA, 1, 30);
      await expect(oracle.connect(r2).reportHashrate(poolA, 1, 10))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 1, 10);
    });

    it("finalizes at the lower median of an even count after the quorum was raised (3 → 4)", async function () {
      const { oracle, poolA, r1, r2, r3, r4 } = await oracleFixture();
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, 1, 40);
      await oracle.connect(r2).reportHashrate(poolA, 1, 10);
      await oracle.setQuorum(4);
      await expect(oracle.connect(r3).reportHashrate(poolA, 1, 30)).not.to.emit(oracle, "HashrateFinalized");
      // Sorted 10, 20, 30, 40: the lower median is 20.
      await expect(oracle.connect(r4).reportHashrate(poolA, 1, 20))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 1, 20);
    });

    it("finalizes on the next submission at the lower median after the quorum was lowered (3 → 1)", async function () {
      const { oracle, poolA, r1, r2 } = await oracleFixture();
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, 1, 500);
      await oracle.setQuorum(1);
      // Lowering the quorum does not finalize by itself.
      expect(await oracle.latestHashrate(poolA)).to.deep.equal([0n, 0n, 0n]);
      await expect(oracle.connect(r2).reportHashrate(poolA, 1, 700))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 1, 500);
    });

    it("accepts the extreme values 0 and 2^256-1 TH/s", async function () {
      const { oracle, poolA, r1, r2, r3 } = await oracleFixture();
      await expect(oracle.connect(r1).reportHashrate(poolA, 1, ethers.MaxUint256))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 1, ethers.MaxUint256);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 0))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 2, 0);
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, 3, ethers.MaxUint256);
      await oracle.connect(r2).reportHashrate(poolA, 3, 0);
      await expect(oracle.connect(r3).reportHashrate(poolA, 3, ethers.MaxUint256))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 3, ethers.MaxUint256);
      expect((await oracle.latestHashrate(poolA))[0]).to.equal(ethers.MaxUint256);
    });
  });

  describe("setQuorum", function () {
    it("reverts when the caller is not the admin", async function () {
      const { oracle, outsider, r1 } = await oracleFixture();
      for (const caller of [outsider, r1]) {
        await expect(oracle.connect(caller).setQuorum(2))
          .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
      }
    });

    it("reverts when the quorum is 0", async function () {
      const { oracle } = await oracleFixture();
      await expect(oracle.setQuorum(0)).to.be.revertedWithCustomError(oracle, "InvalidQuorum").withArgs();
      expect(await oracle.quorum()).to.equal(1n);
    });

    it("sets the quorum and emits QuorumSet", async function () {
      const { oracle } = await oracleFixture();
      await expect(oracle.setQuorum(255)).to.emit(oracle, "QuorumSet").withArgs(255);
      expect(await oracle.quorum()).to.equal(255n);
      await expect(oracle.setQuorum(1)).to.emit(oracle, "QuorumSet").withArgs(1);
      expect(await oracle.quorum()).to.equal(1n);
    });
  });

  describe("setMaxChangeBps", function () {
    /** Finalizes `value` for `pool` at `epoch` with quorum 1, as reporter r1. */
    async function seed(epoch: bigint, value: bigint) {
      const fx = await oracleFixture();
      await fx.oracle.connect(fx.r1).reportHashrate(fx.poolA, epoch, value);
      return fx;
    }

    it("reverts when the caller is not the admin", async function () {
      const { oracle, poolA, outsider, r1 } = await oracleFixture();
      for (const caller of [outsider, r1]) {
        await expect(oracle.connect(caller).setMaxChangeBps(poolA, 1000))
          .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
      }
    });

    it("sets the bound per pool and emits MaxChangeBpsSet", async function () {
      const { oracle, poolA, poolB } = await oracleFixture();
      expect(await oracle.maxChangeBps(poolA)).to.equal(0n);
      await expect(oracle.setMaxChangeBps(poolA, 1000)).to.emit(oracle, "MaxChangeBpsSet").withArgs(poolA, 1000);
      expect(await oracle.maxChangeBps(poolA)).to.equal(1000n);
      expect(await oracle.maxChangeBps(poolB)).to.equal(0n);
    });

    it("accepts a move of exactly bps, up and down", async function () {
      const { oracle, poolA, r1 } = await seed(1n, 1000n);
      await oracle.setMaxChangeBps(poolA, 1000); // 10 %
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 1100))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 2, 1100);
      await expect(oracle.connect(r1).reportHashrate(poolA, 3, 990))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 3, 990);
    });

    it("reverts when the move is one unit above bps, up or down (HashrateChangeTooLarge)", async function () {
      const { oracle, poolA, r1 } = await seed(1n, 1000n);
      await oracle.setMaxChangeBps(poolA, 1000);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 1101))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1000, 1101);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 899))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1000, 899);
      expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([1000n, 1n]);
    });

    it("accepts bps and refuses bps + 1 when bps does not divide the previous value evenly", async function () {
      // 10 % of 999 is 99.9: a move of 99 is within, 100 is not.
      const { oracle, poolA, r1 } = await seed(1n, 999n);
      await oracle.setMaxChangeBps(poolA, 1000);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 1099))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(999, 1099);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 1098)).to.emit(oracle, "HashrateFinalized");
    });

    it("accepts a move of exactly 1 bps and refuses 1 bps + 1 unit", async function () {
      const { oracle, poolA, r1 } = await seed(1n, 1_000_000n);
      await oracle.setMaxChangeBps(poolA, 1);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 1_000_101))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1_000_000, 1_000_101);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 1_000_100)).to.emit(oracle, "HashrateFinalized");
    });

    it("reverts the finalizing submission and keeps the earlier submissions pending", async function () {
      const { oracle, poolA, r1, r2, r3, r4 } = await seed(1n, 1000n);
      await oracle.setMaxChangeBps(poolA, 1000);
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, 2, 1050);
      await oracle.connect(r2).reportHashrate(poolA, 2, 3000);
      // r3's submission would finalize at the median 2000: +100 %.
      await expect(oracle.connect(r3).reportHashrate(poolA, 2, 2000))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1000, 2000);
      expect(await oracle.submissionCount(poolA, 2)).to.equal(2n);
      expect(await oracle.hasSubmitted(poolA, 2, r1.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, 2, r2.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, 2, r3.address)).to.equal(false);
      expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([1000n, 1n]);
      // A third submission within bounds finalizes at the median of 1050, 1100 and 3000.
      await expect(oracle.connect(r4).reportHashrate(poolA, 2, 1100))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 2, 1100);
    });

    it("is unbounded at 0, including after a bound was set", async function () {
      const { oracle, poolA, r1 } = await seed(1n, 1000n);
      await oracle.setMaxChangeBps(poolA, 1000);
      await expect(oracle.setMaxChangeBps(poolA, 0)).to.emit(oracle, "MaxChangeBpsSet").withArgs(poolA, 0);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 1_000_000_000))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 2, 1_000_000_000);
      await expect(oracle.connect(r1).reportHashrate(poolA, 3, 0))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 3, 0);
    });

    it("does not bound the move from a previous value of 0 (a first report or a reported 0)", async function () {
      const { oracle, poolA, r1 } = await oracleFixture();
      await oracle.setMaxChangeBps(poolA, 1);
      // No previous report.
      await expect(oracle.connect(r1).reportHashrate(poolA, 1, 0)).to.emit(oracle, "HashrateFinalized");
      // A previous report of 0.
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 10n ** 30n))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 2, 10n ** 30n);
      // From then on the bound applies.
      await expect(oracle.connect(r1).reportHashrate(poolA, 3, 0))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(10n ** 30n, 0);
    });

    it("bounds moves from a previous value of 2^256-1 TH/s without overflow (bps ≤ 100 %)", async function () {
      const { oracle, poolA, r1 } = await seed(1n, ethers.MaxUint256);
      // 100 % allows any downward move.
      await oracle.setMaxChangeBps(poolA, 10_000);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, 0)).to.emit(oracle, "HashrateFinalized");
      await oracle.setMaxChangeBps(poolA, 0);
      await oracle.connect(r1).reportHashrate(poolA, 3, ethers.MaxUint256);
      // 1 bps of 2^256-1 is ⌊(2^256-1) / 10 000⌋.
      await oracle.setMaxChangeBps(poolA, 1);
      const maxMove = ethers.MaxUint256 / 10_000n;
      await expect(oracle.connect(r1).reportHashrate(poolA, 4, 0))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(ethers.MaxUint256, 0);
      await expect(oracle.connect(r1).reportHashrate(poolA, 4, ethers.MaxUint256 - maxMove - 1n))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(ethers.MaxUint256, ethers.MaxUint256 - maxMove - 1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, 4, ethers.MaxUint256 - maxMove))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 4, ethers.MaxUint256 - maxMove);
    });

    it("keeps finalizing when previous × bps / 10 000 exceeds 2^256-1 (bps above 100 %)", async function () {
      // Any move of a uint256 is below a bound that does not fit in a uint256, so every value is within it.
      const { oracle, poolA, r1 } = await seed(1n, ethers.MaxUint256);
      await oracle.setMaxChangeBps(poolA, MAX_UINT32);
      await expect(oracle.connect(r1).reportHashrate(poolA, 2, ethers.MaxUint256))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 2, ethers.MaxUint256);
      await expect(oracle.connect(r1).reportHashrate(poolA, 3, 1))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, 3, 1);
    });
  });

  describe("latestHashrate", function () {
    it("returns zeros for a pool with no report", async function () {
      const { oracle, poolB } = await oracleFixture();
      expect(await oracle.latestHashrate(poolB)).to.deep.equal([0n, 0n, 0n]);
    });

    it("records the timestamp of the finalizing block", async function () {
      const { oracle, poolA, r1 } = await oracleFixture();
      const at = (await latestTimestamp()) + 1000n;
      await networkHelpers.time.setNextBlockTimestamp(at);
      await oracle.connect(r1).reportHashrate(poolA, 1, 42);
      expect(await oracle.latestHashrate(poolA)).to.deep.equal([42n, 1n, at]);
    });
  });

  describe("submissionCount and hasSubmitted", function () {
    it("are 0 and false for an epoch nobody submitted", async function () {
      const { oracle, poolA, r1 } = await oracleFixture();
      expect(await oracle.submissionCount(poolA, 1)).to.equal(0n);
      expect(await oracle.hasSubmitted(poolA, 1, r1.address)).to.equal(false);
    });

    it("count distinct submissions per (pool, epoch) and name the reporters", async function () {
      const { oracle, poolA, poolB, r1, r2, r3 } = await oracleFixture();
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, 4, 1);
      await oracle.connect(r2).reportHashrate(poolA, 4, 2);
      await oracle.connect(r3).reportHashrate(poolA, 5, 3);
      expect(await oracle.submissionCount(poolA, 4)).to.equal(2n);
      expect(await oracle.submissionCount(poolA, 5)).to.equal(1n);
      expect(await oracle.submissionCount(poolB, 4)).to.equal(0n);
      expect(await oracle.hasSubmitted(poolA, 4, r2.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, 4, r3.address)).to.equal(false);
      expect(await oracle.hasSubmitted(poolA, 5, r3.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolB, 4, r1.address)).to.equal(false);
    });
  });

  describe("grantRole and revokeRole", function () {
    it("reverts when a non-admin grants or revokes REPORTER_ROLE", async function () {
      const { oracle, outsider, r1 } = await oracleFixture();
      for (const caller of [outsider, r1]) {
        await expect(oracle.connect(caller).grantRole(REPORTER_ROLE, outsider.address))
          .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
        await expect(oracle.connect(caller).revokeRole(REPORTER_ROLE, r1.address))
          .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
      }
    });

    it("lets the admin grant REPORTER_ROLE to a new reporter, who can then report", async function () {
      const { oracle, poolA, admin, outsider } = await oracleFixture();
      await expect(oracle.grantRole(REPORTER_ROLE, outsider.address))
        .to.emit(oracle, "RoleGranted")
        .withArgs(REPORTER_ROLE, outsider.address, admin.address);
      await expect(oracle.connect(outsider).reportHashrate(poolA, 1, 5)).to.emit(oracle, "HashrateFinalized");
    });
  });

  describe("supportsInterface", function () {
    it("supports IERC165 and IAccessControl only", async function () {
      const { oracle } = await oracleFixture();
      expect(await oracle.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await oracle.supportsInterface("0x7965db0b")).to.equal(true);
      expect(await oracle.supportsInterface("0xffffffff")).to.equal(false);
    });
  });
});
