/**
 * ShareSale rounding at the smallest amounts: a quote rounds up, so no amount of shares is ever free.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { MockERC20 } from "../../typechain-types/index.js";
import { ONE_SHARE, ceilDiv, deployPool, deploySale } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

/** A pool paid in USDC and a sale of its shares at `pricePerShare`, capped at 1,000 shares per buyer. */
async function usdcSaleFixture(pricePerShare: bigint) {
  const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
  const setup = await deployPool(ethers, [usdc]);
  const { sale, buyer, treasury } = await deploySale(ethers, setup, usdc, pricePerShare, 1_000n * ONE_SHARE);
  return { ...setup, usdc, sale, buyer, treasury };
}

async function pricedAtOneFixture() {
  return usdcSaleFixture(1n); // 1 payment unit per 1e18 share units
}

async function pricedAtOneUsdcFixture() {
  return usdcSaleFixture(1_000_003n); // an odd price: 1.000003 USDC per share
}

const AMOUNTS = [1n, 2n, 999n, ONE_SHARE / 3n, ONE_SHARE - 1n, ONE_SHARE, ONE_SHARE + 1n, 123n * ONE_SHARE + 45n];

describe("ShareSale rounding", function () {
  it("quote(1) is 1 at a price of 1 per 1e18 shares, and every quote rounds up", async function () {
    const { sale } = await networkHelpers.loadFixture(pricedAtOneFixture);
    expect(await sale.quote(1n)).to.equal(1n);
    expect(await sale.quote(ONE_SHARE)).to.equal(1n);
    expect(await sale.quote(ONE_SHARE + 1n)).to.equal(2n);
    for (const shares of AMOUNTS) {
      const cost = await sale.quote(shares);
      expect(cost, `quote(${shares})`).to.equal(ceilDiv(shares, ONE_SHARE));
      expect(cost > 0n, `quote(${shares}) is never 0`).to.equal(true);
    }
  });

  it("charges 1 unit for 1 wei of shares, and a buyer splitting a purchase pays more, never less", async function () {
    const { pool, usdc, sale, buyer, treasury } = await networkHelpers.loadFixture(pricedAtOneFixture);
    await expect(sale.connect(buyer).buy(1n, 0n)).to.be.revertedWithCustomError(sale, "CostAboveMax").withArgs(1n, 0n);
    await expect(sale.connect(buyer).buy(1n, 1n)).to.emit(sale, "SharesPurchased").withArgs(buyer.address, 1n, 1n);
    expect(await usdc.balanceOf(treasury.address)).to.equal(1n);
    expect(await pool.balanceOf(buyer.address)).to.equal(1n);
    for (let i = 0; i < 4; ++i) await sale.connect(buyer).buy(1n, 1n);
    expect(await usdc.balanceOf(treasury.address), "5 one-wei purchases cost 5 units").to.equal(5n);
    expect(await pool.balanceOf(buyer.address)).to.equal(5n);
    expect(await sale.quote(5n), "where one purchase of 5 wei costs 1").to.equal(1n);
    await expect(sale.connect(buyer).buy(0n, 0n)).to.be.revertedWithCustomError(sale, "ZeroShares");
  });

  it("never quotes 0 at an odd price either, and charges exactly the quote", async function () {
    const { usdc, sale, buyer, treasury } = await networkHelpers.loadFixture(pricedAtOneUsdcFixture);
    let paid = 0n;
    for (const shares of AMOUNTS) {
      const cost = await sale.quote(shares);
      expect(cost, `quote(${shares})`).to.equal(ceilDiv(shares * 1_000_003n, ONE_SHARE));
      expect(cost > 0n).to.equal(true);
      await expect(sale.connect(buyer).buy(shares, cost - 1n))
        .to.be.revertedWithCustomError(sale, "CostAboveMax")
        .withArgs(cost, cost - 1n);
      await sale.connect(buyer).buy(shares, cost);
      paid += cost;
    }
    expect(await usdc.balanceOf(treasury.address)).to.equal(paid);
  });
});
