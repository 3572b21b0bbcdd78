/**
 * ERC-2612 permits on the share token: replays, foreign chain ids, swapped spenders and expired deadlines fail.
 */
import { expect } from "chai";
import { network } from "hardhat";
import type { TypedDataDomain } from "ethers";

import type { MiningPoolShare, MockERC20 } from "../../typechain-types/index.js";
import { PERMIT_TYPES, signPermit } from "../helpers/permit.js";
import { DAY, ONE_SHARE, deployPool } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();

async function domainOf(pool: MiningPoolShare): Promise<TypedDataDomain> {
  const domain = await pool.eip712Domain();
  return {
    name: domain.name,
    version: domain.version,
    chainId: domain.chainId,
    verifyingContract: domain.verifyingContract,
  };
}

async function permitFixture() {
  const usdc: MockERC20 = await ethers.deployContract("MockUSDC");
  const setup = await deployPool(ethers, [usdc]);
  const [alice, bob, mallory] = setup.users;
  await setup.pool.connect(setup.minter).mint(alice.address, 10n * ONE_SHARE);
  const deadline = BigInt(await networkHelpers.time.latest()) + DAY;
  return { ...setup, alice, bob, mallory, deadline, domain: await domainOf(setup.pool) };
}

describe("MiningPoolShare permits", function () {
  it("rejects a replayed permit (ERC2612InvalidSigner) and the allowance stays as spent", async function () {
    const { pool, alice, bob, deadline, domain } = await networkHelpers.loadFixture(permitFixture);
    const message = { owner: alice.address, spender: bob.address, value: 4n * ONE_SHARE, nonce: 0n, deadline };
    const sig = await signPermit(alice, domain, message);
    await pool.permit(alice.address, bob.address, message.value, deadline, sig.v, sig.r, sig.s);
    expect(await pool.nonces(alice.address)).to.equal(1n);
    await pool.connect(bob).transferFrom(alice.address, bob.address, 3n * ONE_SHARE);
    expect(await pool.allowance(alice.address, bob.address)).to.equal(ONE_SHARE);

    // The same signature again: the contract now checks it against nonce 1, so it recovers to someone else.
    const recovered = ethers.verifyTypedData(domain, PERMIT_TYPES, { ...message, nonce: 1n }, sig);
    expect(recovered).to.not.equal(alice.address);
    await expect(pool.permit(alice.address, bob.address, message.value, deadline, sig.v, sig.r, sig.s))
      .to.be.revertedWithCustomError(pool, "ERC2612InvalidSigner")
      .withArgs(recovered, alice.address);
    expect(await pool.allowance(alice.address, bob.address)).to.equal(ONE_SHARE);
    expect(await pool.nonces(alice.address)).to.equal(1n);
  });

  it("rejects a permit signed for another chain id", async function () {
    const { pool, alice, bob, deadline, domain } = await networkHelpers.loadFixture(permitFixture);
    const message = { owner: alice.address, spender: bob.address, value: ONE_SHARE, nonce: 0n, deadline };
    const foreign = { ...domain, chainId: BigInt(domain.chainId ?? 0n) + 1n };
    const sig = await signPermit(alice, foreign, message);
    const recovered = ethers.verifyTypedData(domain, PERMIT_TYPES, message, sig);
    await expect(pool.permit(alice.address, bob.address, ONE_SHARE, deadline, sig.v, sig.r, sig.s))
      .to.be.revertedWithCustomError(pool, "ERC2612InvalidSigner")
      .withArgs(recovered, alice.address);
    expect(await pool.allowance(alice.address, bob.address)).to.equal(0n);
    expect(await pool.nonces(alice.address)).to.equal(0n);
  });

  it("rejects a permit used for another spender than the one signed for", async function () {
    const { pool, alice, bob, mallory, deadline, domain } = await networkHelpers.loadFixture(permitFixture);
    const message = { owner: alice.address, spender: bob.address, value: ONE_SHARE, nonce: 0n, deadline };
    const sig = await signPermit(alice, domain, message);
    const recovered = ethers.verifyTypedData(domain, PERMIT_TYPES, { ...message, spender: mallory.address }, sig);
    await expect(pool.connect(mallory).permit(alice.address, mallory.address, ONE_SHARE, deadline, sig.v, sig.r, sig.s))
      .to.be.revertedWithCustomError(pool, "ERC2612InvalidSigner")
      .withArgs(recovered, alice.address);
    expect(await pool.allowance(alice.address, mallory.address)).to.equal(0n);
    // The genuine use still works afterwards.
    await pool.permit(alice.address, bob.address, ONE_SHARE, deadline, sig.v, sig.r, sig.s);
    expect(await pool.allowance(alice.address, bob.address)).to.equal(ONE_SHARE);
  });

  it("rejects an expired permit (ERC2612ExpiredSignature)", async function () {
    const { pool, alice, bob, domain } = await networkHelpers.loadFixture(permitFixture);
    const deadline = BigInt(await networkHelpers.time.latest());
    const message = { owner: alice.address, spender: bob.address, value: ONE_SHARE, nonce: 0n, deadline };
    const sig = await signPermit(alice, domain, message);
    await expect(pool.permit(alice.address, bob.address, ONE_SHARE, deadline, sig.v, sig.r, sig.s))
      .to.be.revertedWithCustomError(pool, "ERC2612ExpiredSignature")
      .withArgs(deadline);
  });
});
