/**
 * Gas benchmark: HashShare's hot paths for a pool with two payout tokens (8-decimal WBTC, 6-decimal USDC), in two
 * revenue-ledger layouts measured in the same run, each next to a plain OpenZeppelin ERC-20 transfer
 * (existing → existing) measured in that run, as a ratio:
 *  - MiningPoolShare, the deployed contract: full precision (256-bit words, magnification 2^128);
 *  - PackedRevenueShare (contracts/bench, BENCHMARK ONLY): both tokens in 128-bit lanes of one slot, magnification
 *    2^64, with the precision limits printed under the table.
 *
 * Both layouts are driven through the same steady state of a live pool: holders bought before the first deposit,
 * revenue has been deposited for several epochs (both tokens), holders have claimed before (so their payout-token
 * balances are non-zero) and have traded (so their revenue corrections are non-zero). First-touch costs
 * (zero → non-zero storage) are listed apart.
 *
 * Deposits with 2 and with 1,000 holders are measured on two pools per layout with the same total supply and the
 * same deposit history, so an O(1) deposit costs exactly the same in both.
 *
 * Run: `npm run bench` (or `npx hardhat run bench/gas.ts`).
 */
import { network } from "hardhat";

import { formatAmount, formatTokenAmount } from "../src/cli/amount.js";
import { ONE_SHARE, SHARE_DECIMALS } from "../src/tokens.js";
import type {
  BatchMinter,
  HashrateOracle,
  MiningPoolShare,
  MockERC20,
  PackedRevenueShare,
} from "../typechain-types/index.js";

const { ethers } = await network.create();

const SHARE = ONE_SHARE;
/** Total supply of every benchmarked pool while the deposits are measured: 1,000 shares. */
const POOL_SHARES = 1_000n;
const WIDE_HOLDERS = 1_000;
/** Holders minted per BatchMinter transaction (~114k gas each for a new holder: well inside one block). */
const MINT_BATCH = 100;
/** k of PackedRevenueShare for both payout tokens: revenue per share magnified by 2^64. */
const PACKED_BITS = 64n;

const [admin, alice, bob, carol] = await ethers.getSigners();

type Share = MiningPoolShare | PackedRevenueShare;

interface Layout {
  name: string;
  deploy(): Promise<Share>;
  precision(supply: bigint): string;
}

async function gasOf(tx: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("bench: transaction has no receipt");
  return receipt.gasUsed;
}

const plain = (await ethers.deployContract("MockERC20", ["Plain", "PLN", 18])) as unknown as MockERC20;
const wbtc = (await ethers.deployContract("MockERC20", ["Wrapped BTC", "WBTC", 8])) as unknown as MockERC20;
const usdc = (await ethers.deployContract("MockERC20", ["USD Coin", "USDC", 6])) as unknown as MockERC20;
const oracle = (await ethers.deployContract("HashrateOracle", [admin.address, 1])) as unknown as HashrateOracle;
const batchMinter = (await ethers.deployContract("BatchMinter")) as unknown as BatchMinter;
await oracle.grantRole(await oracle.REPORTER_ROLE(), admin.address);
for (const token of [wbtc, usdc]) await token.mint(admin.address, 10n ** 30n);

// Baseline: a plain OpenZeppelin ERC-20 transfer between two accounts that both hold the token.
await plain.mint(alice.address, 10n ** 24n);
await plain.mint(bob.address, 10n ** 24n);
const baseline = await gasOf(plain.connect(alice).transfer(bob.address, SHARE));

/** Base units as a decimal string with the token's decimals (the project's one amount formatter). */
function units(amount: bigint, decimals: number, symbol: string): string {
  return `${formatAmount(amount, decimals)} ${symbol}`;
}

