/**
 * The revenue-sharing designs `bench/gas.ts` measures, each behind one small adapter so the bench drives them all
 * through the same steady state:
 *  - MiningPoolShare, the deployed contract (whatever `contracts/MiningPoolShare.sol` is at the time of the run);
 *  - DividendPayingToken (contracts/bench, BENCHMARK ONLY): the common ERC-1726 design, the peer;
 *  - MiningPoolShareLean (contracts/bench, BENCHMARK ONLY): MiningPoolShare with the layout docs/GAS.md proposes;
 *  - PackedRevenueShare (contracts/bench, BENCHMARK ONLY): MiningPoolShare's ledger packed into 128-bit lanes.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";

import { formatAmount, formatTokenAmount } from "../../src/cli/amount.js";
import { ONE_SHARE } from "../../src/tokens.js";
import type {
  BatchMinter,
  DividendPayingToken,
  HashrateOracle,
  MiningPoolShare,
  MockERC20,
  PackedRevenueShare,
} from "../../typechain-types/index.js";

type Tx = Promise<ContractTransactionResponse>;

/** What the bench does to a pool, whatever its design. */
export interface BenchPool {
  address: string;
  transfer(from: HardhatEthersSigner, to: string, shares: bigint): Tx;
  mint(to: string, shares: bigint): Tx;
  /** Deposits revenue; designs without per-source, per-epoch books ignore `source` and `epoch`. */
  deposit(token: MockERC20, amount: bigint, source: number, epoch: bigint): Tx;
  claim(holder: HardhatEthersSigner, token: MockERC20): Tx;
  claimAll(holder: HardhatEthersSigner): Tx;
  totalSupply(): Promise<bigint>;
}

/** The chain objects every design is deployed against. */
export interface BenchContext {
  ethers: HardhatEthers;
  admin: HardhatEthersSigner;
  oracle: HashrateOracle;
  batchMinter: BatchMinter;
  wbtc: MockERC20;
  usdc: MockERC20;
}

export interface Design {
  /** Key in the JSON output. */
  key: string;
  /** Column title. */
  name: string;
  /** Deploys a pool; admin and the batch minter may mint, admin may deposit and has approved both tokens. */
  deploy(ctx: BenchContext): Promise<BenchPool>;
  /** One sentence on the design's range and rounding, for a supply of `supply` share units. */
  precision(supply: bigint): string;
}

const EPOCH_SECONDS = 86_400n;
/** Decimals of a hypothetical 18-decimal payout token (the SPEC's widest), for the packed layout's limits. */
const EIGHTEEN_DECIMALS = 18;
/** k of PackedRevenueShare for both payout tokens: revenue per share magnified by 2^64. */
export const PACKED_BITS = 64n;

/** The oracle epoch of the latest block: UTC days, which a clock-bound oracle accepts and an unbound one too. */
async function currentEpoch(ctx: BenchContext): Promise<bigint> {
  const block = await ctx.ethers.provider.getBlock("latest");
  if (block === null) throw new Error("bench: no latest block");
  return BigInt(block.timestamp) / EPOCH_SECONDS;
}

/** Grants the minter and distributor roles and approves both payout tokens, for any AccessControl pool. */
async function prepare(
  ctx: BenchContext,
  pool: MiningPoolShare | PackedRevenueShare | DividendPayingToken,
): Promise<string> {
  const address = await pool.getAddress();
  const minter = await pool.MINTER_ROLE();
  await pool.grantRole(minter, ctx.admin.address);
  await pool.grantRole(minter, await ctx.batchMinter.getAddress());
  await pool.grantRole(await pool.DISTRIBUTOR_ROLE(), ctx.admin.address);
  for (const token of [ctx.wbtc, ctx.usdc]) await token.approve(address, ctx.ethers.MaxUint256);
  return address;
}

/** The bench's view of a design that speaks the SPEC's revenue API (`depositRevenue`, `claim`, `claimAll`). */
function specPool(address: string, pool: MiningPoolShare | PackedRevenueShare): BenchPool {
  return {
    address,
    transfer: (from, to, shares) => pool.connect(from).transfer(to, shares),
    mint: (to, shares) => pool.mint(to, shares),
    deposit: (token, amount, source, epoch) => pool.depositRevenue(token, amount, source, epoch),
    claim: (holder, token) => pool.connect(holder).claim(token),
    claimAll: (holder) => pool.connect(holder).claimAll(),
    totalSupply: () => pool.totalSupply(),
  };
}

