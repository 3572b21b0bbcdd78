/**
 * DividendPayingToken is the benchmark-only ERC-1726 peer (contracts/bench) that `bench/gas.ts` measures
 * MiningPoolShare against: these tests show that it pays correctly, so the comparison is between two working
 * designs, and that its documented range limit is real.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import type { DividendPayingToken, MockERC20 } from "../../typechain-types/index.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;

const ONE_SHARE = 10n ** 18n;

interface Fixture {
  peer: DividendPayingToken;
  wbtc: MockERC20;
  usdc: MockERC20;
  owner: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  dave: HardhatEthersSigner;
}

/** WBTC (8 dec), USDC (6 dec) and the peer over them; the owner holds every role and both payout tokens. */
async function deployFixture(): Promise<Fixture> {
  const [owner, alice, bob, carol, dave] = await ethers.getSigners();
  const tokenFactory = await ethers.getContractFactory("MockERC20", owner);
  const wbtc = await tokenFactory.deploy("Wrapped BTC", "WBTC", 8);
  const usdc = await tokenFactory.deploy("USD Coin", "USDC", 6);
  const peer = await (
    await ethers.getContractFactory("DividendPayingToken", owner)
  ).deploy("Peer", "PEER", owner.address, [await wbtc.getAddress(), await usdc.getAddress()]);
  for (const role of [await peer.MINTER_ROLE(), await peer.DISTRIBUTOR_ROLE()]) {
    await peer.grantRole(role, owner.address);
  }
  for (const token of [wbtc, usdc]) {
    await token.mint(owner.address, 10n ** 30n);
    await token.approve(await peer.getAddress(), ethers.MaxUint256);
  }
  return { peer, wbtc, usdc, owner, alice, bob, carol, dave };
}

/** deployFixture plus alice, bob and carol holding 1, 2 and 4 shares. */
async function holdersFixture(): Promise<Fixture> {
  const fx = await deployFixture();
  await fx.peer.mint(fx.alice.address, 1n * ONE_SHARE);
  await fx.peer.mint(fx.bob.address, 2n * ONE_SHARE);
  await fx.peer.mint(fx.carol.address, 4n * ONE_SHARE);
  return fx;
}

async function withdrawables(peer: DividendPayingToken, accounts: readonly string[], token: MockERC20) {
  return Promise.all(accounts.map((account) => peer.withdrawableDividendOf(account, token)));
}

const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/** Solvency: the peer holds at least Σ withdrawable, and loses less than one base unit per distribution. */
async function expectSolvent(
  peer: DividendPayingToken,
  token: MockERC20,
  accounts: readonly string[],
  distributions: number,
) {
  const held = await token.balanceOf(await peer.getAddress());
  const owed = sum(await withdrawables(peer, accounts, token));
  expect(held - owed).to.be.within(0n, BigInt(distributions + accounts.length));
}

