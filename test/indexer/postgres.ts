import { expect } from "chai";

import { freePort } from "../../e2e/harness.js";
import { openDatabase, type Database } from "../../src/indexer/database.js";
import { MiningPoolShare__factory } from "../../typechain-types/index.js";
import { cleanUp, dump, indexerOf, simulatedPool, sqliteIndex, type SimulatedPool } from "./fixture.js";
import { startPostgres, type PostgresServer } from "./postgres-server.js";

describe("Indexer on PostgreSQL", function () {
  this.timeout(600_000);
  let pool: SimulatedPool;
  let server: PostgresServer;
  let pg: Database;

  before(async () => {
    server = startPostgres(await freePort());
    pool = await simulatedPool();
    pg = await openDatabase({ sqlitePath: "unused", databaseUrl: server.url });
  });
  after(async () => {
    await pg?.close();
    server?.stop();
    await pool?.connection.close();
    cleanUp();
  });

  describe("syncOnce", () => {
    it("holds exactly what the SQLite index holds, also after a restart and a reorg", async () => {
      expect(pg.dialect).to.equal("postgres");
      const first = indexerOf(pool, pg);
      await first.open();
      await first.syncOnce();

      const snapshot = await pool.connection.provider.request({ method: "evm_snapshot" });
      const [treasury] = await pool.connection.ethers.getSigners();
      const share = MiningPoolShare__factory.connect(pool.contracts.pool, treasury!);
      await (await share.transfer("0x00000000000000000000000000000000000000a1", 1n)).wait();
      await first.syncOnce();
      await pool.connection.provider.request({ method: "evm_revert", params: [snapshot] });
      await (await share.transfer("0x00000000000000000000000000000000000000b2", 2n)).wait();
      await (await share.transfer("0x00000000000000000000000000000000000000b2", 3n)).wait();

      const restarted = indexerOf(pool, pg);
      await restarted.open();
      await restarted.syncOnce();

      const lite = await sqliteIndex();
      await indexerOf(pool, lite).open();
      await indexerOf(pool, lite).syncOnce();
      const expected = await dump(lite);
      expect(expected.events.length).to.be.greaterThan(20);
      expect(await dump(pg)).to.deep.equal(expected);
      await lite.close();
    });

    it("refuses a DATABASE_URL that is not a PostgreSQL URL", async () => {
      let message = "";
      await openDatabase({ sqlitePath: "unused", databaseUrl: "mysql://user:secret@host/db" }).catch(
        (error: Error) => (message = error.message),
      );
      expect(message).to.equal(
        'DATABASE_URL must be a postgres:// or postgresql:// URL, got "mysql://user:***@host/db"',
      );
    });
  });
});
