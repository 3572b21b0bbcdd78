/**
 * Simulator benchmark (the simulator's performance targets), on the in-process network:
 * 1. a 365-day run with 1,000 holders — wall time (target < 60 s on 2 cores) and where the time goes;
 * 2. its time per transaction against plain ERC-20 transfers sent the same way (raw `eth_sendTransaction` from
 *    impersonated accounts, through the same sender) on the same chain right after it — target within 1.5x;
 * 3. the per-day cost of distribution (the day's deposit transactions) with 1,000 and with 2,000 holders — the
 *    ratio should be ~1.0, since a deposit is O(1) in the number of holders; its gas is shown too. Measured after
 *    both runs, in 16 rounds of 100 deposits alternating between the two pools (median round), so that machine load
 *    weighs on both alike.
 *
 * Run: `npx hardhat run bench/simulator.ts` (DAYS, HOLDERS, HOLDERS_2 and SCENARIO override 365, 1000, 2000 and
 * scenarios/demo.json).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { formatTable } from "../src/cli/output.js";
import { unitsPerToken } from "../src/tokens.js";
import {
  ChainClient,
  investorAddress,
  readScenarioFile,
  runSimulation,
  simInterfaces,
  TxSender,
  type RunResult,
} from "../src/sim/index.js";
import { MockERC20__factory } from "../typechain-types/index.js";
import { BENCH_SCENARIO } from "./scenario.js";

const DAYS = Number(process.env.DAYS ?? 365);
const HOLDERS = Number(process.env.HOLDERS ?? 1_000);
const HOLDERS_2 = Number(process.env.HOLDERS_2 ?? 2_000);
const PLAIN_TRANSFERS = 3_000;
/** The demo scenario unless SCENARIO names another (see bench/scenario.ts for why). */
const SCENARIO = BENCH_SCENARIO;

const { scenario, sha256 } = readScenarioFile(SCENARIO);

async function timedRun(
  holders: number,
): Promise<{ result: RunResult; wallMs: number; connection: NetworkConnection }> {
  const started = performance.now();
  const connection = await network.create();
  const result = await runSimulation(connection, {
    days: DAYS,
    seed: "bench",
    policy: "arbitrage",
    holders,
    scenario,
    scenarioPath: SCENARIO,
    scenarioSha256: sha256,
    out: mkdtempSync(path.join(os.tmpdir(), `hashshare-bench-${holders}-`)),
    fresh: true,
    parametersPath: "ignition/parameters/local.json",
    quiet: true,
  });
  return { result, wallMs: performance.now() - started, connection };
}

/**
 * Extra WBTC deposits on a finished run's pool (new epochs after the run), sent like the simulator's: the distribution
 * cost measured on the final holder base, away from the run's other traffic.
 */
