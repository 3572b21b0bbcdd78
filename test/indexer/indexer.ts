import { expect } from "chai";

import type { Database } from "../../src/indexer/database.js";
import { indexedTopics } from "../../src/indexer/abi.js";
import { getLogs } from "../../src/indexer/rpc.js";
import { MiningPoolShare__factory } from "../../typechain-types/index.js";
import { FaultyRpc, cleanUp, dump, indexerOf, simulatedPool, sqliteIndex, type SimulatedPool } from "./fixture.js";

/**
 * Asserts that `db`, after a reorg, holds exactly what a fresh index of the same chain holds and nothing of the
 * orphaned address `lost`; closes both.
 */
async function expectAsFreshIndex(pool: SimulatedPool, db: Database, lost: string): Promise<void> {
  const fresh = await sqliteIndex();
  await indexerOf(pool, fresh).open();
  await indexerOf(pool, fresh).syncOnce();
  const after = await dump(db);
  expect(after).to.deep.equal(await dump(fresh));
  expect(after.events.some((e) => e.toLowerCase().includes(lost))).to.equal(false);
  await db.close();
  await fresh.close();
}

/** A database whose `failAt`-th statement throws (a process killed in the middle of a write). */
function faultyDb(inner: Database, failAt: number): Database {
  let statements = 0;
  const check = () => {
    statements += 1;
    if (statements === failAt) throw new Error("killed");
  };
  return {
    ...inner,
    query: async (sql, params) => (check(), inner.query(sql, params)),
    transaction: (work) =>
      inner.transaction((tx) =>
        work({ dialect: tx.dialect, query: async (sql, params) => (check(), tx.query(sql, params)) }),
      ),
  } as Database;
}

