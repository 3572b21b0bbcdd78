/**
 * Gas benchmark: HashShare's hot paths for a pool with two payout tokens (8-decimal WBTC, 6-decimal USDC), for three
 * revenue-sharing designs measured in the same run (see `bench/gas/designs.ts`), each as a ratio to a plain
 * OpenZeppelin ERC-20 transfer (existing → existing) measured in that run:
 *  - MiningPoolShare, the deployed contract: exact over the SPEC's whole range;
 *  - the ERC-1726 peer (DividendPayingToken, contracts/bench, BENCHMARK ONLY): the usual way of paying revenue to an
 *    ERC-20's holders, what MiningPoolShare should cost no more than on transfer, claim and claimAll;
 *  - PackedRevenueShare (contracts/bench, BENCHMARK ONLY): both tokens in 128-bit lanes of one slot, with the
 *    precision limits printed under the table.
 *
 * Every design is driven through the same steady state of a live pool: holders bought before the first deposit,
 * revenue has been deposited for several epochs (both tokens), holders have claimed before (so their payout-token
 * balances are non-zero) and have traded (so their revenue corrections are non-zero). First-touch costs
 * (zero → non-zero storage) are listed apart.
 *
 * Deposits with 2 and with 1,000 holders are measured on two pools per design with the same total supply and the
 * same deposit history, so an O(1) deposit costs exactly the same in both.
 *
 * Run: `npm run bench` (or `npx hardhat run bench/gas.ts`). With `BENCH_GAS_JSON=<file>` it also writes every
 * figure (gas and ratios) to that file as JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { network } from "hardhat";

import { toJson } from "../src/cli/output.js";
import { ONE_SHARE } from "../src/tokens.js";
import type { BatchMinter, HashrateOracle, MockERC20 } from "../typechain-types/index.js";
import { designs, type BenchPool, type Design } from "./gas/designs.js";

const { ethers } = await network.create();

const SHARE = ONE_SHARE;
/** Total supply of every benchmarked pool while the deposits are measured: 1,000 shares. */
const POOL_SHARES = 1_000n;
const WIDE_HOLDERS = 1_000;
/** Holders minted per BatchMinter transaction (~114k gas each for a new holder: well inside one block). */
const MINT_BATCH = 100;
const JSON_FILE = process.env.BENCH_GAS_JSON;

const [admin, alice, bob, carol] = await ethers.getSigners();

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

/** Deposits one day of revenue (WBTC from mining, USDC from AI); returns the gas of the WBTC deposit. */
async function depositDay(pool: BenchPool, epoch: bigint): Promise<bigint> {
  const gas = await gasOf(pool.deposit(wbtc, 12_345_679n, 0, epoch));
  await pool.deposit(usdc, 987_654_321n, 1, epoch);
  return gas;
}

/**
 * Brings a pool to the steady state: POOL_SHARES shares minted before the first deposit (alice and bob, plus
 * `others` generated holders of one share each), three days of revenue, claims and trades in between.
 * Returns the gas of the very first deposit of a token.
 */
async function steadyState(pool: BenchPool, others: number): Promise<bigint> {
  const each = (POOL_SHARES - BigInt(others)) / 2n;
  await pool.mint(alice.address, each * SHARE);
  await pool.mint(bob.address, each * SHARE);
  const seed = ethers.id(`holders of ${pool.address}`);
  for (let first = 0; first < others; first += MINT_BATCH) {
    await batchMinter.mintMany(pool.address, seed, first, Math.min(MINT_BATCH, others - first), SHARE);
  }
  if ((await pool.totalSupply()) !== POOL_SHARES * SHARE) throw new Error("bench: unexpected supply");
  const firstDeposit = await depositDay(pool, 1n);
  await pool.claimAll(alice);
  await pool.claimAll(bob);
  await pool.transfer(alice, bob.address, SHARE);
  await pool.transfer(bob, alice.address, 2n * SHARE);
  await depositDay(pool, 2n);
  await depositDay(pool, 3n);
  return firstDeposit;
}