describe("DividendPayingToken (benchmark-only ERC-1726 peer)", function () {
  describe("constructor", function () {
    it("reverts when both payout tokens are the same (InvalidPayoutToken)", async function () {
      const { peer, wbtc, owner } = await loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("DividendPayingToken", owner);
      await expect(factory.deploy("P", "P", owner.address, [wbtc, wbtc]))
        .to.be.revertedWithCustomError(peer, "InvalidPayoutToken")
        .withArgs(await wbtc.getAddress());
    });

    it("exposes the two payout tokens in order", async function () {
      const { peer, wbtc, usdc } = await loadFixture(deployFixture);
      expect(await peer.payoutTokens()).to.deep.equal([await wbtc.getAddress(), await usdc.getAddress()]);
    });
  });

  describe("distributeDividends", function () {
    it("credits each holder ⌊D · balance / supply⌋ or one unit less", async function () {
      const { peer, wbtc, alice, bob, carol } = await loadFixture(holdersFixture);
      const deposit = 12_345_679n;
      await expect(peer.distributeDividends(wbtc, deposit)).to.changeTokenBalance(ethers, wbtc, peer, deposit);
      const got = await withdrawables(peer, [alice.address, bob.address, carol.address], wbtc);
      [1n, 2n, 4n].forEach((shares, i) => {
        const ideal = (deposit * shares) / 7n;
        expect(got[i]).to.be.within(ideal - 1n, ideal);
      });
    });

    it("keeps both payout tokens apart over several distributions", async function () {
      const { peer, wbtc, usdc, alice, bob, carol } = await loadFixture(holdersFixture);
      const holders = [alice.address, bob.address, carol.address];
      const wbtcDeposits = [12_345_679n, 1n, 99_999_999n];
      const usdcDeposits = [987_654_321n, 3n, 1_000_000n];
      for (const [i, amount] of wbtcDeposits.entries()) {
        await peer.distributeDividends(wbtc, amount);
        await peer.distributeDividends(usdc, usdcDeposits[i]);
      }
      for (const [token, deposits] of [
        [wbtc, wbtcDeposits],
        [usdc, usdcDeposits],
      ] as const) {
        const got = await withdrawables(peer, holders, token);
        [1n, 2n, 4n].forEach((shares, i) => {
          // No carry: each distribution may leave each holder short by less than one base unit.
          const ideal = (sum(deposits) * shares) / 7n;
          expect(got[i]).to.be.within(ideal - BigInt(deposits.length), ideal);
        });
        await expectSolvent(peer, token, holders, deposits.length);
      }
    });

    it("reverts when the caller is not a distributor (AccessControlUnauthorizedAccount)", async function () {
      const { peer, wbtc, alice } = await loadFixture(holdersFixture);
      await expect(peer.connect(alice).distributeDividends(wbtc, 1n))
        .to.be.revertedWithCustomError(peer, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, await peer.DISTRIBUTOR_ROLE());
    });

    it("reverts when there are no shares (NoSharesOutstanding)", async function () {
      const { peer, wbtc } = await loadFixture(deployFixture);
      await expect(peer.distributeDividends(wbtc, 1n)).to.be.revertedWithCustomError(peer, "NoSharesOutstanding");
    });

    it("reverts when the amount is zero (ZeroAmount)", async function () {
      const { peer, wbtc } = await loadFixture(holdersFixture);
      await expect(peer.distributeDividends(wbtc, 0n)).to.be.revertedWithCustomError(peer, "ZeroAmount");
    });

    it("reverts when the token is not a payout token (NotPayoutToken)", async function () {
      const { peer } = await loadFixture(holdersFixture);
      await expect(peer.distributeDividends(peer, 1n))
        .to.be.revertedWithCustomError(peer, "NotPayoutToken")
        .withArgs(await peer.getAddress());
    });
  });

  describe("transfers and mints", function () {
    it("leave every withdrawable amount of both tokens unchanged", async function () {
      const { peer, wbtc, usdc, alice, bob, carol, dave } = await loadFixture(holdersFixture);
      const accounts = [alice.address, bob.address, carol.address, dave.address];
      await peer.distributeDividends(wbtc, 12_345_679n);
      await peer.distributeDividends(usdc, 987_654_321n);
      const before = [await withdrawables(peer, accounts, wbtc), await withdrawables(peer, accounts, usdc)];
      await peer.connect(alice).transfer(bob.address, ONE_SHARE / 3n);
      await peer.connect(carol).transfer(carol.address, ONE_SHARE);
      await peer.connect(carol).transfer(dave.address, 2n * ONE_SHARE);
      await peer.mint(dave.address, 3n * ONE_SHARE);
      expect(await withdrawables(peer, accounts, wbtc)).to.deep.equal(before[0]);
      expect(await withdrawables(peer, accounts, usdc)).to.deep.equal(before[1]);
    });

    it("give shares acquired after a distribution nothing from it, and their share of the next", async function () {
      const { peer, wbtc, carol, dave } = await loadFixture(holdersFixture);
      await peer.distributeDividends(wbtc, 7_000_000n);
      await peer.connect(carol).transfer(dave.address, 2n * ONE_SHARE);
      await peer.mint(dave.address, 3n * ONE_SHARE);
      expect(await peer.withdrawableDividendOf(dave.address, wbtc)).to.equal(0n);
      // dave holds 5 of 10 shares now.
      await peer.distributeDividends(wbtc, 1_000_001n);
      expect(await peer.withdrawableDividendOf(dave.address, wbtc)).to.be.within(499_999n, 500_000n);
    });

    it("revert once revenue per share unit × value no longer fits an int256 (the design's range limit)", async function () {
      const { peer, wbtc, alice, bob } = await loadFixture(deployFixture);
      await peer.mint(alice.address, 1n);
      await peer.distributeDividends(wbtc, 10n ** 27n);
      // magnifiedDividendPerShare = 1e27 · 2^128 ≥ 2^255 / 1.8e11: a mint of 1.8e11 units (1.8e-7 share) reverts.
      await expect(peer.mint(bob.address, 18n * 10n ** 10n)).to.be.revertedWithCustomError(
        peer,
        "SafeCastOverflowedUintToInt",
      );
    });
  });

  describe("withdrawDividend", function () {
    it("pays the withdrawable amount once; a second withdrawal pays 0 and sends nothing", async function () {
      const { peer, wbtc, usdc, alice, bob, carol } = await loadFixture(holdersFixture);
      await peer.distributeDividends(wbtc, 12_345_679n);
      await peer.distributeDividends(usdc, 987_654_321n);
      await peer.connect(alice).transfer(bob.address, ONE_SHARE / 2n);
      const amount = await peer.withdrawableDividendOf(alice.address, wbtc);
      const usdcBefore = await peer.withdrawableDividendOf(alice.address, usdc);
      expect(await peer.connect(alice).withdrawDividend.staticCall(wbtc)).to.equal(amount);
      const tx = peer.connect(alice).withdrawDividend(wbtc);
      await expect(tx)
        .to.emit(peer, "DividendWithdrawn")
        .withArgs(alice.address, await wbtc.getAddress(), amount);
      await expect(tx).to.changeTokenBalances(ethers, wbtc, [peer, alice], [-amount, amount]);
      expect(await peer.withdrawableDividendOf(alice.address, wbtc)).to.equal(0n);
      expect(await peer.withdrawableDividendOf(alice.address, usdc)).to.equal(usdcBefore);
      const again = peer.connect(alice).withdrawDividend(wbtc);
      await expect(again).to.not.emit(peer, "DividendWithdrawn");
      await expect(again).to.changeTokenBalance(ethers, wbtc, alice, 0n);
      await expectSolvent(peer, wbtc, [alice.address, bob.address, carol.address], 1);
    });
  });

  describe("withdrawAllDividends", function () {
    it("pays both tokens in payoutTokens() order; a second call pays [0, 0]", async function () {
      const { peer, wbtc, usdc, alice, bob, carol } = await loadFixture(holdersFixture);
      await peer.distributeDividends(wbtc, 12_345_679n);
      await peer.distributeDividends(usdc, 987_654_321n);
      await peer.connect(carol).transfer(alice.address, ONE_SHARE);
      await peer.distributeDividends(wbtc, 3n);
      const amounts = await Promise.all([wbtc, usdc].map((token) => peer.withdrawableDividendOf(bob.address, token)));
      expect(await peer.connect(bob).withdrawAllDividends.staticCall()).to.deep.equal(amounts);
      const tx = peer.connect(bob).withdrawAllDividends();
      await expect(tx).to.changeTokenBalance(ethers, wbtc, bob, amounts[0]);
      await expect(tx).to.changeTokenBalance(ethers, usdc, bob, amounts[1]);
      expect(await peer.connect(bob).withdrawAllDividends.staticCall()).to.deep.equal([0n, 0n]);
      await expectSolvent(peer, wbtc, [alice.address, bob.address, carol.address], 2);
      await expectSolvent(peer, usdc, [alice.address, bob.address, carol.address], 1);
    });
  });
});