describe("Indexer", function () {
  this.timeout(600_000);
  let pool: SimulatedPool;
  let reference: Awaited<ReturnType<typeof dump>>;
  /** The addresses the reference run followed: the deployment's contracts and the timelock it found. */
  let followed: readonly string[] = [];

  before(async () => {
    pool = await simulatedPool();
    const db = await sqliteIndex("reference");
    await indexerOf(pool, db).open();
    const indexer = indexerOf(pool, db);
    await indexer.syncOnce();
    followed = indexer.followed;
    reference = await dump(db);
    await db.close();
  });
  after(async () => {
    await pool.connection.close();
    cleanUp();
  });

  describe("syncOnce", () => {
    it("stores every matching log of the deployment once", async () => {
      const head = Number(BigInt(String(await pool.connection.provider.request({ method: "eth_blockNumber" }))));
      const raw = await getLogs(pool.connection.provider, [...followed], indexedTopics(), 0, head);
      expect(reference.events).to.have.lengthOf(raw.length);
      expect(new Set(reference.events).size).to.equal(raw.length);
      expect(reference.next).to.equal(String(head + 1));
    });

    it("reads logs in ranges of at most blockRange blocks", async () => {
      const rpc = new FaultyRpc(pool.connection.provider);
      const db = await sqliteIndex();
      const indexer = indexerOf(pool, db, { rpc, blockRange: 5 });
      await indexer.open();
      await indexer.syncOnce();
      expect(rpc.ranges.length).to.be.greaterThan(1);
      for (const [from, to] of rpc.ranges) expect(to - from + 1).to.be.at.most(5);
      expect(await dump(db)).to.deep.equal(reference);
      await db.close();
    });

    it("stores nothing twice when a pass runs again over the same blocks", async () => {
      const db = await sqliteIndex();
      const indexer = indexerOf(pool, db);
      await indexer.open();
      await indexer.syncOnce();
      await db.query("UPDATE meta SET value = $1 WHERE key = $2", ["0", "next_block"]);
      await indexerOf(pool, db).syncOnce();
      expect(await dump(db)).to.deep.equal(reference);
      await db.close();
    });

    it("leaves the last `confirmations` blocks out", async () => {
      const db = await sqliteIndex();
      const indexer = indexerOf(pool, db, { confirmations: 3 });
      await indexer.open();
      await indexer.syncOnce();
      const head = Number(BigInt(String(await pool.connection.provider.request({ method: "eth_blockNumber" }))));
      const held = await dump(db);
      expect(held.next).to.equal(String(head - 3 + 1));
      expect(held.events.every((e) => Number(e.split("|")[0]) <= head - 3)).to.equal(true);
      await db.close();
    });
  });

  describe("restart", () => {
    it("gives the same data as an uninterrupted run after a kill at any RPC call", async () => {
      const probe = new FaultyRpc(pool.connection.provider);
      const probeDb = await sqliteIndex();
      await indexerOf(pool, probeDb, { rpc: probe }).open();
      await indexerOf(pool, probeDb, { rpc: probe }).syncOnce();
      await probeDb.close();
      for (let killAt = 1; killAt <= probe.calls; killAt += 1) {
        const db = await sqliteIndex();
        const rpc = new FaultyRpc(pool.connection.provider);
        rpc.failAt = killAt;
        const first = indexerOf(pool, db, { rpc });
        await first.open();
        await first.syncOnce().catch(() => undefined);
        const second = indexerOf(pool, db);
        await second.open();
        await second.syncOnce();
        expect(await dump(db), `killed at RPC call ${killAt}`).to.deep.equal(reference);
        await db.close();
      }
    });

    it("gives the same data as an uninterrupted run after a kill at any database write", async () => {
      for (let killAt = 1; killAt <= 40; killAt += 1) {
        const db = await sqliteIndex();
        const first = indexerOf(pool, faultyDb(db, killAt));
        await first
          .open()
          .then(() => first.syncOnce())
          .catch(() => undefined);
        const second = indexerOf(pool, db);
        await second.open();
        await second.syncOnce();
        expect(await dump(db), `killed at statement ${killAt}`).to.deep.equal(reference);
        await db.close();
      }
    });
  });

  describe("run", () => {
    it("reports a dead RPC, retries with backoff and catches up once it answers", async () => {
      const rpc = new FaultyRpc(pool.connection.provider);
      rpc.failAt = 1;
      const db = await sqliteIndex();
      const indexer = indexerOf(pool, db, { rpc });
      await indexer.open();
      const stop = new AbortController();
      // The first status the loop reports is the failure (however long the machine takes to get there).
      const reported = new Promise<void>((resolve) => indexer.once("status", () => resolve()));
      const running = indexer.run(stop.signal);
      await reported;
      expect(indexer.status.rpcOk).to.equal(false);
      expect(indexer.status.lastError).to.match(/ECONNREFUSED/);
      rpc.failAt = Number.POSITIVE_INFINITY;
      await new Promise<void>((resolve) => indexer.once("status", () => resolve()));
      stop.abort();
      await running;
      expect(indexer.status.rpcOk).to.equal(true);
      expect(await dump(db)).to.deep.equal(reference);
      await db.close();
    });
  });

  describe("reorg", () => {
    it("rolls back to the common block and indexes the new branch", async () => {
      const provider = pool.connection.provider;
      const db = await sqliteIndex();
      const indexer = indexerOf(pool, db);
      await indexer.open();
      await indexer.syncOnce();
      const snapshot = await provider.request({ method: "evm_snapshot" });
      const [treasury] = await pool.connection.ethers.getSigners();
      const share = MiningPoolShare__factory.connect(pool.contracts.pool, treasury!);
      const lost = "0x00000000000000000000000000000000000000a1";
      await (await share.transfer(lost, 1n)).wait();
      await (await share.transfer(lost, 2n)).wait();
      await indexer.syncOnce();
      expect((await dump(db)).events.some((e) => e.toLowerCase().includes(lost))).to.equal(true);

      await provider.request({ method: "evm_revert", params: [snapshot] });
      const kept = "0x00000000000000000000000000000000000000b2";
      await (await share.transfer(kept, 3n)).wait();
      await (await share.transfer(kept, 4n)).wait();
      await (await share.transfer(kept, 5n)).wait();
      await indexer.syncOnce();
      expect(indexer.status.reorgs).to.equal(1);

      await expectAsFreshIndex(pool, db, lost);
    });

    it("rolls back to a range's last block when only those hashes are kept", async () => {
      const provider = pool.connection.provider;
      const db = await sqliteIndex();
      const indexer = indexerOf(pool, db, { recentBlocks: 0 });
      await indexer.open();
      const snapshot = await provider.request({ method: "evm_snapshot" });
      const [treasury] = await pool.connection.ethers.getSigners();
      const share = MiningPoolShare__factory.connect(pool.contracts.pool, treasury!);
      const lost = "0x00000000000000000000000000000000000000a3";
      await (await share.transfer(lost, 1n)).wait();
      await (await share.transfer(lost, 2n)).wait();
      await indexer.syncOnce(); // the whole history in ranges of 7 blocks: only their last blocks' hashes are kept
      expect((await dump(db)).events.some((e) => e.toLowerCase().includes(lost))).to.equal(true);

      await provider.request({ method: "evm_revert", params: [snapshot] });
      for (const value of [3n, 4n, 5n])
        await (await share.transfer("0x00000000000000000000000000000000000000b3", value)).wait();
      await indexer.syncOnce();
      expect(indexer.status.reorgs).to.equal(1);

      await expectAsFreshIndex(pool, db, lost);
    });
  });
});
