/**
 * Regression tests for the attacks of issue #7, each written against the attacker's path only (no v2-only call before
 * the attack), so that it fails on the v1 contracts and passes on v2:
 *  1. one reporter key finalizing 50 epochs in one block;
 *  2. a report at epoch 2^64 − 1 (or a millisecond timestamp) locking a pool out;
 *  3. a revoked reporter's pending vote still counting;
 *  4. a payout token's hook minting during depositRevenue;
 *  5. the deployer's key alone taking the admin seat back or granting it directly;
 *  6. a pauser stopping transfers forever;
 *  7. revenue stranded at a contract holder, shares sent to the pool, donations.
 * Plus the two hand-seeded faults the suite used to miss: mint's backing saturating at the supply cap for a report
 * whose hashrate × sharesPerTHs lies between 2^128 and 2^256, and "no report" counting as fresh when maxReportAge
 * exceeds block.timestamp.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import type {
  ContractHolder,
  HashrateOracle,
  MiningPoolShare,
  MockERC20,
  ReentrantToken,
} from "../../typechain-types/index.js";
import { fundAndApprove } from "../helpers/fixtures.js";
import { DAY, MINING, ONE_SHARE, expectConserved } from "./helpers.js";

const { ethers, networkHelpers, provider } = await network.create();
const { loadFixture, time, mine } = networkHelpers;

const MAX_UINT64 = 2n ** 64n - 1n;
const SUPPLY_CAP = 2n ** 128n - 1n;

/** The clock epoch (UTC day) of the next block, computed from the latest block (no oracle call). */
async function clockEpoch(): Promise<bigint> {
  return BigInt(await time.latest()) / DAY;
}

interface AttackSetup {
  admin: HardhatEthersSigner;
  reporters: HardhatEthersSigner[];
  minter: HardhatEthersSigner;
  distributor: HardhatEthersSigner;
  pauser: HardhatEthersSigner;
  users: HardhatEthersSigner[];
  oracle: HashrateOracle;
  pool: MiningPoolShare;
  usdc: MockERC20;
}

/**
 * An oracle (quorum 1, three reporters), a pool paying USDC (and `extraPayout` first, when given) with one signer per
 * role, and no report yet: only calls that v1 and v2 share.
 */
async function deployAttackTarget(extraPayout?: string, maxReportAge = DAY): Promise<AttackSetup> {
  const [admin, r1, r2, r3, minter, distributor, pauser, ...users] = await ethers.getSigners();
  const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
  const oracle = (await ethers.deployContract("HashrateOracle", [admin.address, 1])) as unknown as HashrateOracle;
  const payout = extraPayout === undefined ? [await usdc.getAddress()] : [extraPayout, await usdc.getAddress()];
  const pool = (await ethers.deployContract("MiningPoolShare", [
    "HashShare Pool",
    "HSP",
    admin.address,
    await oracle.getAddress(),
    ONE_SHARE,
    maxReportAge,
    payout,
  ])) as unknown as MiningPoolShare;
  for (const reporter of [r1!, r2!, r3!]) await oracle.grantRole(await oracle.REPORTER_ROLE(), reporter.address);
  await pool.grantRole(await pool.MINTER_ROLE(), minter!.address);
  await pool.grantRole(await pool.DISTRIBUTOR_ROLE(), distributor!.address);
  await pool.grantRole(await pool.PAUSER_ROLE(), pauser!.address);
  return {
    admin: admin!,
    reporters: [r1!, r2!, r3!],
    minter: minter!,
    distributor: distributor!,
    pauser: pauser!,
    users,
    oracle,
    pool,
    usdc,
  };
}

/** `deployAttackTarget` paying USDC only. */
async function usdcTarget(): Promise<AttackSetup> {
  return deployAttackTarget();
}

/** `deployAttackTarget` with a first report of 1,000 TH/s at the clock epoch, alice and bob holding 1 share each. */
async function reportedTarget(): Promise<AttackSetup & { alice: HardhatEthersSigner; bob: HardhatEthersSigner }> {
  const setup = await deployAttackTarget();
  await setup.oracle.connect(setup.reporters[0]!).reportHashrate(setup.pool, await clockEpoch(), 1_000n);
  const [alice, bob] = setup.users;
  await setup.pool.connect(setup.minter).mint(alice!.address, ONE_SHARE);
  await setup.pool.connect(setup.minter).mint(bob!.address, ONE_SHARE);
  await fundAndApprove([setup.usdc], setup.distributor, 10n ** 18n, setup.pool);
  return { ...setup, alice: alice!, bob: bob! };
}

