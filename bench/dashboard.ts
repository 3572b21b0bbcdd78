/**
 * Dashboard benchmark, ratios measured in one run:
 * 1. Indexing the simulator's bench run (365 days × 1,000 holders by default) from a `hardhat node`: the indexer's
 *    wall time against fetching the same logs raw (same ranges, same address and topic filter); goal ≤ 1.5×.
 * 2. The investor-view API under a bounded load on loopback (autocannon, 10 connections, 1,000 distinct holders):
 *    requests per second and p99 latency against a static file served by the same server; goal p99 ≤ 50 ms.
 * Run: `npx hardhat run bench/dashboard.ts` (DAYS, HOLDERS, RANGE, SECONDS and SCENARIO override 365, 1000, 2000, 10
 * and the simulator bench's scenarios/demo.json; e.g. `DAYS=30 HOLDERS=200 npx hardhat run bench/dashboard.ts` for a quick run). To measure again over a chain
 * already simulated, give BENCH_RPC_URL (a node that ran `simulate`) and BENCH_SIM_DIR (that run's `--out` folder).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";
import { parse } from "csv-parse/sync";
import { JsonRpcProvider, getAddress } from "ethers";

import { E2E_CONFIG, ROOT, freePort, hardhat, removeDeployment, startNode } from "../e2e/harness.js";
import { formatTable } from "../src/cli/output.js";
import { readFacts } from "../src/dashboard/facts.js";
import { investorView } from "../src/dashboard/investor.js";
import { loadPrices } from "../src/dashboard/prices.js";
import { createApp, listen } from "../src/dashboard/server.js";
import { DashboardService } from "../src/dashboard/service.js";
import { Indexer } from "../src/indexer/indexer.js";
import { readDeployedAddresses, resolveHashShareAddresses } from "../src/deployment/index.js";
import { indexedTopics } from "../src/indexer/abi.js";
import { openDatabase } from "../src/indexer/database.js";
import { blockNumber, getLogs, httpRpc } from "../src/indexer/rpc.js";
import { BENCH_SCENARIO } from "./scenario.js";

const DAYS = Number(process.env.DAYS ?? 365);
const HOLDERS = Number(process.env.HOLDERS ?? 1_000);
const RANGE = Number(process.env.RANGE ?? 2_000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const SCENARIO = BENCH_SCENARIO;

const work = mkdtempSync(path.join(os.tmpdir(), "hashshare-bench-dashboard-"));
const reuse = process.env.BENCH_RPC_URL !== undefined && process.env.BENCH_SIM_DIR !== undefined;
const node = reuse ? undefined : await startNode(await freePort());
const url = node?.url ?? process.env.BENCH_RPC_URL!;
const simDir = reuse ? process.env.BENCH_SIM_DIR! : path.join(work, "sim");
let deploymentId: string | undefined; // the simulator deploys under an Ignition deployment ID of its own
try {
  if (node === undefined) {
    console.log(`Measuring the chain of ${url} (simulator run ${simDir})…`);
  } else {
    console.log(`Simulating ${DAYS} days × ${HOLDERS} holders on hardhat node ${url} (this takes a while)…`);
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
        "--scenario",
        SCENARIO,
        "--out",
        simDir,
        "--quiet",
      ],
      { HASHSHARE_E2E_RPC_URL: url, HASHSHARE_DEPLOYMENT_ID: undefined },
      4 * 60 * 60 * 1000,
    );
    if (sim.code !== 0) throw new Error(`simulate failed:\n${sim.stderr}`);
  }
  const journal = JSON.parse(readFileSync(path.join(simDir, "journal.json"), "utf8")) as {
    contracts: { oracle: string; pool: string; sale: string };
    chain: { deploymentId: string };
  };
  const summary = JSON.parse(readFileSync(path.join(simDir, "summary.json"), "utf8")) as unknown;
  const size = describeRun(summary);
  // The contracts the dashboard task follows: those of the deployment, with its timelock.
  const id = journal.chain.deploymentId;
  if (node !== undefined) deploymentId = id;
  const deployed = resolveHashShareAddresses(
    await readDeployedAddresses(path.join(ROOT, "ignition", "deployments", id)),
  );
  const addresses = [
    deployed.oracle,
    deployed.pool,
    deployed.sale,
    ...(deployed.timelock === undefined ? [] : [deployed.timelock]),
  ];
  const rpc = httpRpc(url);
  const head = await blockNumber(rpc);
  const chainId = BigInt(String(await rpc.request({ method: "eth_chainId" })));

  // The same logs as the index holds: the same ranges, the addresses it followed (with the timelock), the same topics.
  const raw = async (followed: readonly string[]): Promise<{ ms: number; logs: number }> => {
    const started = performance.now();
    let logs = 0;
    for (let from = 0; from <= head; from += RANGE) {
      logs += (await getLogs(rpc, followed, indexedTopics(), from, Math.min(head, from + RANGE - 1))).length;
    }
    return { ms: performance.now() - started, logs };
  };
  const facts = await readFacts(
    journal.contracts,
    new JsonRpcProvider(url, undefined, { staticNetwork: true }),
    chainId,
    "localhost",
  );
  // How both the service and the indexer alone read the run's chain.
  const indexing = { rpc, chainId, addresses, fromBlock: 0, confirmations: 0, blockRange: RANGE, pollMs: 500 };
  const service = async (file: string) =>
    new DashboardService({
      ...indexing,
      db: await openDatabase({ sqlitePath: file }),
      facts,
      prices: loadPrices(path.join(simDir, "daily.csv")),
      maxPauseDuration: undefined,
    });
  // The indexer alone (the dashboard's projection of the index is not part of indexing).
  const index = async (round: number): Promise<{ ms: number; followed: readonly string[] }> => {
    const db = await openDatabase({ sqlitePath: path.join(work, `index-${round}.sqlite`) });
    const indexer = new Indexer({ ...indexing, db });
    const started = performance.now();
    await indexer.open();
    await indexer.syncOnce();
    const ms = performance.now() - started;
    await db.close();
    return { ms, followed: indexer.followed };
  };

  // Alternate to share any warm-up fairly; keep each side's best. The first index is cold (nothing remembered yet,
  // e.g. address checksums); it is shown apart.
  const first = await index(1);
  const raws = [await raw(first.followed)];
  const second = await index(2);
  raws.push(await raw(first.followed));
  const third = await index(3);
  const rawMs = Math.min(...raws.map((r) => r.ms));
  const indexMs = Math.min(second.ms, third.ms);

  // API under load: the dashboard over the last index, served on loopback.
  const live = await service(path.join(work, "index-3.sqlite"));
  await live.open();
  // 1,000 distinct holders: the run's investors (then any other account that held shares, if there are fewer).
  const investors = parse(readFileSync(path.join(simDir, "investors.csv"), "utf8"), { columns: true }) as Array<{
    address: string;
  }>;
  const holders = [
    ...new Set([...investors.map((i) => getAddress(i.address)), ...[...live.state.balances.keys()].map(getAddress)]),
  ].slice(0, 1_000);
  // The investor view built from the projection, once per holder, as a request that misses the cache builds it.
  const coldStarted = performance.now();
  for (const holder of holders) JSON.stringify(investorView(live.viewContext(), holder));
  const coldMs = (performance.now() - coldStarted) / holders.length;
  await live.state.reload(); // forget the ledgers just built: the load starts cold
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

  const load1 = os.loadavg()[0]!.toFixed(2);
  console.log(
    `\nDashboard benchmark: ${size}, ${head + 1} blocks, ${raws[0]!.logs} logs; load average ${load1} on ${os.cpus().length} CPUs\n`,
  );
  console.log(
    formatTable(
      ["measure", "value", "goal"],
      [
        ["fetch the logs raw (eth_getLogs, ms)", rawMs.toFixed(0), ""],
        ["index them (fetch, decode, store in SQLite, ms)", indexMs.toFixed(0), ""],
        ["  the first, cold run (ms)", first.ms.toFixed(0), ""],
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
        ["investor view built cold (no cache), ms per holder", coldMs.toFixed(2), ""],
        ["errors (investor, static)", `${investor.errors}, ${staticFile.errors}`, "0"],
      ],
      [1],
    ),
  );
} finally {
  if (node !== undefined) {
    await node.stop();
    if (deploymentId !== undefined) await removeDeployment(deploymentId);
  }
  rmSync(work, { recursive: true, force: true });
}

/** "365 days × 1000 holders, 15529 transactions" from the simulator's summary.json. */
function describeRun(summary: unknown): string {
  const s = summary as {
    arguments?: { days?: unknown; holders?: unknown; scenario?: unknown };
    activity?: { transactions?: unknown; deposits?: unknown; claims?: unknown };
  };
  const a = s.arguments ?? {};
  const activity = s.activity ?? {};
  return `${String(a.days)} days × ${String(a.holders)} holders (${String(a.scenario)}): ${String(activity.transactions)} transactions, ${String(activity.deposits)} deposits, ${String(activity.claims)} claims`;
}