const OPERATIONS = [
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
type Operation = (typeof OPERATIONS)[number];
type Measured = Record<Operation, bigint>;

async function measure(design: Design): Promise<{ gas: Measured; supply: bigint }> {
  const context = { ethers, admin, oracle, batchMinter, wbtc, usdc };
  const pool = await design.deploy(context);
  const wide = await design.deploy(context);
  const firstDeposit = await steadyState(pool, 0);
  await steadyState(wide, WIDE_HOLDERS - 2);
  // Same supply, same deposit history: an O(1) deposit costs the same whatever the number of holders.
  const deposit2 = await depositDay(pool, 4n);
  const deposit1000 = await depositDay(wide, 4n);

  const transfer = await gasOf(pool.transfer(alice, bob.address, SHARE));
  const transferNew = await gasOf(pool.transfer(alice, carol.address, SHARE));
  const mint = await gasOf(pool.mint(bob.address, SHARE));
  await depositDay(pool, 5n);
  const claim = await gasOf(pool.claim(alice, wbtc));
  const claimAll = await gasOf(pool.claimAll(bob));
  const mintNew = await gasOf(pool.mint(ethers.Wallet.createRandom().address, SHARE));
  const gas = { transfer, transferNew, mint, deposit2, deposit1000, claim, claimAll, mintNew, firstDeposit };
  return { gas, supply: await pool.totalSupply() };
}

const all = designs({ ethers, admin, oracle, batchMinter, wbtc, usdc });
const [pool, peer, packed] = all;
const results = new Map<Design, { gas: Measured; supply: bigint }>();
for (const design of all) results.set(design, await measure(design));
const gasOfDesign = (design: Design): Measured => results.get(design)!.gas;

const ratio = (gas: bigint) => Number(gas) / Number(baseline);
const versus = (gas: bigint, reference: bigint) => {
  const percent = ((Number(gas) - Number(reference)) / Number(reference)) * 100;
  return `${percent >= 0 ? "+" : "−"}${Math.abs(percent).toFixed(1)} %`;
};

/** Each operation's row title and its ceiling (issue #7: no operation may cost more than in the first release). */
const ROWS: Record<Operation, [string, string]> = {
  transfer: ["share transfer (existing→existing)", "≤ 1.81 and ≤ peer"],
  transferNew: ["share transfer (→new holder)", ""],
  mint: ["mint (→existing holder)¹", ""],
  deposit2: ["deposit, 2 holders", "≤ 2.78"],
  deposit1000: [`deposit, ${WIDE_HOLDERS.toLocaleString("en-US")} holders`, "= 2 holders"],
  claim: ["claim (one token)", "≤ 1.61 and ≤ peer"],
  claimAll: ["claimAll (2 tokens)", "≤ 2.37 and ≤ peer"],
  mintNew: ["first-touch: mint (→new holder)¹", ""],
  firstDeposit: ["first-touch: first deposit of a token", ""],
};

const cells = (design: Design, op: Operation) => {
  const gas = gasOfDesign(design)[op];
  return `${gas} | ${ratio(gas).toFixed(2)}`;
};
console.log(`Gas, pool with 2 payout tokens (WBTC 8 dec, USDC 6 dec), ${POOL_SHARES} shares while depositing`);
console.log("");
console.log(
  `| operation | ${pool.name} gas | ratio | ${peer.name} gas | ratio | ${pool.name} vs peer ` +
    `| ${packed.name} gas | ratio | ceiling (ratio) |`,
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
console.log(
  `| plain ERC-20 transfer (existing→existing) | ${baseline} | 1.00 | ${baseline} | 1.00 | | ${baseline} | 1.00 | |`,
);
for (const op of OPERATIONS) {
  const [title, ceiling] = ROWS[op];
  const diff = versus(gasOfDesign(pool)[op], gasOfDesign(peer)[op]);
  console.log(`| ${title} | ${cells(pool, op)} | ${cells(peer, op)} | ${diff} | ${cells(packed, op)} | ${ceiling} |`);
}
const flat = (design: Design) =>
  (Number(gasOfDesign(design).deposit1000) / Number(gasOfDesign(design).deposit2)).toFixed(4);
console.log(
  `| deposit(${WIDE_HOLDERS}) / deposit(2) | | ${flat(pool)} | | ${flat(peer)} | | | ${flat(packed)} | 1.0000 |`,
);
console.log("");
console.log(
  `¹ ${pool.name}'s mint also checks the hashrate oracle's report; the peer's and ${packed.name}'s mint have no ` +
    `backing check.`,
);
for (const design of all) console.log(`Precision, ${design.name}: ${design.precision(results.get(design)!.supply)}.`);

if (JSON_FILE !== undefined && JSON_FILE !== "") {
  const json = {
    baseline,
    designs: Object.fromEntries(
      all.map((design) => [
        design.key,
        {
          name: design.name,
          gas: gasOfDesign(design),
          ratio: Object.fromEntries(OPERATIONS.map((op) => [op, Number(ratio(gasOfDesign(design)[op]).toFixed(4))])),
        },
      ]),
    ),
  };
  mkdirSync(path.dirname(path.resolve(JSON_FILE)), { recursive: true });
  writeFileSync(JSON_FILE, `${toJson(json)}\n`);
  console.log(`Wrote ${JSON_FILE}`);
}
