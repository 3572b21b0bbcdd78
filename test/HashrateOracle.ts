import { expect } from "chai";
import { network } from "hardhat";

import { DEFAULT_ADMIN_ROLE, REPORTER_ROLE, deployFixture } from "./helpers/fixtures.js";
import { shouldBehaveLikeDefaultAdminRules } from "./helpers/adminRules.js";
import { EPOCH_SECONDS, epochStart } from "./helpers/oracle.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;

const MAX_UINT64 = 2n ** 64n - 1n;
const MAX_UINT32 = 2n ** 32n - 1n;

/** `deployFixture` with the clock at the first second of a fresh epoch, `DAY0`'s epoch. */
async function startOfDayFixture(connection: Parameters<typeof deployFixture>[0]) {
  const fx = await deployFixture(connection);
  const day0 = (await fx.oracle.currentEpoch()) + 1n;
  await connection.networkHelpers.time.increaseTo(epochStart(day0));
  return { ...fx, day0 };
}

/**
 * The fixture plus two pool addresses the oracle reports for (the oracle never calls them), and `day(n)`: moves the
 * clock forward into epoch `day0 + n` (if it is not there yet) and returns that epoch.
 */
async function oracleFixture() {
  const fx = await loadFixture(startOfDayFixture);
  const poolA = await fx.pool.getAddress();
  const poolB = ethers.Wallet.createRandom().address;
  const [r1, r2, r3, r4] = fx.reporters;
  async function day(n: bigint): Promise<bigint> {
    const epoch = fx.day0 + n;
    if ((await fx.oracle.currentEpoch()) < epoch) await time.increaseTo(epochStart(epoch));
    return epoch;
  }
  return { ...fx, poolA, poolB, r1, r2, r3, r4, day };
}

async function latestTimestamp(): Promise<bigint> {
  return BigInt(await time.latest());
}