async function distributor(connection: NetworkConnection, result: RunResult) {
  const client = new ChainClient(connection.provider);
  const ifaces = simInterfaces();
  const journal = JSON.parse(readFileSync(result.files.journal, "utf8")) as {
    contracts: { pool: string; wbtc: string };
    roles: { distributor: string };
  };
  const { pool, wbtc } = journal.contracts;
  const from = journal.roles.distributor;
  const sender = await TxSender.create(client);
  await sender.prepare(from);
  const mint = ifaces.token.encodeFunctionData("mint", [from, 10_000n * unitsPerToken("wbtc")]);
  await sender.send(from, wbtc, mint, () => "faucet", ifaces.errors);
  // The run approved the pool only for the tokens it deposited (a run whose mining never paid deposited no WBTC).
  const approve = ifaces.token.encodeFunctionData("approve", [pool, 2n ** 256n - 1n]);
  await sender.send(from, wbtc, approve, () => "approve", ifaces.errors);
  let epoch = DAYS + 1;
  const depositData = (e: number): string => ifaces.pool.encodeFunctionData("depositRevenue", [wbtc, 1_234_567n, 0, e]);
  return {
    /** Gas of the next deposit (eth_estimateGas: nothing is sent). */
    gas: async (): Promise<bigint> =>
      BigInt(await client.request<string>("eth_estimateGas", [{ from, to: pool, data: depositData(epoch) }])),
    /** Sends `count` deposits; returns the milliseconds per deposit. */
    deposit: async (count: number): Promise<number> => {
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        await sender.send(from, pool, depositData(epoch++), () => "deposit", ifaces.errors);
      }
      return (performance.now() - started) / count;
    },
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Plain ERC-20 transfers between impersonated accounts, sent exactly like the simulator's transactions. */
async function plainTransfers(connection: NetworkConnection): Promise<number> {
  const client = new ChainClient(connection.provider);
  const sender = await TxSender.create(client);
  const ifaces = simInterfaces();
  const [deployer] = await client.accounts();
  const token = await new MockERC20__factory((await connection.ethers.getSigners())[0]).deploy("Plain", "PLN", 18);
  await token.waitForDeployment();
  const address = await token.getAddress();
  const accounts = Array.from({ length: 200 }, (_, i) => investorAddress(1_000_000 + i));
  await sender.prepare(deployer!);
  for (const account of accounts) {
    await sender.prepare(account);
    await sender.send(
      deployer!,
      address,
      ifaces.token.encodeFunctionData("mint", [account, 10n ** 24n]),
      () => "mint",
      ifaces.errors,
    );
  }
  const started = performance.now();
  for (let i = 0; i < PLAIN_TRANSFERS; i++) {
    const from = accounts[i % accounts.length]!;
    const to = accounts[(i * 7 + 3) % accounts.length]!;
    const data = ifaces.token.encodeFunctionData("transfer", [to, 1_000n + BigInt(i)]);
    await sender.send(from, address, data, () => "transfer", ifaces.errors);
  }
  return (performance.now() - started) / PLAIN_TRANSFERS;
}

const ms = (value: number): string => value.toFixed(0);
const perTx = (value: number): string => value.toFixed(3);

const first = await timedRun(HOLDERS);
const s = first.result.stats;
const plainMsPerTx = await plainTransfers(first.connection);
const second = await timedRun(HOLDERS_2);

// Distribution with 1,000 vs 2,000 holders: rounds of deposits alternating between the two pools, so that both see
// the same machine load; the median round is kept.
const distributors = [
  await distributor(first.connection, first.result),
  await distributor(second.connection, second.result),
];
const gas1 = await distributors[0]!.gas();
const gas2 = await distributors[1]!.gas();
const rounds: Array<[number, number]> = [];
for (let round = 0; round < 16; round++) {
  // Alternate which pool goes first, so that neither always follows the other.
  if (round % 2 === 0) {
    const a = await distributors[0]!.deposit(100);
    rounds.push([a, await distributors[1]!.deposit(100)]);
  } else {
    const b = await distributors[1]!.deposit(100);
    rounds.push([await distributors[0]!.deposit(100), b]);
  }
}
const deposit1 = median(rounds.map(([a]) => a));
const deposit2 = median(rounds.map(([, b]) => b));
await first.connection.close();
await second.connection.close();
for (const run of [first, second]) rmSync(run.result.out, { recursive: true, force: true });

// The day loop: everything the simulator does per day (model, planning, accounts, journal, time, sending).
const loopMs = s.planMs + s.prepareMs + s.journalMs + s.otherRpcMs + s.sendMs;
const simMsPerTx = loopMs / s.transactions;
const wholeMsPerTx = first.wallMs / s.transactions;
const depositsPerDay = s.deposits / s.daysSent;

console.log(`\nSimulator benchmark: ${DAYS} days, arbitrage, ${SCENARIO}, in-process network\n`);
console.log(
  formatTable(
    ["measure", "value", "target"],
    [
      [
        `${DAYS}-day run, ${HOLDERS} holders (wall, incl. deploy + read-back + outputs)`,
        `${(first.wallMs / 1000).toFixed(1)} s`,
        "< 60 s",
      ],
      ["transactions sent", String(s.transactions), ""],
      ["simulator: ms per transaction (day loop)", perTx(simMsPerTx), ""],
      ["simulator: ms per transaction (whole run)", perTx(wholeMsPerTx), ""],
      ["plain ERC-20 transfer, same sender: ms per transaction", perTx(plainMsPerTx), ""],
      ["ratio simulator (day loop) / plain transfer", `${(simMsPerTx / plainMsPerTx).toFixed(2)}x`, "≤ 1.5x"],
      [
        `distribution per day (${depositsPerDay.toFixed(2)} deposits), ${HOLDERS} holders: ms`,
        (deposit1 * depositsPerDay).toFixed(3),
        "",
      ],
      [
        `distribution per day (${depositsPerDay.toFixed(2)} deposits), ${HOLDERS_2} holders: ms`,
        (deposit2 * depositsPerDay).toFixed(3),
        "",
      ],
      [`ratio ${HOLDERS_2} / ${HOLDERS} holders`, `${(deposit2 / deposit1).toFixed(2)}`, "~1.0"],
      [`gas of one more WBTC deposit, ${HOLDERS} / ${HOLDERS_2} holders`, `${gas1} / ${gas2}`, "O(1)"],
    ],
    [1],
  ),
);
console.log(`\nWhere the time of the ${HOLDERS}-holder run goes (ms):\n`);
const rows: Array<[string, number]> = [
  ["connect + deploy (Ignition, HashShareLocal)", first.wallMs - s.totalMs + s.deployMs],
  ["model + planning (pure TS, incl. investor decisions)", s.planMs],
  ["account setup (impersonate, fund, read nonces)", s.prepareMs],
  ["sending transactions (JSON-RPC + EVM + mining; no JS signing)", s.sendMs],
  ["  of which the deposits (distribution)", s.depositMs],
  ["journal writes (one atomic write a day)", s.journalMs],
  ["time travel (one RPC a day)", s.otherRpcMs],
  ["read-back of every account and total", s.verifyMs],
  ["outputs (CSV, JSON, Vega SVG, HTML)", s.outputMs],
];
console.log(
  formatTable(
    ["phase", "ms", "share"],
    rows.map(([label, value]) => [label, ms(value), `${((value / first.wallMs) * 100).toFixed(1)}%`]),
    [1, 2],
  ),
);
console.log(`\nTime per transaction by kind (${HOLDERS}-holder run) against the plain ERC-20 transfer:\n`);
console.log(
  formatTable(
    ["operation", "count", "ms / tx", "x plain"],
    Object.entries(s.byKind).map(([kind, { count, ms: total }]) => [
      kind,
      String(count),
      perTx(total / count),
      `${(total / count / plainMsPerTx).toFixed(2)}x`,
    ]),
    [1, 2, 3],
  ),
);
console.log(
  `\nSecond run (${HOLDERS_2} holders): ${(second.wallMs / 1000).toFixed(1)} s, ${second.result.stats.transactions} transactions.`,
);
