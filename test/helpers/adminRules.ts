/**
 * Shared behaviour of every HashShare contract's admin: OpenZeppelin `AccessControlDefaultAdminRules` with a 2-day
 * initial delay — one admin, handed over in two steps, the second no earlier than the delay after the first.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { Time } from "@nomicfoundation/hardhat-network-helpers/types";
import { expect } from "chai";

import type { HashrateOracle, MiningPoolShare, ShareSale } from "../../typechain-types/index.js";
import { DEFAULT_ADMIN_ROLE } from "./fixtures.js";

/** `defaultAdminDelay()` of every HashShare contract at deployment: 2 days. */
export const INITIAL_ADMIN_DELAY = 2n * 24n * 3600n;

export interface AdminRulesSetup {
  contract: HashrateOracle | MiningPoolShare | ShareSale;
  /** The current (and only) holder of DEFAULT_ADMIN_ROLE. */
  admin: HardhatEthersSigner;
  /** An account without any role, to hand the admin over to. */
  newAdmin: HardhatEthersSigner;
  /** The time helpers of the contract's network connection. */
  time: Time;
}

/** Adds a `describe("DEFAULT_ADMIN_ROLE (AccessControlDefaultAdminRules)")` block; `load` returns a fresh setup. */
export function shouldBehaveLikeDefaultAdminRules(load: () => Promise<AdminRulesSetup>): void {
  describe("DEFAULT_ADMIN_ROLE (AccessControlDefaultAdminRules)", function () {
    it("has one admin and a 2-day delay", async function () {
      const { contract, admin } = await load();
      expect(await contract.defaultAdmin()).to.equal(admin.address);
      expect(await contract.owner()).to.equal(admin.address);
      expect(await contract.defaultAdminDelay()).to.equal(INITIAL_ADMIN_DELAY);
    });

    it("reverts when the admin grants DEFAULT_ADMIN_ROLE directly (AccessControlEnforcedDefaultAdminRules)", async function () {
      const { contract, newAdmin } = await load();
      await expect(contract.grantRole(DEFAULT_ADMIN_ROLE, newAdmin.address))
        .to.be.revertedWithCustomError(contract, "AccessControlEnforcedDefaultAdminRules")
        .withArgs();
    });

    it("schedules a handover for 2 days later (DefaultAdminTransferScheduled)", async function () {
      const { contract, newAdmin } = await load();
      const tx = await contract.beginDefaultAdminTransfer(newAdmin.address);
      const at = BigInt((await tx.getBlock())!.timestamp);
      await expect(tx)
        .to.emit(contract, "DefaultAdminTransferScheduled")
        .withArgs(newAdmin.address, at + INITIAL_ADMIN_DELAY);
      expect(await contract.pendingDefaultAdmin()).to.deep.equal([newAdmin.address, at + INITIAL_ADMIN_DELAY]);
    });

    it("reverts when the new admin accepts before the delay (AccessControlEnforcedDefaultAdminDelay)", async function () {
      const { contract, newAdmin, time } = await load();
      await contract.beginDefaultAdminTransfer(newAdmin.address);
      const [, schedule] = await contract.pendingDefaultAdmin();
      await time.increaseTo(schedule - 1n);
      await expect(contract.connect(newAdmin).acceptDefaultAdminTransfer())
        .to.be.revertedWithCustomError(contract, "AccessControlEnforcedDefaultAdminDelay")
        .withArgs(schedule);
    });

    it("hands the role over once the new admin accepts after the delay, and the old admin loses it", async function () {
      const { contract, admin, newAdmin, time } = await load();
      await contract.beginDefaultAdminTransfer(newAdmin.address);
      const [, schedule] = await contract.pendingDefaultAdmin();
      await time.increaseTo(schedule + 1n);
      await expect(contract.connect(newAdmin).acceptDefaultAdminTransfer())
        .to.emit(contract, "RoleGranted")
        .withArgs(DEFAULT_ADMIN_ROLE, newAdmin.address, newAdmin.address);
      expect(await contract.defaultAdmin()).to.equal(newAdmin.address);
      expect(await contract.hasRole(DEFAULT_ADMIN_ROLE, admin.address)).to.equal(false);
      await expect(contract.connect(admin).grantRole(DEFAULT_ADMIN_ROLE, admin.address))
        .to.be.revertedWithCustomError(contract, "AccessControlEnforcedDefaultAdminRules")
        .withArgs();
    });

    it("supports IERC165, IAccessControl and IAccessControlDefaultAdminRules", async function () {
      const { contract } = await load();
      expect(await contract.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await contract.supportsInterface("0x7965db0b")).to.equal(true);
      expect(await contract.supportsInterface("0x31498786")).to.equal(true);
      expect(await contract.supportsInterface("0xffffffff")).to.equal(false);
    });
  });
}