const layouts: Layout[] = [
  {
    name: "MiningPoolShare",
    async deploy() {
      const pool = (await ethers.deployContract("MiningPoolShare", [
        "HashShare Pool",
        "HSP",
        admin.address,
        await oracle.getAddress(),
        SHARE,
        10n ** 9n,
        [await wbtc.getAddress(), await usdc.getAddress()],
      ])) as unknown as MiningPoolShare;
      await oracle.reportHashrate(await pool.getAddress(), 1n, 10n ** 12n);
      return pool;
    },
    precision() {
      return (
        `exact for lifetime deposits per token up to 2^128 − 1 = ${2n ** 128n - 1n} base units (deposits above ` +
        `revert); carry < supply / 2^128 base units, i.e. below 1 base unit for any supply below 2^128`
      );
    },
  },
  {
    name: "PackedRevenueShare",
    async deploy() {
      return (await ethers.deployContract("PackedRevenueShare", [
        "Packed Pool",
        "PRS",
        admin.address,
        [await wbtc.getAddress(), await usdc.getAddress()],
        [PACKED_BITS, PACKED_BITS],
      ])) as unknown as PackedRevenueShare;
    },
    precision(supply) {
      const cap = 2n ** (128n - PACKED_BITS) - 1n;
      const carry = (s: bigint) => (s + 2n ** PACKED_BITS - 1n) / 2n ** PACKED_BITS;
      const carried = (s: bigint) =>
        `${carry(s)} base units (${formatTokenAmount(carry(s), "wbtc")}, ${formatTokenAmount(carry(s), "usdc")})`;
      return (
        `k = ${PACKED_BITS}: unclaimed revenue per token capped at 2^${128n - PACKED_BITS} − 1 = ${cap} base units ` +
        `(${formatTokenAmount(cap, "wbtc")}, ${formatTokenAmount(cap, "usdc")}, only ${units(cap, SHARE_DECIMALS, "of an 18-dec token")}; ` +
        `deposits above revert); up to supply / 2^${PACKED_BITS} base units per token wait in the carry for the ` +
        `next deposit: < ${carry(supply)} base units here, < ${carried(10n ** 24n)} at 1e24 share units, ` +
        `< ${carried(10n ** 27n)} at 1e27`
      );
    },
  },
];

/** Deploys a pool, lets admin mint and deposit, and lets the batch minter mint. */
async function deployPool(layout: Layout): Promise<Share> {
  const pool = await layout.deploy();
  const address = await pool.getAddress();
  await pool.grantRole(await pool.MINTER_ROLE(), admin.address);
  await pool.grantRole(await pool.MINTER_ROLE(), await batchMinter.getAddress());
  await pool.grantRole(await pool.DISTRIBUTOR_ROLE(), admin.address);
  for (const token of [wbtc, usdc]) await token.approve(address, ethers.MaxUint256);
  return pool;
}

/** Deposits one day of revenue (WBTC from mining, USDC from AI); returns the gas of the WBTC deposit. */
async function depositDay(pool: Share, epoch: bigint): Promise<bigint> {
  const gas = await gasOf(pool.depositRevenue(wbtc, 12_345_679n, 0, epoch));
  await pool.depositRevenue(usdc, 987_654_321n, 1, epoch);
  return gas;
}

/**
 * Brings a pool to the steady state: POOL_SHARES shares minted before the first deposit (alice and bob, plus
 * `others` generated holders of one share each), three days of revenue, claims and trades in between.
 * Returns the gas of the very first deposit of a token.
 */
async function steadyState(pool: Share, others: number): Promise<bigint> {
  const each = (POOL_SHARES - BigInt(others)) / 2n;
  await pool.mint(alice.address, each * SHARE);
  await pool.mint(bob.address, each * SHARE);
  const seed = ethers.id(`holders of ${await pool.getAddress()}`);
  for (let first = 0; first < others; first += MINT_BATCH) {
    await batchMinter.mintMany(pool, seed, first, Math.min(MINT_BATCH, others - first), SHARE);
  }
  if ((await pool.totalSupply()) !== POOL_SHARES * SHARE) throw new Error("bench: unexpected supply");
  const firstDeposit = await depositDay(pool, 1n);
  await pool.connect(alice).claimAll();
  await pool.connect(bob).claimAll();
  await pool.connect(alice).transfer(bob.address, SHARE);
  await pool.connect(bob).transfer(alice.address, 2n * SHARE);
  await depositDay(pool, 2n);
  await depositDay(pool, 3n);
  return firstDeposit;
}

