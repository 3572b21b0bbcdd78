/**
 * Dashboard benchmark (issue 9), ratios measured in one run:
 * 1. Indexing the simulator's bench run (365 days × 1,000 holders by default) from a `hardhat node`: the indexer's
 *    wall time against fetching the same logs raw (same ranges, same address and topic filter); goal ≤ 1.5×.
 * 2. The investor-view API under a bounded load on loopback (autocannon, 10 connections, 1,000 distinct holders):
 *    requests per second and p99 latency against a static file served by the same server; goal p99 ≤ 50 ms.
 * Run: `npx hardhat run bench/dashboard.ts` (DAYS, HOLDERS, RANGE and SECONDS override 365, 1000, 2000 and 10).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";
import { JsonRpcProvider } from "ethers";

import { E2E_CONFIG, freePort, hardhat, removeDeployment, startNode } from "../e2e/harness.js";
import { formatTable } from "../src/cli/output.js";
import { readFacts } from "../src/dashboard/facts.js";
import { loadPrices } from "../src/dashboard/prices.js";
import { createApp, listen } from "../src/dashboard/server.js";
import { DashboardService } from "../src/dashboard/service.js";
import { indexedTopics } from "../src/indexer/abi.js";
import { openDatabase } from "../src/indexer/database.js";
import { blockNumber, getLogs, httpRpc } from "../src/indexer/rpc.js";

const DAYS = Number(process.env.DAYS ?? 365);
const HOLDERS = Number(process.env.HOLDERS ?? 1_000);
const RANGE = Number(process.env.RANGE ?? 2_000);
const SECONDS = Number(process.env.SECONDS ?? 10);

const work = mkdtempSync(path.join(os.tmpdir(), "hashshare-bench-dashboard-"));
const node = await startNode(await freePort());
const deploymentId = `bench-dashboard-${node.port}`;
try {
  console.log(`Simulating ${DAYS} days × ${HOLDERS} holders on hardhat node ${node.url} (this takes a while)…`);
  const sim = await hardhat(
    [
      "--config",
      E2E_CONFIG,
      "--network",
      "localhost",
      "simulate",
      "--days",
      String(DAYS),
      "--holders",
      String(HOLDERS),
      "--seed",
      "bench",
      "--out",
      path.join(work, "sim"),
      "--quiet",
    ],
    { HASHSHARE_E2E_RPC_URL: node.url, HASHSHARE_DEPLOYMENT_ID: deploymentId },
    4 * 60 * 60 * 1000,
  );
  if (sim.code !== 0) throw new Error(`simulate failed:\n${sim.stderr}`);
  const journal = JSON.parse(readFileSync(path.join(work, "sim", "journal.json"), "utf8")) as {
    contracts: { oracle: string; pool: string; sale: string };
  };
  const addresses = [journal.contracts.oracle, journal.contracts.pool, journal.contracts.sale];
  const rpc = httpRpc(node.url);
  const head = await blockNumber(rpc);
  const chainId = BigInt(String(await rpc.request({ method: "eth_chainId" })));

  const raw = async (): Promise<{ ms: number; logs: number }> => {
    const started = performance.now();
    let logs = 0;
    for (let from = 0; from <= head; from += RANGE) {
      logs += (await getLogs(rpc, addresses, indexedTopics(), from, Math.min(head, from + RANGE - 1))).length;
    }
    return { ms: performance.now() - started, logs };
  };
  const facts = await readFacts(
    journal.contracts,
    new JsonRpcProvider(node.url, undefined, { staticNetwork: true }),
    chainId,
    "localhost",
  );
  const service = async (file: string) =>
    new DashboardService({
      db: await openDatabase({ sqlitePath: file }),
      rpc,
      chainId,
      addresses,
      fromBlock: 0,
      confirmations: 0,
      blockRange: RANGE,
      pollMs: 500,
      facts,
      prices: loadPrices(path.join(work, "sim", "daily.csv")),
      maxPauseDuration: undefined,
    });
  const index = async (round: number): Promise<{ ms: number; service: DashboardService }> => {
    const s = await service(path.join(work, `index-${round}.sqlite`));
    const started = performance.now();
    await s.open();
    const opened = performance.now();
    await s.indexer.syncOnce();
    if (process.env.VERBOSE)
      console.log(`open ${(opened - started).toFixed(0)} ms, sync ${(performance.now() - opened).toFixed(0)} ms`);
    return { ms: performance.now() - started, service: s };
  };

  // Alternate to share any warm-up fairly; keep each side's best.
  const raws = [await raw()];
  const first = await index(1);
  raws.push(await raw());
  const second = await index(2);
  const rawMs = Math.min(...raws.map((r) => r.ms));
  const indexMs = Math.min(first.ms, second.ms);
  await first.service.options.db.close();

  // API under load: the projection of the second index, served on loopback.
  const live = second.service;
  await live.state.reload();
  const holders = [...live.state.balances.keys()].slice(0, 1_000);
  const http = await listen(createApp(live), "127.0.0.1", 0);
  const load = async (paths: string[]) => {
    // autocannon's load runs in a worker thread, so that the client does not share the server's event loop; each
    // connection walks the list of paths in turn.
    const result = await autocannon({
      url: http.url,
      connections: 10,
      workers: 1,
      duration: SECONDS,
      requests: paths.map((p) => ({ method: "GET" as const, path: p })),
    });
    return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
  };
  const staticFile = await load(["/static/app.css"]);
  const investor = await load(holders.map((h) => `/api/investor/${h}`));
  await http.close();
  await live.options.db.close();

  console.log(`\nDashboard benchmark: ${DAYS} days × ${HOLDERS} holders, ${head + 1} blocks, ${raws[0]!.logs} logs\n`);
  console.log(
    formatTable(
      ["measure", "value", "goal"],
      [
        ["fetch the logs raw (eth_getLogs, ms)", rawMs.toFixed(0), ""],
        ["index them (fetch, decode, store in SQLite, ms)", indexMs.toFixed(0), ""],
        ["ratio index / raw", (indexMs / rawMs).toFixed(2), "≤ 1.5"],
        [
          `static file: req/s, p99 ms (${SECONDS} s, 10 connections)`,
          `${staticFile.rps.toFixed(0)}, ${staticFile.p99}`,
          "",
        ],
        [
          `investor view, ${holders.length} holders: req/s, p99 ms`,
          `${investor.rps.toFixed(0)}, ${investor.p99}`,
          "p99 ≤ 50",
        ],
        ["ratio p99 investor / static", (investor.p99 / Math.max(1, staticFile.p99)).toFixed(2), ""],
        ["errors (investor, static)", `${investor.errors}, ${staticFile.errors}`, "0"],
      ],
      [1],
    ),
  );
} finally {
  await node.stop();
  await removeDeployment(deploymentId);
  rmSync(work, { recursive: true, force: true });
}
