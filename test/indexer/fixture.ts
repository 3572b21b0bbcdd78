import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { openDatabase, type Database } from "../../src/indexer/database.js";
import { Indexer, type IndexerOptions } from "../../src/indexer/indexer.js";
import type { Rpc } from "../../src/indexer/rpc.js";
import { readScenarioFile, runSimulation } from "../../src/sim/index.js";

/** A pool with a few days of simulated activity on the in-process network. */
export interface SimulatedPool {
  readonly connection: NetworkConnection;
  readonly chainId: bigint;
  readonly contracts: { oracle: string; pool: string; sale: string; wbtc: string; usdc: string };
  readonly out: string;
}

const temporary: string[] = [];

/** A new temporary directory, removed by {@link cleanUp}. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hashshare-${label}-`));
  temporary.push(dir);
  return dir;
}

export function cleanUp(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Deploys and runs `days` simulated days with `holders` investors (early-AI scenario: both tokens pay). */
export async function simulatedPool(days = 6, holders = 6): Promise<SimulatedPool> {
  const connection = await network.create();
  const scenarioPath = "test/sim/fixtures/early-ai.json";
  const { scenario, sha256 } = readScenarioFile(scenarioPath);
  const out = tempDir("dash-sim");
  await runSimulation(connection, {
    days,
    seed: "dashboard",
    policy: "arbitrage",
    holders,
    scenario,
    scenarioPath,
    scenarioSha256: sha256,
    out,
    fresh: true,
    parametersPath: "ignition/parameters/local.json",
    quiet: true,
    verify: "totals",
  });
  const journal = JSON.parse(readFileSync(path.join(out, "journal.json"), "utf8")) as {
    contracts: SimulatedPool["contracts"];
  };
  const chainId = BigInt(String(await connection.provider.request({ method: "eth_chainId" })));
  return { connection, chainId, contracts: journal.contracts, out };
}

/** An SQLite index in a fresh temporary file. */
export async function sqliteIndex(label = "index"): Promise<Database> {
  return openDatabase({ sqlitePath: path.join(tempDir(label), "index.sqlite") });
}

/**
 * How the tests index `pool` into `db`: its three contracts from block 0, no confirmations, 7 blocks per request and
 * quick polls (so a test sees a new block at once).
 */
export function indexOptionsOf(pool: SimulatedPool, db: Database): IndexerOptions {
  return {
    db,
    rpc: pool.connection.provider,
    chainId: pool.chainId,
    addresses: [pool.contracts.oracle, pool.contracts.pool, pool.contracts.sale],
    fromBlock: 0,
    confirmations: 0,
    blockRange: 7,
    pollMs: 20,
    maxBackoffMs: 40,
  };
}

/** An indexer of `pool` into `db` (`indexOptionsOf`, with `overrides`). */
export function indexerOf(pool: SimulatedPool, db: Database, overrides: Partial<IndexerOptions> = {}): Indexer {
  return new Indexer({ ...indexOptionsOf(pool, db), ...overrides });
}

/** Everything the index holds, as comparable text. */
export async function dump(db: Database): Promise<{ events: string[]; next: string | undefined }> {
  const rows = await db.query<Record<string, unknown>>(
    "SELECT block_number, log_index, tx_hash, address, name, args, timestamp FROM events ORDER BY block_number, log_index",
  );
  const next = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = $1", ["next_block"]);
  return {
    events: rows.map((r) => Object.values(r).map(String).join("|")),
    next: next[0]?.value,
  };
}

/** An RPC that fails every call from the `failAt`-th one on (a killed process, or a dead node), counting calls. */
export class FaultyRpc implements Rpc {
  calls = 0;
  failAt = Number.POSITIVE_INFINITY;
  readonly ranges: Array<[number, number]> = [];

  constructor(private readonly inner: Rpc) {}

  async request(args: { method: string; params?: unknown[] }): Promise<unknown> {
    this.calls += 1;
    if (this.calls >= this.failAt) throw new Error("connect ECONNREFUSED 127.0.0.1:8545");
    if (args.method === "eth_getLogs") {
      const filter = (args.params?.[0] ?? {}) as { fromBlock: string; toBlock: string };
      this.ranges.push([Number(filter.fromBlock), Number(filter.toBlock)]);
    }
    return this.inner.request(args);
  }
}
