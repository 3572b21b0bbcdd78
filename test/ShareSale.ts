import { expect } from "chai";
import { id, type AddressLike } from "ethers";
import { network } from "hardhat";

import type { ShareSale } from "../typechain-types/index.js";
import {
  DEFAULT_ADMIN_ROLE,
  MAX_REPORT_AGE,
  MAX_SHARES_PER_BUYER,
  MINTER_ROLE,
  ONE_SHARE,
  ONE_USDC,
  PRICE_PER_SHARE,
  REPORTED_THS,
  SHARES_PER_THS,
  deployFixture,
  reportedFixture,
} from "./helpers/fixtures.js";
import { shouldBehaveLikeDefaultAdminRules } from "./helpers/adminRules.js";
import { reportNow } from "./helpers/oracle.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;

/** `reportedFixture` with a block mined at the sale's opening second, so that calls and transactions see it open. */
async function openSaleFixture() {
  const fx = await loadFixture(reportedFixture);
  await time.increaseTo(fx.saleStart);
  return fx;
}

interface SaleArgs {
  admin: AddressLike;
  pool: AddressLike;
  paymentToken: AddressLike;
  price: bigint;
  treasury: AddressLike;
  start: bigint;
  end: bigint;
  cap: bigint;
}

async function deploySale(args: SaleArgs): Promise<ShareSale> {
  const factory = await ethers.getContractFactory("ShareSale");
  return factory.deploy(
    args.admin,
    args.pool,
    args.paymentToken,
    args.price,
    args.treasury,
    args.start,
    args.end,
    args.cap,
  );
}

