/**
 * Gas benchmark: HashShare's hot paths for a pool with two payout tokens (8-decimal WBTC, 6-decimal USDC), for
 * several revenue-sharing designs measured in the same run (see `bench/gas/designs.ts`), each as a ratio to a plain
 * OpenZeppelin ERC-20 transfer (existing → existing) measured in that run:
 *  - MiningPoolShare, the deployed contract: exact over the SPEC's whole range;
 *  - the ERC-1726 peer (DividendPayingToken, contracts/bench, BENCHMARK ONLY): the usual way of paying revenue to an
 *    ERC-20's holders, what MiningPoolShare should cost no more than on transfer, claim and claimAll;
 *  - and, in a second table, the layouts studied to get there (contracts/bench, BENCHMARK ONLY).
 *
 * Every design is driven through the same steady state of a live pool (`bench/gas/scenario.ts`): holders bought
 * before the first deposit, revenue has been deposited for several epochs (both tokens), holders have claimed
 * before (so their payout-token balances are non-zero) and have traded (so their revenue corrections are non-zero).
 * First-touch costs (zero → non-zero storage) are listed apart. Deposits with 2 and with 1,000 holders are
 * measured on two pools per design with the same total supply and the same deposit history, so an O(1) deposit
 * costs exactly the same in both.
 *
 * Run: `npm run bench` (or `npx hardhat run bench/gas.ts`). With `BENCH_GAS_JSON=<file>` it also writes every
 * figure (gas and ratios) to that file as JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { network } from "hardhat";

import { toJson } from "../src/cli/output.js";
import { designs, type Design } from "./gas/designs.js";
import { OPERATIONS, POOL_SHARES, setUpBench, WIDE_HOLDERS, type Measured, type Operation } from "./gas/scenario.js";

const JSON_FILE = process.env.BENCH_GAS_JSON;

const { ethers } = await network.create();
const bench = await setUpBench(ethers);
const { baseline } = bench;

const all = designs(bench.context);
const results = new Map<Design, { gas: Measured; supply: bigint }>();
for (const design of all) results.set(design, await bench.measure(design));
const gasOf = (design: Design): Measured => results.get(design)!.gas;
const byKey = (key: string): Design => all.find((design) => design.key === key)!;
const pool = byKey("miningPoolShare");
const peer = byKey("erc1726Peer");
const studies = all.filter((design) => design !== pool && design !== peer);

const ratio = (gas: bigint) => Number(gas) / Number(baseline);
const versusPeer = (design: Design, op: Operation) => {
  const reference = Number(gasOf(peer)[op]);
  const percent = ((Number(gasOf(design)[op]) - reference) / reference) * 100;
  return `${percent >= 0 ? "+" : "−"}${Math.abs(percent).toFixed(1)} %`;
};
const cells = (design: Design, op: Operation) => [`${gasOf(design)[op]}`, ratio(gasOf(design)[op]).toFixed(2)];
const flat = (design: Design) => (Number(gasOf(design).deposit1000) / Number(gasOf(design).deposit2)).toFixed(4);
const row = (cells: readonly string[]) => console.log(`| ${cells.join(" | ")} |`);

/**
 * Each operation's row title and its ceilings (issue #7): the first release's ratio, which no operation may exceed,
 * and, for transfer, claim and claimAll, the peer's gas.
 */
const ROWS: Record<Operation, { title: string; ratio?: number; peer?: true }> = {
  transfer: { title: "share transfer (existing→existing)", ratio: 1.81, peer: true },
  transferNew: { title: "share transfer (→new holder)" },
  mint: { title: "mint (→existing holder)¹", ratio: 1.82 },
  deposit2: { title: "deposit, 2 holders", ratio: 2.78 },
  deposit1000: { title: `deposit, ${WIDE_HOLDERS.toLocaleString("en-US")} holders`, ratio: 2.78 },
  claim: { title: "claim (one token)", ratio: 1.61, peer: true },
  claimAll: { title: "claimAll (2 tokens)", ratio: 2.37, peer: true },
  mintNew: { title: "first-touch: mint (→new holder)¹" },
  firstDeposit: { title: "first-touch: first deposit of a token" },
};
const ceiling = (op: Operation) =>
  [ROWS[op].ratio === undefined ? "" : `≤ ${ROWS[op].ratio.toFixed(2)}`, ROWS[op].peer ? "≤ peer" : ""]
    .filter((part) => part !== "")
    .join(" and ");