interface Measured {
  transfer: bigint;
  transferNew: bigint;
  mint: bigint;
  deposit2: bigint;
  deposit1000: bigint;
  claim: bigint;
  claimAll: bigint;
  mintNew: bigint;
  firstDeposit: bigint;
  supply: bigint;
}

async function measure(layout: Layout): Promise<Measured> {
  const pool = await deployPool(layout);
  const wide = await deployPool(layout);
  const firstDeposit = await steadyState(pool, 0);
  await steadyState(wide, WIDE_HOLDERS - 2);
  // Same supply, same deposit history: an O(1) deposit costs the same whatever the number of holders.
  const deposit2 = await depositDay(pool, 4n);
  const deposit1000 = await depositDay(wide, 4n);

  const transfer = await gasOf(pool.connect(alice).transfer(bob.address, SHARE));
  const transferNew = await gasOf(pool.connect(alice).transfer(carol.address, SHARE));
  const mint = await gasOf(pool.mint(bob.address, SHARE));
  await depositDay(pool, 5n);
  const claim = await gasOf(pool.connect(alice).claim(wbtc));
  const claimAll = await gasOf(pool.connect(bob).claimAll());
  const mintNew = await gasOf(pool.mint(ethers.Wallet.createRandom().address, SHARE));
  return {
    transfer,
    transferNew,
    mint,
    deposit2,
    deposit1000,
    claim,
    claimAll,
    mintNew,
    firstDeposit,
    supply: await pool.totalSupply(),
  };
}

const results: Measured[] = [];
for (const layout of layouts) results.push(await measure(layout));

const ratio = (gas: bigint) => (Number(gas) / Number(baseline)).toFixed(2);
const rows: [string, (m: Measured) => bigint, string][] = [
  ["share transfer (existing→existing)", (m) => m.transfer, "≤ 1.45"],
  ["share transfer (→new holder)", (m) => m.transferNew, ""],
  ["mint (→existing holder)¹", (m) => m.mint, ""],
  ["deposit, 2 holders", (m) => m.deposit2, ""],
  [`deposit, ${WIDE_HOLDERS.toLocaleString("en-US")} holders`, (m) => m.deposit1000, "= 2 holders"],
  ["claim (one token)", (m) => m.claim, "≤ 1.50"],
  ["claimAll (2 tokens)", (m) => m.claimAll, "≤ 2.00"],
  ["first-touch: mint (→new holder)¹", (m) => m.mintNew, ""],
  ["first-touch: first deposit of a token", (m) => m.firstDeposit, ""],
];

console.log(`Gas, pool with 2 payout tokens (WBTC 8 dec, USDC 6 dec), ${POOL_SHARES} shares while depositing`);
console.log(`| operation | ${layouts.map((l) => `${l.name} gas | ratio`).join(" | ")} | target ratio |`);
console.log(`|---|${layouts.map(() => "---:|---:").join("|")}|---|`);
console.log(`| plain ERC-20 transfer (existing→existing) | ${layouts.map(() => `${baseline} | 1.00`).join(" | ")} | |`);
for (const [name, pick, target] of rows) {
  const cells = results.map((m) => `${pick(m)} | ${ratio(pick(m))}`).join(" | ");
  console.log(`| ${name} | ${cells} | ${target} |`);
}
const exact = results.map((m) => `${(Number(m.deposit1000) / Number(m.deposit2)).toFixed(4)} | `).join(" | ");
console.log(`| deposit(${WIDE_HOLDERS}) / deposit(2) | ${exact} | 1.0000 |`);
console.log("");
console.log("¹ MiningPoolShare's mint also reads the hashrate oracle; PackedRevenueShare's mint has no backing check.");
layouts.forEach((layout, i) => console.log(`Precision, ${layout.name}: ${layout.precision(results[i].supply)}.`));