describe("ShareSale", function () {
  describe("constructor", function () {
    async function validArgs(): Promise<SaleArgs> {
      const { admin, pool, usdc, treasury, saleStart, saleEnd } = await loadFixture(deployFixture);
      return {
        admin: admin.address,
        pool: await pool.getAddress(),
        paymentToken: await usdc.getAddress(),
        price: PRICE_PER_SHARE,
        treasury: treasury.address,
        start: saleStart,
        end: saleEnd,
        cap: MAX_SHARES_PER_BUYER,
      };
    }

    it("reverts when admin is the zero address (AccessControlInvalidDefaultAdmin)", async function () {
      const args = await validArgs();
      const factory = await ethers.getContractFactory("ShareSale");
      await expect(deploySale({ ...args, admin: ethers.ZeroAddress }))
        .to.be.revertedWithCustomError(factory, "AccessControlInvalidDefaultAdmin")
        .withArgs(ethers.ZeroAddress);
    });

    for (const field of ["pool", "paymentToken", "treasury"] as const) {
      it(`reverts when ${field} is the zero address (ZeroAddress)`, async function () {
        const args = await validArgs();
        const factory = await ethers.getContractFactory("ShareSale");
        await expect(deploySale({ ...args, [field]: ethers.ZeroAddress }))
          .to.be.revertedWithCustomError(factory, "ZeroAddress")
          .withArgs();
      });
    }

    it("reverts when the price is 0 (InvalidPrice)", async function () {
      const args = await validArgs();
      const factory = await ethers.getContractFactory("ShareSale");
      await expect(deploySale({ ...args, price: 0n }))
        .to.be.revertedWithCustomError(factory, "InvalidPrice")
        .withArgs();
    });

    it("reverts when the window ends before it starts (InvalidSaleWindow)", async function () {
      const args = await validArgs();
      const factory = await ethers.getContractFactory("ShareSale");
      await expect(deploySale({ ...args, end: args.start - 1n }))
        .to.be.revertedWithCustomError(factory, "InvalidSaleWindow")
        .withArgs(args.start, args.start - 1n);
    });

    it("accepts a one-second window (start == end)", async function () {
      const args = await validArgs();
      const sale = await deploySale({ ...args, end: args.start });
      expect(await sale.startTime()).to.equal(args.start);
      expect(await sale.endTime()).to.equal(args.start);
    });

    it("stores its parameters and grants DEFAULT_ADMIN_ROLE to the admin only", async function () {
      const args = await validArgs();
      const { outsider, treasury } = await loadFixture(deployFixture);
      const sale = await deploySale({ ...args, admin: outsider.address });
      expect(await sale.pool()).to.equal(args.pool);
      expect(await sale.paymentToken()).to.equal(args.paymentToken);
      expect(await sale.pricePerShare()).to.equal(PRICE_PER_SHARE);
      expect(await sale.treasury()).to.equal(treasury.address);
      expect(await sale.startTime()).to.equal(args.start);
      expect(await sale.endTime()).to.equal(args.end);
      expect(await sale.maxSharesPerBuyer()).to.equal(MAX_SHARES_PER_BUYER);
      expect(await sale.totalSold()).to.equal(0n);
      expect(await sale.hasRole(DEFAULT_ADMIN_ROLE, outsider.address)).to.equal(true);
      expect(await sale.hasRole(DEFAULT_ADMIN_ROLE, args.admin)).to.equal(false);
    });
  });

  shouldBehaveLikeDefaultAdminRules(async () => {
    const { sale, admin, outsider } = await loadFixture(deployFixture);
    return { contract: sale, admin, newAdmin: outsider, time };
  });

  describe("grantRole", function () {
    it("reverts when a non-admin grants a role", async function () {
      const { sale, outsider, treasury } = await loadFixture(deployFixture);
      for (const caller of [outsider, treasury]) {
        await expect(sale.connect(caller).grantRole(id("ANY_ROLE"), caller.address))
          .to.be.revertedWithCustomError(sale, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, DEFAULT_ADMIN_ROLE);
      }
    });
  });

  describe("quote", function () {
    it("is pricePerShare per whole share", async function () {
      const { sale } = await loadFixture(deployFixture);
      expect(await sale.quote(ONE_SHARE)).to.equal(PRICE_PER_SHARE);
      expect(await sale.quote(40n * ONE_SHARE)).to.equal(40n * PRICE_PER_SHARE);
      expect(await sale.quote(ONE_SHARE / 2n)).to.equal(PRICE_PER_SHARE / 2n);
      expect(await sale.quote(0n)).to.equal(0n);
    });

    it("rounds up: 1 base unit of share costs 1, never 0", async function () {
      const { sale } = await loadFixture(deployFixture);
      // 25 USDC per 1e18 units: 1 unit is worth 2.5e-11 USDC base units.
      expect(await sale.quote(1n)).to.equal(1n);
      expect(await sale.quote(ONE_SHARE + 1n)).to.equal(PRICE_PER_SHARE + 1n);
      expect(await sale.quote(ONE_SHARE - 1n)).to.equal(PRICE_PER_SHARE);
      // 4e10 units cost exactly 1; one more rounds up to 2.
      expect(await sale.quote(40_000_000_000n)).to.equal(1n);
      expect(await sale.quote(40_000_000_001n)).to.equal(2n);
    });

    it("is exact for the largest share amount (512-bit intermediate product)", async function () {
      const { sale } = await loadFixture(deployFixture);
      const expected = (ethers.MaxUint256 * PRICE_PER_SHARE + ONE_SHARE - 1n) / ONE_SHARE;
      expect(await sale.quote(ethers.MaxUint256)).to.equal(expected);
    });

    it("reverts when the cost does not fit in a uint256 (panic 0x11)", async function () {
      const { admin, pool, usdc, treasury, saleStart, saleEnd } = await loadFixture(deployFixture);
      const sale = await deploySale({
        admin: admin.address,
        pool,
        paymentToken: usdc,
        price: 2n * ONE_SHARE,
        treasury: treasury.address,
        start: saleStart,
        end: saleEnd,
        cap: MAX_SHARES_PER_BUYER,
      });
      expect(await sale.quote(ethers.MaxUint256 / 2n)).to.equal(ethers.MaxUint256 - 1n);
      await expect(sale.quote(ethers.MaxUint256 / 2n + 1n)).to.be.revertedWithPanic(0x11);
    });
  });

  describe("isActive", function () {
    it("is true from startTime to endTime inclusive, false outside", async function () {
      const { sale, saleStart, saleEnd } = await loadFixture(deployFixture);
      expect(await sale.isActive()).to.equal(false);
      await time.increaseTo(saleStart - 1n);
      expect(await sale.isActive()).to.equal(false);
      await time.increaseTo(saleStart);
      expect(await sale.isActive()).to.equal(true);
      await time.increaseTo(saleEnd);
      expect(await sale.isActive()).to.equal(true);
      await time.increaseTo(saleEnd + 1n);
      expect(await sale.isActive()).to.equal(false);
    });
  });

  describe("buy", function () {
    it("reverts one second before the window opens (SaleNotActive)", async function () {
      const { sale, alice, saleStart } = await loadFixture(reportedFixture);
      await time.setNextBlockTimestamp(saleStart - 1n);
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "SaleNotActive")
        .withArgs();
    });

    it("sells at the opening second", async function () {
      const { sale, pool, alice, saleStart } = await loadFixture(reportedFixture);
      await time.setNextBlockTimestamp(saleStart);
      await expect(sale.connect(alice).buy(ONE_SHARE, PRICE_PER_SHARE)).to.changeTokenBalance(
        ethers,
        pool,
        alice,
        ONE_SHARE,
      );
    });

    it("sells at the closing second", async function () {
      const { sale, pool, oracle, reporters, alice, saleEnd } = await loadFixture(reportedFixture);
      // Keep the report fresh through the end of the sale.
      await time.increaseTo(saleEnd - 10n);
      await reportNow(time, oracle, reporters[0], pool, REPORTED_THS);
      await time.setNextBlockTimestamp(saleEnd);
      await expect(sale.connect(alice).buy(ONE_SHARE, PRICE_PER_SHARE)).to.changeTokenBalance(
        ethers,
        pool,
        alice,
        ONE_SHARE,
      );
    });

    it("reverts one second after the window closes (SaleNotActive)", async function () {
      const { sale, alice, saleEnd } = await loadFixture(reportedFixture);
      await time.setNextBlockTimestamp(saleEnd + 1n);
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "SaleNotActive")
        .withArgs();
    });

    it("reverts when buying 0 shares (ZeroShares)", async function () {
      const { sale, alice } = await openSaleFixture();
      await expect(sale.connect(alice).buy(0n, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "ZeroShares")
        .withArgs();
    });

    it("reverts when a single purchase exceeds the buyer cap (ExceedsBuyerCap)", async function () {
      const { sale, alice } = await openSaleFixture();
      await expect(sale.connect(alice).buy(MAX_SHARES_PER_BUYER + 1n, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "ExceedsBuyerCap")
        .withArgs(MAX_SHARES_PER_BUYER + 1n, MAX_SHARES_PER_BUYER);
    });

    it("caps what one buyer buys cumulatively across purchases (ExceedsBuyerCap)", async function () {
      const { sale, alice, bob } = await openSaleFixture();
      await sale.connect(alice).buy(600n * ONE_SHARE, ethers.MaxUint256);
      await expect(sale.connect(alice).buy(500n * ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "ExceedsBuyerCap")
        .withArgs(500n * ONE_SHARE, 400n * ONE_SHARE);
      await sale.connect(alice).buy(400n * ONE_SHARE, ethers.MaxUint256);
      expect(await sale.remainingForBuyer(alice.address)).to.equal(0n);
      await expect(sale.connect(alice).buy(1n, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "ExceedsBuyerCap")
        .withArgs(1n, 0n);
      // The cap is per buyer: bob still has his own.
      expect(await sale.remainingForBuyer(bob.address)).to.equal(MAX_SHARES_PER_BUYER);
      await sale.connect(bob).buy(MAX_SHARES_PER_BUYER, ethers.MaxUint256);
    });

    it("reverts when the cost is above maxCost (CostAboveMax), and accepts maxCost == cost", async function () {
      const { sale, alice } = await openSaleFixture();
      const shares = 3n * ONE_SHARE + 1n;
      const cost = 3n * PRICE_PER_SHARE + 1n;
      await expect(sale.connect(alice).buy(shares, cost - 1n))
        .to.be.revertedWithCustomError(sale, "CostAboveMax")
        .withArgs(cost, cost - 1n);
      expect(await sale.connect(alice).buy.staticCall(shares, cost)).to.equal(cost);
      await expect(sale.connect(alice).buy(shares, cost))
        .to.emit(sale, "SharesPurchased")
        .withArgs(alice.address, shares, cost);
    });

    it("pays the treasury, mints to the buyer, returns the cost and emits SharesPurchased", async function () {
      const { sale, pool, usdc, alice, treasury } = await openSaleFixture();
      const shares = 10n * ONE_SHARE;
      const cost = 10n * PRICE_PER_SHARE;
      expect(await sale.connect(alice).buy.staticCall(shares, cost)).to.equal(cost);
      const tx = sale.connect(alice).buy(shares, cost);
      await expect(tx).to.emit(sale, "SharesPurchased").withArgs(alice.address, shares, cost);
      await expect(tx).to.changeTokenBalances(ethers, usdc, [alice, treasury, sale], [-cost, cost, 0n]);
      await expect(tx).to.changeTokenBalances(ethers, pool, [alice, sale], [shares, 0n]);
      await expect(tx).to.emit(pool, "Transfer").withArgs(ethers.ZeroAddress, alice.address, shares);
      expect(await pool.totalSupply()).to.equal(shares);
    });

    it("charges 1 base unit for 1 base unit of share (rounding up)", async function () {
      const { sale, pool, usdc, alice, treasury } = await openSaleFixture();
      await expect(sale.connect(alice).buy(1n, 0n))
        .to.be.revertedWithCustomError(sale, "CostAboveMax")
        .withArgs(1n, 0n);
      const tx = sale.connect(alice).buy(1n, 1n);
      await expect(tx).to.emit(sale, "SharesPurchased").withArgs(alice.address, 1n, 1n);
      await expect(tx).to.changeTokenBalances(ethers, usdc, [alice, treasury], [-1n, 1n]);
      await expect(tx).to.changeTokenBalance(ethers, pool, alice, 1n);
    });

    it("tracks purchased, totalSold and remainingForBuyer across buyers", async function () {
      const { sale, alice, bob, carol } = await openSaleFixture();
      await sale.connect(alice).buy(100n * ONE_SHARE, ethers.MaxUint256);
      await sale.connect(bob).buy(250n * ONE_SHARE, ethers.MaxUint256);
      await sale.connect(alice).buy(5n, ethers.MaxUint256);
      expect(await sale.purchased(alice.address)).to.equal(100n * ONE_SHARE + 5n);
      expect(await sale.purchased(bob.address)).to.equal(250n * ONE_SHARE);
      expect(await sale.purchased(carol.address)).to.equal(0n);
      expect(await sale.totalSold()).to.equal(350n * ONE_SHARE + 5n);
      expect(await sale.remainingForBuyer(alice.address)).to.equal(MAX_SHARES_PER_BUYER - 100n * ONE_SHARE - 5n);
      expect(await sale.remainingForBuyer(bob.address)).to.equal(MAX_SHARES_PER_BUYER - 250n * ONE_SHARE);
      expect(await sale.remainingForBuyer(carol.address)).to.equal(MAX_SHARES_PER_BUYER);
    });

    it("sells nothing when the buyer cap is 0 (ExceedsBuyerCap with remaining 0)", async function () {
      const { pool, usdc, admin, alice, treasury, saleStart, saleEnd } = await loadFixture(reportedFixture);
      const sale = await deploySale({
        admin: admin.address,
        pool,
        paymentToken: usdc,
        price: PRICE_PER_SHARE,
        treasury: treasury.address,
        start: saleStart,
        end: saleEnd,
        cap: 0n,
      });
      await pool.grantRole(MINTER_ROLE, sale);
      await usdc.connect(alice).approve(sale, ethers.MaxUint256);
      await time.setNextBlockTimestamp(saleStart);
      expect(await sale.remainingForBuyer(alice.address)).to.equal(0n);
      await expect(sale.connect(alice).buy(1n, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "ExceedsBuyerCap")
        .withArgs(1n, 0n);
    });

    it("bubbles the pool's ExceedsHashrateBacking when the purchase exceeds the backing", async function () {
      const { sale, pool, oracle, reporters, alice, bob } = await openSaleFixture();
      // Lower the backing to 500 shares.
      await reportNow(time, oracle, reporters[0], pool, 500n);
      await sale.connect(alice).buy(400n * ONE_SHARE, ethers.MaxUint256);
      const available = 500n * SHARES_PER_THS - 400n * ONE_SHARE;
      await expect(sale.connect(bob).buy(available + 1n, ethers.MaxUint256))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(available + 1n, available);
      expect(await sale.purchased(bob.address)).to.equal(0n);
      expect(await sale.totalSold()).to.equal(400n * ONE_SHARE);
      await sale.connect(bob).buy(available, ethers.MaxUint256);
      expect(await pool.totalSupply()).to.equal(500n * SHARES_PER_THS);
    });

    it("bubbles the pool's StaleHashrateReport when the pool has no report", async function () {
      const { sale, pool, alice, saleStart } = await loadFixture(deployFixture);
      await time.setNextBlockTimestamp(saleStart);
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(pool, "StaleHashrateReport")
        .withArgs(0, MAX_REPORT_AGE);
    });

    it("bubbles the pool's StaleHashrateReport when the report is stale", async function () {
      const { sale, pool, alice, reportedAt } = await loadFixture(reportedFixture);
      // The fixture's report goes stale before the sale's last day.
      await time.setNextBlockTimestamp(reportedAt + MAX_REPORT_AGE + 1n);
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(pool, "StaleHashrateReport")
        .withArgs(reportedAt, MAX_REPORT_AGE);
    });

    it("bubbles the pool's EnforcedPause while the pool is paused", async function () {
      const { sale, pool, pauser, alice } = await openSaleFixture();
      await pool.connect(pauser).pause();
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(pool, "EnforcedPause")
        .withArgs();
    });

    it("reverts when the sale does not hold MINTER_ROLE on the pool (AccessControlUnauthorizedAccount)", async function () {
      const { sale, pool, alice } = await openSaleFixture();
      await pool.revokeRole(MINTER_ROLE, sale);
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(await sale.getAddress(), MINTER_ROLE);
    });

    it("reverts when the buyer has not approved the payment (ERC20InsufficientAllowance)", async function () {
      const { sale, usdc, alice } = await openSaleFixture();
      await usdc.connect(alice).approve(sale, 0n);
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(usdc, "ERC20InsufficientAllowance")
        .withArgs(await sale.getAddress(), 0n, PRICE_PER_SHARE);
    });

    it("reverts when the payment token re-enters buy (ReentrancyGuardReentrantCall)", async function () {
      const { pool, admin, alice, treasury, saleStart, saleEnd } = await loadFixture(reportedFixture);
      const reentrant = await (await ethers.getContractFactory("ReentrantToken", admin)).deploy();
      const sale = await deploySale({
        admin: admin.address,
        pool,
        paymentToken: reentrant,
        price: PRICE_PER_SHARE,
        treasury: treasury.address,
        start: saleStart,
        end: saleEnd,
        cap: MAX_SHARES_PER_BUYER,
      });
      await pool.grantRole(MINTER_ROLE, sale);
      await reentrant.mint(alice.address, 1_000n * ONE_USDC);
      await reentrant.connect(alice).approve(sale, ethers.MaxUint256);
      await reentrant.arm(sale, sale.interface.encodeFunctionData("buy", [ONE_SHARE, ethers.MaxUint256]));
      await time.setNextBlockTimestamp(saleStart);
      await expect(sale.connect(alice).buy(ONE_SHARE, ethers.MaxUint256))
        .to.be.revertedWithCustomError(sale, "ReentrancyGuardReentrantCall")
        .withArgs();
    });

    it("INV-1 backing: a sold-out sale leaves totalSupply = reported hashrate × sharesPerTHs", async function () {
      const { sale, pool, oracle, reporters, alice, bob, carol, usdc, treasury } = await openSaleFixture();
      await reportNow(time, oracle, reporters[0], pool, 2_500n);
      for (const buyer of [alice, bob]) await sale.connect(buyer).buy(MAX_SHARES_PER_BUYER, ethers.MaxUint256);
      await sale.connect(carol).buy(500n * ONE_SHARE, ethers.MaxUint256);
      expect(await pool.totalSupply()).to.equal(2_500n * SHARES_PER_THS);
      expect(await pool.mintableShares()).to.equal(0n);
      await expect(sale.connect(carol).buy(1n, ethers.MaxUint256))
        .to.be.revertedWithCustomError(pool, "ExceedsHashrateBacking")
        .withArgs(1n, 0n);
      expect(await usdc.balanceOf(treasury.address)).to.equal(2_500n * PRICE_PER_SHARE);
    });
  });
});