describe("Attacks of issue #7 (regressions)", function () {
  describe("HashrateOracle", function () {
    it("INV-8: one reporter key cannot finalize 50 epochs in one block (at most the previous and the current)", async function () {
      const { oracle, pool, reporters, admin } = await loadFixture(reportedTarget);
      await oracle.connect(admin).setMaxChangeBps(pool, 1_000); // ±10 % per finalized value
      const reporter = reporters[0]!;
      await time.increase(DAY);
      const start = await clockEpoch();
      await provider.request({ method: "evm_setAutomine", params: [false] });
      try {
        let value = 1_000n;
        const sent = [];
        for (let i = 1n; i <= 50n; i++) {
          value += value / 10n;
          // An explicit gas limit: no estimate, so the refused ones are mined (and fail) like the others.
          sent.push(await oracle.connect(reporter).reportHashrate(pool, start + i - 1n, value, { gasLimit: 500_000 }));
        }
        await mine();
        const statuses = await Promise.all(
          sent.map(async (tx) => (await ethers.provider.getTransactionReceipt(tx.hash))!.status),
        );
        // v1 finalized all 50 (1,000 → 117,390 TH/s); v2 refuses every epoch after the current one, so at most the
        // previous and the current epoch finalize in one block.
        expect(statuses.filter((s) => s === 1).length, "finalized in one block").to.be.at.most(2);
      } finally {
        await provider.request({ method: "evm_setAutomine", params: [true] });
      }
      const [hashrate] = await oracle.latestHashrate(pool);
      expect(hashrate).to.be.at.most(1_210n);
    });

    it("a report at epoch 2^64 − 1 does not lock the pool out of later reports", async function () {
      const { oracle, pool, reporters } = await loadFixture(reportedTarget);
      await time.increase(DAY);
      await oracle
        .connect(reporters[0]!)
        .reportHashrate(pool, MAX_UINT64, 1_000n)
        .catch(() => undefined);
      const epoch = await clockEpoch();
      await expect(oracle.connect(reporters[1]!).reportHashrate(pool, epoch, 1_050n))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(await pool.getAddress(), epoch, 1_050n);
    });

    it("a millisecond timestamp typed as an epoch does not lock the pool out of later reports", async function () {
      const { oracle, pool, reporters } = await loadFixture(reportedTarget);
      await time.increase(DAY);
      const millis = BigInt(await time.latest()) * 1000n;
      await oracle
        .connect(reporters[0]!)
        .reportHashrate(pool, millis, 1_000n)
        .catch(() => undefined);
      const epoch = await clockEpoch();
      await expect(oracle.connect(reporters[1]!).reportHashrate(pool, epoch, 1_050n))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(await pool.getAddress(), epoch, 1_050n);
    });

    it("a revoked reporter's pending vote stops counting at once (quorum 2)", async function () {
      const { oracle, pool, reporters, admin } = await loadFixture(reportedTarget);
      const [mallory, r2, r3] = reporters;
      await oracle.connect(admin).setQuorum(2);
      await time.increase(DAY);
      const epoch = await clockEpoch();
      // Mallory votes 1 TH/s (the lower median of two would be hers), then loses the role.
      await oracle.connect(mallory!).reportHashrate(pool, epoch, 1n);
      await oracle.connect(admin).revokeRole(await oracle.REPORTER_ROLE(), mallory!.address);
      await oracle.connect(r2!).reportHashrate(pool, epoch, 1_000n);
      expect((await oracle.latestHashrate(pool))[0], "finalized with the revoked vote").to.equal(1_000n);
      expect((await oracle.latestHashrate(pool))[1], "finalized with the revoked vote").to.be.lessThan(epoch);
      await expect(oracle.connect(r3!).reportHashrate(pool, epoch, 1_020n))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(await pool.getAddress(), epoch, 1_000n);
    });
  });

  describe("MiningPoolShare", function () {
    it("INV-2/INV-7: a payout token's hook cannot mint during depositRevenue", async function () {
      const ree: ReentrantToken = await ethers.deployContract("ReentrantToken");
      const setup = await deployAttackTarget(await ree.getAddress());
      const { oracle, pool, reporters, minter, distributor, users } = setup;
      const [alice, mallory] = users;
      await oracle.connect(reporters[0]!).reportHashrate(pool, await clockEpoch(), 1_000n);
      await pool.connect(minter).mint(alice!.address, ONE_SHARE);
      await fundAndApprove([ree], distributor, 10n ** 18n, pool);
      // The hook reaches a minter (here the token holds MINTER_ROLE itself, as a sale-like minter would be reached).
      await pool.grantRole(await pool.MINTER_ROLE(), await ree.getAddress());
      await ree.arm(await pool.getAddress(), pool.interface.encodeFunctionData("mint", [mallory!.address, ONE_SHARE]));
      await expect(pool.connect(distributor).depositRevenue(ree, 1_000_000n, MINING, 1n)).to.be.revertedWithCustomError(
        pool,
        "ReentrancyGuardReentrantCall",
      );
      expect(await pool.balanceOf(mallory!.address)).to.equal(0n);
      await expectConserved(pool, ree, [alice!, mallory!]);
    });

    it("the deployer's key alone cannot take the admin seat back or share it once handed over: two steps, 2 days apart", async function () {
      const { pool, admin, users } = await loadFixture(reportedTarget);
      const timelock = users[3]!;
      await pool.connect(admin).beginDefaultAdminTransfer(timelock.address);
      // The new admin (a timelock on real networks) accepts only after the 2-day delay.
      await expect(pool.connect(timelock).acceptDefaultAdminTransfer()).to.revert(ethers);
      await time.increase(2n * DAY + 1n);
      await pool.connect(timelock).acceptDefaultAdminTransfer();
      // The deployer's key can no longer grant itself MINTER_ROLE, and nobody can add a second admin.
      await expect(pool.connect(admin).grantRole(await pool.MINTER_ROLE(), admin.address))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(admin.address, await pool.DEFAULT_ADMIN_ROLE());
      await expect(pool.connect(timelock).grantRole(await pool.DEFAULT_ADMIN_ROLE(), admin.address)).to.revert(ethers);
      expect(await pool.hasRole(await pool.DEFAULT_ADMIN_ROLE(), admin.address)).to.equal(false);
    });

    it("INV-7: a pauser cannot stop transfers for more than 7 days, nor pause again at once", async function () {
      const { pool, pauser, alice, bob } = await loadFixture(reportedTarget);
      await pool.connect(pauser).pause();
      await time.increase(7n * DAY);
      await expect(pool.connect(alice).transfer(bob.address, 1n)).to.changeTokenBalance(ethers, pool, bob, 1n);
      await expect(pool.connect(pauser).pause()).to.revert(ethers);
      await expect(pool.connect(alice).transfer(bob.address, 1n)).to.changeTokenBalance(ethers, pool, bob, 1n);
    });

    it("INV-9: shares cannot be sent to the pool, where their revenue would be stranded", async function () {
      const { pool, alice } = await loadFixture(reportedTarget);
      await expect(pool.connect(alice).transfer(await pool.getAddress(), 1n)).to.revert(ethers);
      expect(await pool.balanceOf(await pool.getAddress())).to.equal(0n);
    });

    it("INV-9: revenue accrued to a contract holder that cannot claim is claimed by the claimer the admin names", async function () {
      const { pool, usdc, minter, distributor, admin, users } = await loadFixture(reportedTarget);
      const rescuer = users[2]!;
      const pair: ContractHolder = await ethers.deployContract("ContractHolder");
      await pool.connect(minter).mint(await pair.getAddress(), 2n * ONE_SHARE);
      await pool.connect(distributor).depositRevenue(usdc, 4_000_000n, MINING, 1n);
      const owed = await pool.claimable(await pair.getAddress(), usdc);
      expect(owed).to.be.closeTo(2_000_000n, 1n);
      await pool.connect(admin).setClaimerFor(await pair.getAddress(), rescuer.address);
      await expect(
        pool.connect(rescuer).claimOnBehalf(await pair.getAddress(), usdc, rescuer.address),
      ).to.changeTokenBalance(ethers, usdc, rescuer, owed);
    });

    it("INV-9: tokens donated to the pool are recovered by skim, and only they", async function () {
      const { pool, usdc, distributor, admin, alice, users } = await loadFixture(reportedTarget);
      await pool.connect(distributor).depositRevenue(usdc, 2_000_000n, MINING, 1n);
      await usdc.mint(await pool.getAddress(), 777n);
      const recipient = users[2]!;
      await expect(pool.connect(admin).skim(usdc, recipient.address)).to.changeTokenBalance(
        ethers,
        usdc,
        recipient,
        777n,
      );
      const owed = await pool.claimable(alice.address, usdc);
      expect(owed).to.be.closeTo(1_000_000n, 1n);
      await expect(pool.connect(alice).claim(usdc)).to.changeTokenBalance(ethers, usdc, alice, owed);
    });

    it("seeded fault: a report whose hashrate × sharesPerTHs lies between 2^128 and 2^256 backs exactly 2^128 − 1 units", async function () {
      const { oracle, pool, reporters, minter, users } = await loadFixture(usdcTarget);
      // 2^100 TH/s × 1e18 ≈ 2^159.8: fits in 256 bits, far above the supply cap.
      await oracle.connect(reporters[0]!).reportHashrate(pool, await clockEpoch(), 2n ** 100n);
      expect(await pool.mintableShares()).to.equal(SUPPLY_CAP);
      await expect(pool.connect(minter).mint(users[0]!.address, SUPPLY_CAP + 1n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(SUPPLY_CAP + 1n, SUPPLY_CAP);
      await pool.connect(minter).mint(users[0]!.address, SUPPLY_CAP);
      expect(await pool.totalSupply()).to.equal(SUPPLY_CAP);
      expect(await pool.mintableShares()).to.equal(0n);
      await expect(pool.connect(minter).mint(users[0]!.address, 1n))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(1n, 0n);
    });

    it("seeded fault: a pool with no report is stale even when maxReportAge exceeds block.timestamp", async function () {
      const setup = await deployAttackTarget(undefined, MAX_UINT64);
      const { pool, minter, users } = setup;
      expect(BigInt(await time.latest())).to.be.lessThan(MAX_UINT64);
      await expect(pool.connect(minter).mint(users[0]!.address, 1n))
        .to.be.revertedWithCustomError(pool, "StaleHashrateReport")
        .withArgs(0n, MAX_UINT64);
      expect(await pool.mintableShares()).to.equal(0n);
    });
  });
});
