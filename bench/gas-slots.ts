/**
 * Where the gas of each design's hot paths goes, storage slot kind by slot kind: the transactions `bench/gas.ts`
 * measures (same steady state, `bench/gas/scenario.ts`), traced opcode by opcode (`bench/gas/trace.ts`). For each
 * design and operation it prints the total, the pool's storage accesses (cold / warm reads, writes by cost,
 * transient lock), the payout token's storage, the logs, and the rest (intrinsic 21,000 + calldata, execution,
 * calls).
 *
 * Run: `npx hardhat run bench/gas-slots.ts` (DESIGN=<name part> limits it to matching designs).
 */
import { network } from "hardhat";

import { designs } from "./gas/designs.js";
import { setUpBench, type Operation } from "./gas/scenario.js";
import { accountTx, summarize } from "./gas/trace.js";

const TRACED: readonly Operation[] = ["transfer", "mint", "deposit2", "claim", "claimAll"];
const only = process.env.DESIGN ?? "";

const { ethers } = await network.create();
const bench = await setUpBench(ethers);
const { wbtc, usdc, oracle } = bench.context;
const names = new Map<string, string>([
  [(await wbtc.getAddress()).toLowerCase(), "WBTC"],
  [(await usdc.getAddress()).toLowerCase(), "USDC"],
  [(await oracle.getAddress()).toLowerCase(), "oracle"],
]);

for (const design of designs(bench.context).filter((d) => d.name.includes(only))) {
  console.log(`${design.name}`);
  await bench.measure(design, async (_design, operation, tx) => {
    if (!TRACED.includes(operation) || tx.to === null) return;
    const account = await accountTx(ethers, tx.hash, new Map([...names, [tx.to.toLowerCase(), "pool"]]));
    console.log(`  ${operation}: ${account.gasUsed} gas`);
    let accounted = 0;
    for (const contract of ["pool", "oracle", "WBTC", "USDC"]) {
      const { parts, gas } = summarize(account, contract);
      if (parts.length === 0) continue;
      console.log(`    ${`${contract} storage`.padEnd(15)} ${gas.toString().padStart(6)}  ${parts.join("; ")}`);
      accounted += gas;
    }
    const logGas = account.logs.reduce((sum, log) => sum + log.gas, 0);
    console.log(
      `    ${"logs".padEnd(15)} ${logGas.toString().padStart(6)}  ${account.logs.map((l) => `${l.contract} ${l.gas}`).join("; ")}`,
    );
    const rest = Number(account.gasUsed) - accounted - logGas;
    console.log(
      `    ${"the rest".padEnd(15)} ${rest.toString().padStart(6)}  intrinsic 21000 + calldata, execution, calls`,
    );
  });
}