/**
 * A design deployed with MiningPoolShare's constructor and API: MiningPoolShare itself, or a bench copy of it with
 * another storage layout (same ABI, so both are driven through MiningPoolShare's typed binding).
 */
function miningPoolShareDesign(
  ctx: BenchContext,
  key: string,
  contract: "MiningPoolShare" | "MiningPoolShareLean",
  precision: () => string,
): Design {
  return {
    key,
    name: contract,
    async deploy() {
      const pool = (await ctx.ethers.deployContract(contract, [
        contract,
        "HSP",
        ctx.admin.address,
        await ctx.oracle.getAddress(),
        ONE_SHARE,
        10n ** 9n,
        [await ctx.wbtc.getAddress(), await ctx.usdc.getAddress()],
      ])) as unknown as MiningPoolShare;
      const address = await prepare(ctx, pool);
      await ctx.oracle.reportHashrate(address, await currentEpoch(ctx), 10n ** 12n);
      return specPool(address, pool);
    },
    precision,
  };
}

export function designs(ctx: BenchContext): Design[] {
  const { ethers } = ctx;
  const tokens = async () => [await ctx.wbtc.getAddress(), await ctx.usdc.getAddress()];
  return [
    miningPoolShareDesign(ctx, "miningPoolShare", "MiningPoolShare", () =>
      [
        "exact for lifetime deposits per token up to 2^128 − 1 base units (deposits above revert); carry < ",
        "supply / 2^128 base units, i.e. below 1 base unit for any supply below 2^128",
      ].join(""),
    ),
    {
      key: "erc1726Peer",
      name: "ERC-1726 peer",
      async deploy() {
        const pool = (await ethers.deployContract("DividendPayingToken", [
          "ERC-1726 Peer",
          "PEER",
          ctx.admin.address,
          await tokens(),
        ])) as unknown as DividendPayingToken;
        const address = await prepare(ctx, pool);
        return {
          address,
          transfer: (from, to, shares) => pool.connect(from).transfer(to, shares),
          mint: (to, shares) => pool.mint(to, shares),
          deposit: (token, amount) => pool.distributeDividends(token, amount),
          claim: (holder, token) => pool.connect(holder).withdrawDividend(token),
          claimAll: (holder) => pool.connect(holder).withdrawAllDividends(),
          totalSupply: () => pool.totalSupply(),
        };
      },
      precision() {
        return (
          `each distribution's rounding remainder (< supply / 2^128 base units) is never paid out; a transfer or ` +
          `mint of v share units reverts once revenue per share unit × 2^128 × v reaches 2^255 (checked int256)`
        );
      },
    },
    miningPoolShareDesign(ctx, "miningPoolShareLean", "MiningPoolShareLean", () =>
      [
        "exact for lifetime deposits per token up to 2^96 − 1 base units and a supply up to 2^96 − 1 share units ",
        "(both 7.9e28, above the SPEC's 1e27); carry < supply / 2^96, below 1 base unit",
      ].join(""),
    ),
    {
      key: "packedRevenueShare",
      name: "PackedRevenueShare",
      async deploy() {
        const pool = (await ethers.deployContract("PackedRevenueShare", [
          "Packed Pool",
          "PRS",
          ctx.admin.address,
          await tokens(),
          [PACKED_BITS, PACKED_BITS],
        ])) as unknown as PackedRevenueShare;
        return specPool(await prepare(ctx, pool), pool);
      },
      precision(supply) {
        const cap = 2n ** (128n - PACKED_BITS) - 1n;
        const carry = (s: bigint) => (s + 2n ** PACKED_BITS - 1n) / 2n ** PACKED_BITS;
        const carried = (s: bigint) =>
          `${carry(s)} base units (${formatTokenAmount(carry(s), "wbtc")}, ${formatTokenAmount(carry(s), "usdc")})`;
        return (
          `k = ${PACKED_BITS}: unclaimed revenue per token capped at 2^${128n - PACKED_BITS} − 1 = ${cap} base ` +
          `units (${formatTokenAmount(cap, "wbtc")}, ${formatTokenAmount(cap, "usdc")}, only ` +
          `${formatAmount(cap, EIGHTEEN_DECIMALS)} of an 18-decimal token; ` +
          `deposits above revert); up to supply / 2^${PACKED_BITS} base units per token wait in the carry for the ` +
          `next deposit: < ${carry(supply)} base units here, < ${carried(10n ** 24n)} at 1e24 share units, ` +
          `< ${carried(10n ** 27n)} at 1e27`
        );
      },
    },
  ];
}
