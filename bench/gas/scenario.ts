/**
 * The steady state every design of `bench/gas.ts` is measured in, and the measurement itself: one chain with the
 * payout tokens, the oracle, the batch minter and the baseline transfer, then, per design, two pools driven through
 * the same history and the measured transactions.
 */
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";

import { ONE_SHARE } from "../../src/tokens.js";
import type { BatchMinter, HashrateOracle, MockERC20 } from "../../typechain-types/index.js";
import type { BenchContext, BenchPool, Design } from "./designs.js";

/** Total supply of every benchmarked pool while the deposits are measured: 1,000 shares. */
export const POOL_SHARES = 1_000n;
export const WIDE_HOLDERS = 1_000;
/** Holders minted per BatchMinter transaction (~114k gas each for a new holder: well inside one block). */
const MINT_BATCH = 100;

/**
 * An address that holds nothing in any pool, the same in every run, with no zero byte (so its calldata costs what a
 * typical address costs, in every run): the last 20 bytes of keccak256("HashShare bench: new holder 0").
 */
const NEW_HOLDER = "0xF519A28c5365Efb32736535C6e87d67Bf65daFC3";

/** The measured operations, in table order. */
export const OPERATIONS = [
  "transfer",
  "transferNew",
  "mint",
  "deposit2",
  "deposit1000",
  "claim",
  "claimAll",
  "mintNew",
  "firstDeposit",
] as const;
export type Operation = (typeof OPERATIONS)[number];
export type Measured = Record<Operation, bigint>;

/** Called with every measured transaction, e.g. to trace it. */
export type Observer = (design: Design, operation: Operation, tx: ContractTransactionResponse) => Promise<void>;

export interface Bench {
  context: BenchContext;
  /** Gas of a plain OpenZeppelin ERC-20 transfer between two accounts that both hold the token. */
  baseline: bigint;
  measure(design: Design, observe?: Observer): Promise<{ gas: Measured; supply: bigint }>;
}

async function gasOf(tx: ContractTransactionResponse): Promise<bigint> {
  const receipt = await tx.wait();
  if (receipt === null) throw new Error("bench: transaction has no receipt");
  return receipt.gasUsed;
}

export async function setUpBench(ethers: HardhatEthers): Promise<Bench> {
  const [admin, alice, bob, carol] = await ethers.getSigners();
  const deploy = async <T>(name: string, args: unknown[] = []) =>
    (await ethers.deployContract(name, args)) as unknown as T;
  const plain = await deploy<MockERC20>("MockERC20", ["Plain", "PLN", 18]);
  const wbtc = await deploy<MockERC20>("MockERC20", ["Wrapped BTC", "WBTC", 8]);
  const usdc = await deploy<MockERC20>("MockERC20", ["USD Coin", "USDC", 6]);
  const oracle = await deploy<HashrateOracle>("HashrateOracle", [admin.address, 1]);
  const batchMinter = await deploy<BatchMinter>("BatchMinter");
  await oracle.grantRole(await oracle.REPORTER_ROLE(), admin.address);
  for (const token of [wbtc, usdc]) await token.mint(admin.address, 10n ** 30n);
  const context: BenchContext = { ethers, admin, oracle, batchMinter, wbtc, usdc };

  await plain.mint(alice.address, 10n ** 24n);
  await plain.mint(bob.address, 10n ** 24n);
  const baseline = await gasOf(await plain.connect(alice).transfer(bob.address, ONE_SHARE));

  /** Deposits one day of revenue (WBTC from mining, USDC from AI); returns the WBTC deposit. */
  async function depositDay(pool: BenchPool, epoch: bigint): Promise<ContractTransactionResponse> {
    const tx = await pool.deposit(wbtc, 12_345_679n, 0, epoch);
    await (await pool.deposit(usdc, 987_654_321n, 1, epoch)).wait();
    return tx;
  }

  /**
   * Brings a pool to the steady state: POOL_SHARES shares minted before the first deposit (alice and bob, plus
   * `others` generated holders of one share each), three days of revenue, claims and trades in between.
   * Returns the very first deposit of a token.
   */
  async function steadyState(pool: BenchPool, others: number): Promise<ContractTransactionResponse> {
    const each = (POOL_SHARES - BigInt(others)) / 2n;
    await pool.mint(alice.address, each * ONE_SHARE);
    await pool.mint(bob.address, each * ONE_SHARE);
    const seed = ethers.id(`holders of ${pool.address}`);
    for (let first = 0; first < others; first += MINT_BATCH) {
      await batchMinter.mintMany(pool.address, seed, first, Math.min(MINT_BATCH, others - first), ONE_SHARE);
    }
    if ((await pool.totalSupply()) !== POOL_SHARES * ONE_SHARE) throw new Error("bench: unexpected supply");
    const firstDeposit = await depositDay(pool, 1n);
    await pool.claimAll(alice);
    await pool.claimAll(bob);
    await pool.transfer(alice, bob.address, ONE_SHARE);
    await pool.transfer(bob, alice.address, 2n * ONE_SHARE);
    await depositDay(pool, 2n);
    await depositDay(pool, 3n);
    return firstDeposit;
  }

  async function measure(design: Design, observe?: Observer) {
    const gas = {} as Measured;
    const record = async (operation: Operation, tx: ContractTransactionResponse) => {
      gas[operation] = await gasOf(tx);
      if (observe !== undefined) await observe(design, operation, tx);
    };
    const pool = await design.deploy(context);
    const wide = await design.deploy(context);
    await record("firstDeposit", await steadyState(pool, 0));
    await steadyState(wide, WIDE_HOLDERS - 2);
    // Same supply, same deposit history: an O(1) deposit costs the same whatever the number of holders.
    await record("deposit2", await depositDay(pool, 4n));
    await record("deposit1000", await depositDay(wide, 4n));

    await record("transfer", await pool.transfer(alice, bob.address, ONE_SHARE));
    await record("transferNew", await pool.transfer(alice, carol.address, ONE_SHARE));
    await record("mint", await pool.mint(bob.address, ONE_SHARE));
    await depositDay(pool, 5n);
    await record("claim", await pool.claim(alice, wbtc));
    await record("claimAll", await pool.claimAll(bob));
    await record("mintNew", await pool.mint(NEW_HOLDER, ONE_SHARE));
    return { gas, supply: await pool.totalSupply() };
  }

  return { context, baseline, measure };
}