/** The operations where `design` is above a ceiling, e.g. "claimAll (2 tokens) 2.38 > 2.37". */
const overCeilings = (design: Design): string[] =>
  OPERATIONS.flatMap((op) => {
    const measured = ratio(gasOf(design)[op]).toFixed(2);
    const { title, ratio: limit, peer: vsPeer } = ROWS[op];
    const over: string[] = [];
    if (limit !== undefined && Number(measured) > limit) over.push(`${title} ${measured} > ${limit.toFixed(2)}`);
    if (vsPeer && gasOf(design)[op] > gasOf(peer)[op]) over.push(`${title} ${versusPeer(design, op)} vs peer`);
    return over;
  });

console.log(`Gas, pool with 2 payout tokens (WBTC 8 dec, USDC 6 dec), ${POOL_SHARES} shares while depositing`);
console.log("");
row(["operation", `${pool.name} gas`, "ratio", `${peer.name} gas`, "ratio", `${pool.name} vs peer`, "ceiling (ratio)"]);
row(["---", "---:", "---:", "---:", "---:", "---:", "---"]);
row(["plain ERC-20 transfer (existing→existing)", `${baseline}`, "1.00", `${baseline}`, "1.00", "", ""]);
for (const op of OPERATIONS) {
  row([ROWS[op].title, ...cells(pool, op), ...cells(peer, op), versusPeer(pool, op), ceiling(op)]);
}
row([`deposit(${WIDE_HOLDERS}) / deposit(2)`, "", flat(pool), "", flat(peer), "", "= 1.0000"]);
console.log("");
console.log(
  `¹ ${pool.name}'s mint also checks the hashrate oracle's report; the other designs have no backing check. ` +
    `Ceilings: the first release's ratios, which no operation may exceed, and the peer's.`,
);

if (studies.length > 0) {
  console.log("");
  console.log(`Layouts studied (benchmark only, contracts/bench), same run, same baseline (${baseline} gas = 1.00):`);
  console.log("");
  row(["operation", ...studies.flatMap((design) => [`${design.name} gas`, "ratio", "vs peer"])]);
  row(["---", ...studies.flatMap(() => ["---:", "---:", "---:"])]);
  for (const op of OPERATIONS) {
    row([ROWS[op].title, ...studies.flatMap((design) => [...cells(design, op), versusPeer(design, op)])]);
  }
  row([`deposit(${WIDE_HOLDERS}) / deposit(2)`, ...studies.flatMap((design) => ["", flat(design), ""])]);
}
console.log("");
for (const design of [pool, ...studies]) {
  const over = overCeilings(design);
  console.log(`Above a ceiling, ${design.name}: ${over.length === 0 ? "none" : over.join("; ")}.`);
}
for (const design of all) console.log(`Precision, ${design.name}: ${design.precision(results.get(design)!.supply)}.`);

if (JSON_FILE !== undefined && JSON_FILE !== "") {
  const json = {
    baseline,
    designs: Object.fromEntries(
      all.map((design) => [
        design.key,
        {
          name: design.name,
          gas: Object.fromEntries(OPERATIONS.map((op) => [op, gasOf(design)[op]])),
          ratio: Object.fromEntries(OPERATIONS.map((op) => [op, Number(ratio(gasOf(design)[op]).toFixed(4))])),
        },
      ]),
    ),
  };
  mkdirSync(path.dirname(path.resolve(JSON_FILE)), { recursive: true });
  writeFileSync(JSON_FILE, `${toJson(json)}\n`);
  console.log(`Wrote ${JSON_FILE}`);
}