describe("HashrateOracle", function () {
  describe("constructor", function () {
    it("reverts when the quorum is 0", async function () {
      const { admin } = await oracleFixture();
      const factory = await ethers.getContractFactory("HashrateOracle", admin);
      await expect(factory.deploy(admin.address, 0)).to.be.revertedWithCustomError(factory, "InvalidQuorum").withArgs();
    });

    it("reverts when the admin is the zero address (AccessControlInvalidDefaultAdmin)", async function () {
      const { admin } = await oracleFixture();
      const factory = await ethers.getContractFactory("HashrateOracle", admin);
      await expect(factory.deploy(ethers.ZeroAddress, 1))
        .to.be.revertedWithCustomError(factory, "AccessControlInvalidDefaultAdmin")
        .withArgs(ethers.ZeroAddress);
    });

    it("grants DEFAULT_ADMIN_ROLE to the admin and nothing else to anyone", async function () {
      const { admin, outsider } = await oracleFixture();
      const oracle = await (await ethers.getContractFactory("HashrateOracle", admin)).deploy(outsider.address, 3);
      expect(await oracle.hasRole(DEFAULT_ADMIN_ROLE, outsider.address)).to.equal(true);
      expect(await oracle.defaultAdmin()).to.equal(outsider.address);
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

  describe("EPOCH_SECONDS and currentEpoch", function () {
    it("makes an epoch a UTC day of 86,400 seconds", async function () {
      const { oracle } = await oracleFixture();
      expect(await oracle.EPOCH_SECONDS()).to.equal(86_400n);
      expect(EPOCH_SECONDS).to.equal(86_400n);
    });

    it("is block.timestamp / 86,400: the same epoch until the last second of the day, the next one after", async function () {
      const { oracle, day0 } = await oracleFixture();
      expect(await oracle.currentEpoch()).to.equal(day0);
      await time.increaseTo(epochStart(day0 + 1n) - 1n);
      expect(await oracle.currentEpoch()).to.equal(day0);
      await time.increaseTo(epochStart(day0 + 1n));
      expect(await oracle.currentEpoch()).to.equal(day0 + 1n);
    });
  });

  describe("reportHashrate", function () {
    it("reverts when the caller lacks REPORTER_ROLE", async function () {
      const { oracle, poolA, outsider, admin, day0 } = await oracleFixture();
      await expect(oracle.connect(outsider).reportHashrate(poolA, day0, 100))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, REPORTER_ROLE);
      // Not even the admin reports without the role.
      await expect(oracle.connect(admin).reportHashrate(poolA, day0, 100))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(admin.address, REPORTER_ROLE);
    });

    it("reverts when the reporter's role was revoked", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      await oracle.revokeRole(REPORTER_ROLE, r1.address);
      await expect(oracle.connect(r1).reportHashrate(poolA, day0, 100))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(r1.address, REPORTER_ROLE);
    });

    it("finalizes at once with quorum 1, emitting HashrateSubmitted and HashrateFinalized", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      const tx = oracle.connect(r1).reportHashrate(poolA, day0, 1234);
      await expect(tx).to.emit(oracle, "HashrateSubmitted").withArgs(poolA, day0, r1.address, 1234);
      await expect(tx).to.emit(oracle, "HashrateFinalized").withArgs(poolA, day0, 1234);
      const [hashrate, epoch, updatedAt] = await oracle.latestHashrate(poolA);
      expect(hashrate).to.equal(1234n);
      expect(epoch).to.equal(day0);
      expect(updatedAt).to.equal(await latestTimestamp());
      expect(await oracle.submissionCount(poolA, day0)).to.equal(1n);
      expect(await oracle.hasSubmitted(poolA, day0, r1.address)).to.equal(true);
    });

    it("accepts the previous epoch", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      await expect(oracle.connect(r1).reportHashrate(poolA, day0 - 1n, 50))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day0 - 1n, 50);
    });

    it("reverts when the epoch is the next one (EpochNotCurrent)", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      await expect(oracle.connect(r1).reportHashrate(poolA, day0 + 1n, 50))
        .to.be.revertedWithCustomError(oracle, "EpochNotCurrent")
        .withArgs(day0 + 1n, day0);
    });

    it("reverts when the epoch is the largest uint64 (EpochNotCurrent)", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      await expect(oracle.connect(r1).reportHashrate(poolA, MAX_UINT64, 50))
        .to.be.revertedWithCustomError(oracle, "EpochNotCurrent")
        .withArgs(MAX_UINT64, day0);
    });

    it("reverts when the epoch is two epochs old (EpochNotCurrent)", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      await expect(oracle.connect(r1).reportHashrate(poolA, day0 - 2n, 50))
        .to.be.revertedWithCustomError(oracle, "EpochNotCurrent")
        .withArgs(day0 - 2n, day0);
      await expect(oracle.connect(r1).reportHashrate(poolA, 0, 50))
        .to.be.revertedWithCustomError(oracle, "EpochNotCurrent")
        .withArgs(0, day0);
    });

    it("checks EpochNotCurrent before EpochNotAfterLatest", async function () {
      const { oracle, poolA, r1, r2, day } = await oracleFixture();
      const latest = await day(2n);
      await oracle.connect(r1).reportHashrate(poolA, latest, 50);
      // day0 is both older than the latest and two epochs old.
      await expect(oracle.connect(r2).reportHashrate(poolA, latest - 2n, 50))
        .to.be.revertedWithCustomError(oracle, "EpochNotCurrent")
        .withArgs(latest - 2n, latest);
    });

    it("checks EpochNotAfterLatest before AlreadySubmitted", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      await oracle.connect(r1).reportHashrate(poolA, day0, 50);
      // r1 both submitted for day0 and day0 is the latest.
      await expect(oracle.connect(r1).reportHashrate(poolA, day0, 60))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(day0, day0);
    });

    it("accepts strictly increasing clock epochs with gaps", async function () {
      const { oracle, poolA, r1, day } = await oracleFixture();
      for (const [n, value] of [
        [0n, 100n],
        [1n, 110n],
        [5n, 90n],
        [40n, 95n],
      ] as const) {
        const epoch = await day(n);
        await expect(oracle.connect(r1).reportHashrate(poolA, epoch, value))
          .to.emit(oracle, "HashrateFinalized")
          .withArgs(poolA, epoch, value);
        const [hashrate, latestEpoch] = await oracle.latestHashrate(poolA);
        expect([hashrate, latestEpoch]).to.deep.equal([value, epoch]);
      }
    });

    it("reverts when the epoch equals or precedes the latest finalized epoch (EpochNotAfterLatest)", async function () {
      const { oracle, poolA, r1, r2, day } = await oracleFixture();
      const latest = await day(1n);
      await oracle.connect(r1).reportHashrate(poolA, latest, 100);
      await expect(oracle.connect(r2).reportHashrate(poolA, latest, 100))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(latest, latest);
      await expect(oracle.connect(r2).reportHashrate(poolA, latest - 1n, 100))
        .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
        .withArgs(latest - 1n, latest);
    });

    it("reverts when a reporter submits twice for the same pool and epoch (AlreadySubmitted)", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, day0, 100);
      await expect(oracle.connect(r1).reportHashrate(poolA, day0, 200))
        .to.be.revertedWithCustomError(oracle, "AlreadySubmitted")
        .withArgs(r1.address);
      expect(await oracle.submissionCount(poolA, day0)).to.equal(1n);
    });

    it("lets a reporter submit the same epoch for another pool and another epoch of the same pool", async function () {
      const { oracle, poolA, poolB, r1, day0 } = await oracleFixture();
      await oracle.setQuorum(2);
      await oracle.connect(r1).reportHashrate(poolA, day0, 100);
      await expect(oracle.connect(r1).reportHashrate(poolB, day0, 100)).to.emit(oracle, "HashrateSubmitted");
      await expect(oracle.connect(r1).reportHashrate(poolA, day0 - 1n, 100)).to.emit(oracle, "HashrateSubmitted");
      expect(await oracle.hasSubmitted(poolA, day0, r1.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolB, day0, r1.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, day0 - 1n, r1.address)).to.equal(true);
    });

    it("keeps each pool's reports independent", async function () {
      const { oracle, poolA, poolB, r1, day0 } = await oracleFixture();
      await oracle.connect(r1).reportHashrate(poolA, day0, 100);
      // poolB has no report: its first report may carry an epoch older than poolA's.
      await oracle.connect(r1).reportHashrate(poolB, day0 - 1n, 300);
      expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([100n, day0]);
      expect((await oracle.latestHashrate(poolB)).slice(0, 2)).to.deep.equal([300n, day0 - 1n]);
    });

    describe("with quorum 3", function () {
      it("stays pending until the third distinct reporter, then finalizes at the median", async function () {
        const { oracle, poolA, r1, r2, r3, day0 } = await oracleFixture();
        await oracle.setQuorum(3);

        await expect(oracle.connect(r1).reportHashrate(poolA, day0, 300))
          .to.emit(oracle, "HashrateSubmitted")
          .withArgs(poolA, day0, r1.address, 300)
          .and.not.to.emit(oracle, "HashrateFinalized");
        await expect(oracle.connect(r2).reportHashrate(poolA, day0, 100)).not.to.emit(oracle, "HashrateFinalized");
        expect(await oracle.latestHashrate(poolA)).to.deep.equal([0n, 0n, 0n]);
        expect(await oracle.submissionCount(poolA, day0)).to.equal(2n);
        expect(await oracle.hasSubmitted(poolA, day0, r1.address)).to.equal(true);
        expect(await oracle.hasSubmitted(poolA, day0, r2.address)).to.equal(true);
        expect(await oracle.hasSubmitted(poolA, day0, r3.address)).to.equal(false);

        await expect(oracle.connect(r3).reportHashrate(poolA, day0, 200))
          .to.emit(oracle, "HashrateFinalized")
          .withArgs(poolA, day0, 200);
        const [hashrate, epoch, updatedAt] = await oracle.latestHashrate(poolA);
        expect([hashrate, epoch, updatedAt]).to.deep.equal([200n, day0, await latestTimestamp()]);
        expect(await oracle.submissionCount(poolA, day0)).to.equal(3n);
      });

      for (const [a, b, c, median] of [
        [100n, 200n, 300n, 200n],
        [300n, 200n, 100n, 200n],
        [200n, 300n, 100n, 200n],
        [7n, 7n, 1n, 7n],
        [1n, 9n, 1n, 1n],
      ] as const) {
        it(`finalizes ${a}, ${b}, ${c} at the median ${median}`, async function () {
          const { oracle, poolA, r1, r2, r3, day0 } = await oracleFixture();
          await oracle.setQuorum(3);
          await oracle.connect(r1).reportHashrate(poolA, day0, a);
          await oracle.connect(r2).reportHashrate(poolA, day0, b);
          await expect(oracle.connect(r3).reportHashrate(poolA, day0, c))
            .to.emit(oracle, "HashrateFinalized")
            .withArgs(poolA, day0, median);
        });
      }

      it("refuses a pending epoch older than a newly finalized one (EpochNotAfterLatest)", async function () {
        const { oracle, poolA, r1, r2, r3, day0, day } = await oracleFixture();
        await oracle.setQuorum(2);
        // day0 is pending with one submission when day 1 finalizes.
        await oracle.connect(r1).reportHashrate(poolA, day0, 100);
        const day1 = await day(1n);
        await oracle.connect(r2).reportHashrate(poolA, day1, 120);
        await oracle.connect(r3).reportHashrate(poolA, day1, 130);
        expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([120n, day1]);
        await expect(oracle.connect(r2).reportHashrate(poolA, day0, 100))
          .to.be.revertedWithCustomError(oracle, "EpochNotAfterLatest")
          .withArgs(day0, day1);
        // The stale pending epoch keeps its record but can never finalize.
        expect(await oracle.submissionCount(poolA, day0)).to.equal(1n);
      });
    });

    it("finalizes at the lower median of two submissions with quorum 2", async function () {
      const { oracle, poolA, r1, r2, day0 } = await oracleFixture();
      await oracle.setQuorum(2);
      await oracle.connect(r1).reportHashrate(poolA, day0, 30);
      await expect(oracle.connect(r2).reportHashrate(poolA, day0, 10))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day0, 10);
    });

    it("finalizes at the lower median of an even count after the quorum was raised (3 → 4)", async function () {
      const { oracle, poolA, r1, r2, r3, r4, day0 } = await oracleFixture();
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, day0, 40);
      await oracle.connect(r2).reportHashrate(poolA, day0, 10);
      await oracle.setQuorum(4);
      await expect(oracle.connect(r3).reportHashrate(poolA, day0, 30)).not.to.emit(oracle, "HashrateFinalized");
      // Sorted 10, 20, 30, 40: the lower median is 20.
      await expect(oracle.connect(r4).reportHashrate(poolA, day0, 20))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day0, 20);
    });

    it("finalizes on the next submission at the lower median after the quorum was lowered (3 → 1)", async function () {
      const { oracle, poolA, r1, r2, day0 } = await oracleFixture();
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, day0, 500);
      await oracle.setQuorum(1);
      // Lowering the quorum does not finalize by itself.
      expect(await oracle.latestHashrate(poolA)).to.deep.equal([0n, 0n, 0n]);
      await expect(oracle.connect(r2).reportHashrate(poolA, day0, 700))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day0, 500);
    });

    it("accepts the extreme values 0 and 2^256-1 TH/s", async function () {
      const { oracle, poolA, r1, r2, r3, day0, day } = await oracleFixture();
      await expect(oracle.connect(r1).reportHashrate(poolA, day0 - 1n, ethers.MaxUint256))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day0 - 1n, ethers.MaxUint256);
      await expect(oracle.connect(r1).reportHashrate(poolA, day0, 0))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day0, 0);
      await oracle.setQuorum(3);
      const day1 = await day(1n);
      await oracle.connect(r1).reportHashrate(poolA, day1, ethers.MaxUint256);
      await oracle.connect(r2).reportHashrate(poolA, day1, 0);
      await expect(oracle.connect(r3).reportHashrate(poolA, day1, ethers.MaxUint256))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day1, ethers.MaxUint256);
      expect((await oracle.latestHashrate(poolA))[0]).to.equal(ethers.MaxUint256);
    });

    describe("when a reporter's role is revoked", function () {
      it("stops counting its pending submission at once", async function () {
        const { oracle, poolA, r1, r2, day0 } = await oracleFixture();
        await oracle.setQuorum(2);
        await oracle.connect(r1).reportHashrate(poolA, day0, 1_000_000);
        await oracle.revokeRole(REPORTER_ROLE, r1.address);
        // Two submissions, one counted: below the quorum.
        await expect(oracle.connect(r2).reportHashrate(poolA, day0, 100)).not.to.emit(oracle, "HashrateFinalized");
        expect(await oracle.submissionCount(poolA, day0)).to.equal(2n);
        expect(await oracle.latestHashrate(poolA)).to.deep.equal([0n, 0n, 0n]);
      });

      it("finalizes at the lower median of the counted submissions only", async function () {
        const { oracle, poolA, r1, r2, r3, day0 } = await oracleFixture();
        await oracle.setQuorum(2);
        await oracle.connect(r1).reportHashrate(poolA, day0, 1);
        await oracle.revokeRole(REPORTER_ROLE, r1.address);
        await oracle.connect(r2).reportHashrate(poolA, day0, 300);
        // Counted: 300 and 200; r1's 1 would have made the lower median 1 (or 200 of three).
        await expect(oracle.connect(r3).reportHashrate(poolA, day0, 200))
          .to.emit(oracle, "HashrateFinalized")
          .withArgs(poolA, day0, 200);
      });

      it("counts its submission again once the role is granted back", async function () {
        const { oracle, poolA, r1, r2, day0 } = await oracleFixture();
        await oracle.setQuorum(2);
        await oracle.connect(r1).reportHashrate(poolA, day0, 10);
        await oracle.revokeRole(REPORTER_ROLE, r1.address);
        await oracle.grantRole(REPORTER_ROLE, r1.address);
        await expect(oracle.connect(r2).reportHashrate(poolA, day0, 30))
          .to.emit(oracle, "HashrateFinalized")
          .withArgs(poolA, day0, 10);
      });
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
    /** Finalizes `value` for pool A at day 0 with quorum 1, as reporter r1. */
    async function seed(value: bigint) {
      const fx = await oracleFixture();
      await fx.oracle.connect(fx.r1).reportHashrate(fx.poolA, fx.day0, value);
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
      const { oracle, poolA, r1, day } = await seed(1000n);
      await oracle.setMaxChangeBps(poolA, 1000); // 10 %
      const day1 = await day(1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 1100))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day1, 1100);
      const day2 = await day(2n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day2, 990))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day2, 990);
    });

    it("reverts when the move is one unit above bps, up or down (HashrateChangeTooLarge)", async function () {
      const { oracle, poolA, r1, day0, day } = await seed(1000n);
      await oracle.setMaxChangeBps(poolA, 1000);
      const day1 = await day(1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 1101))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1000, 1101);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 899))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1000, 899);
      expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([1000n, day0]);
    });

    it("accepts bps and refuses bps + 1 when bps does not divide the previous value evenly", async function () {
      // 10 % of 999 is 99.9: a move of 99 is within, 100 is not.
      const { oracle, poolA, r1, day } = await seed(999n);
      await oracle.setMaxChangeBps(poolA, 1000);
      const day1 = await day(1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 1099))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(999, 1099);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 1098)).to.emit(oracle, "HashrateFinalized");
    });

    it("accepts a move of exactly 1 bps and refuses 1 bps + 1 unit", async function () {
      const { oracle, poolA, r1, day } = await seed(1_000_000n);
      await oracle.setMaxChangeBps(poolA, 1);
      const day1 = await day(1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 1_000_101))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1_000_000, 1_000_101);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 1_000_100)).to.emit(oracle, "HashrateFinalized");
    });

    it("reverts the finalizing submission and keeps the earlier submissions pending", async function () {
      const { oracle, poolA, r1, r2, r3, r4, day0, day } = await seed(1000n);
      await oracle.setMaxChangeBps(poolA, 1000);
      await oracle.setQuorum(3);
      const day1 = await day(1n);
      await oracle.connect(r1).reportHashrate(poolA, day1, 1050);
      await oracle.connect(r2).reportHashrate(poolA, day1, 3000);
      // r3's submission would finalize at the median 2000: +100 %.
      await expect(oracle.connect(r3).reportHashrate(poolA, day1, 2000))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(1000, 2000);
      expect(await oracle.submissionCount(poolA, day1)).to.equal(2n);
      expect(await oracle.hasSubmitted(poolA, day1, r1.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, day1, r2.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, day1, r3.address)).to.equal(false);
      expect((await oracle.latestHashrate(poolA)).slice(0, 2)).to.deep.equal([1000n, day0]);
      // A third submission within bounds finalizes at the median of 1050, 1100 and 3000.
      await expect(oracle.connect(r4).reportHashrate(poolA, day1, 1100))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day1, 1100);
    });

    it("is unbounded at 0, including after a bound was set", async function () {
      const { oracle, poolA, r1, day } = await seed(1000n);
      await oracle.setMaxChangeBps(poolA, 1000);
      await expect(oracle.setMaxChangeBps(poolA, 0)).to.emit(oracle, "MaxChangeBpsSet").withArgs(poolA, 0);
      const day1 = await day(1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 1_000_000_000))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day1, 1_000_000_000);
      const day2 = await day(2n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day2, 0))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day2, 0);
    });

    it("does not bound the move from a previous value of 0 (a first report or a reported 0)", async function () {
      const { oracle, poolA, r1, day0, day } = await oracleFixture();
      await oracle.setMaxChangeBps(poolA, 1);
      // No previous report.
      await expect(oracle.connect(r1).reportHashrate(poolA, day0, 0)).to.emit(oracle, "HashrateFinalized");
      // A previous report of 0.
      const day1 = await day(1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, 10n ** 30n))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day1, 10n ** 30n);
      // From then on the bound applies.
      const day2 = await day(2n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day2, 0))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(10n ** 30n, 0);
    });

    it("bounds moves from a previous value of 2^256-1 TH/s without overflow (bps ≤ 100 %)", async function () {
      const { oracle, poolA, r1, day } = await seed(ethers.MaxUint256);
      // 100 % allows any downward move.
      await oracle.setMaxChangeBps(poolA, 10_000);
      await expect(oracle.connect(r1).reportHashrate(poolA, await day(1n), 0)).to.emit(oracle, "HashrateFinalized");
      await oracle.setMaxChangeBps(poolA, 0);
      await oracle.connect(r1).reportHashrate(poolA, await day(2n), ethers.MaxUint256);
      // 1 bps of 2^256-1 is ⌊(2^256-1) / 10 000⌋.
      await oracle.setMaxChangeBps(poolA, 1);
      const maxMove = ethers.MaxUint256 / 10_000n;
      const day3 = await day(3n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day3, 0))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(ethers.MaxUint256, 0);
      await expect(oracle.connect(r1).reportHashrate(poolA, day3, ethers.MaxUint256 - maxMove - 1n))
        .to.be.revertedWithCustomError(oracle, "HashrateChangeTooLarge")
        .withArgs(ethers.MaxUint256, ethers.MaxUint256 - maxMove - 1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day3, ethers.MaxUint256 - maxMove))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day3, ethers.MaxUint256 - maxMove);
    });

    it("keeps finalizing when previous × bps / 10 000 exceeds 2^256-1 (bps above 100 %)", async function () {
      // Any move of a uint256 is below a bound that does not fit in a uint256, so every value is within it.
      const { oracle, poolA, r1, day } = await seed(ethers.MaxUint256);
      await oracle.setMaxChangeBps(poolA, MAX_UINT32);
      const day1 = await day(1n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day1, ethers.MaxUint256))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day1, ethers.MaxUint256);
      const day2 = await day(2n);
      await expect(oracle.connect(r1).reportHashrate(poolA, day2, 1))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(poolA, day2, 1);
    });
  });

  describe("latestHashrate", function () {
    it("returns zeros for a pool with no report", async function () {
      const { oracle, poolB } = await oracleFixture();
      expect(await oracle.latestHashrate(poolB)).to.deep.equal([0n, 0n, 0n]);
    });

    it("records the timestamp of the finalizing block", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      const at = (await latestTimestamp()) + 1000n;
      await time.setNextBlockTimestamp(at);
      await oracle.connect(r1).reportHashrate(poolA, day0, 42);
      expect(await oracle.latestHashrate(poolA)).to.deep.equal([42n, day0, at]);
    });
  });

  describe("submissionCount and hasSubmitted", function () {
    it("are 0 and false for an epoch nobody submitted", async function () {
      const { oracle, poolA, r1, day0 } = await oracleFixture();
      expect(await oracle.submissionCount(poolA, day0)).to.equal(0n);
      expect(await oracle.hasSubmitted(poolA, day0, r1.address)).to.equal(false);
    });

    it("count distinct submissions per (pool, epoch) and name the reporters", async function () {
      const { oracle, poolA, poolB, r1, r2, r3, day0 } = await oracleFixture();
      const previous = day0 - 1n;
      await oracle.setQuorum(3);
      await oracle.connect(r1).reportHashrate(poolA, previous, 1);
      await oracle.connect(r2).reportHashrate(poolA, previous, 2);
      await oracle.connect(r3).reportHashrate(poolA, day0, 3);
      expect(await oracle.submissionCount(poolA, previous)).to.equal(2n);
      expect(await oracle.submissionCount(poolA, day0)).to.equal(1n);
      expect(await oracle.submissionCount(poolB, previous)).to.equal(0n);
      expect(await oracle.hasSubmitted(poolA, previous, r2.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolA, previous, r3.address)).to.equal(false);
      expect(await oracle.hasSubmitted(poolA, day0, r3.address)).to.equal(true);
      expect(await oracle.hasSubmitted(poolB, previous, r1.address)).to.equal(false);
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
      const { oracle, poolA, admin, outsider, day0 } = await oracleFixture();
      await expect(oracle.grantRole(REPORTER_ROLE, outsider.address))
        .to.emit(oracle, "RoleGranted")
        .withArgs(REPORTER_ROLE, outsider.address, admin.address);
      await expect(oracle.connect(outsider).reportHashrate(poolA, day0, 5)).to.emit(oracle, "HashrateFinalized");
    });
  });

  shouldBehaveLikeDefaultAdminRules(async () => {
    const { oracle, admin, outsider } = await oracleFixture();
    return { contract: oracle, admin, newAdmin: outsider, time };
  });
});
