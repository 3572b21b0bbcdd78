import { expect } from "chai";
import { getAddress } from "ethers";

import { formatAmount } from "../../src/cli/amount.js";
import { createApp } from "../../src/dashboard/server.js";
import type { DashboardService } from "../../src/dashboard/service.js";
import { MiningPoolShare__factory } from "../../typechain-types/index.js";
import { cleanUp, simulatedPool, sqliteIndex, type SimulatedPool } from "../indexer/fixture.js";
import { dashboardServiceOf } from "./fixture.js";

describe("Dashboard API", function () {
  this.timeout(600_000);
  let pool: SimulatedPool;
  let service: DashboardService;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    pool = await simulatedPool();
    const db = await sqliteIndex("api");
    service = await dashboardServiceOf(pool, db);
    await service.open();
    await service.indexer.syncOnce();
    await service.settled();
    app = createApp(service);
  });
  after(async () => {
    await service.stop();
    await pool.connection.close();
    cleanUp();
  });

  const get = async (path: string, init?: RequestInit) => app.request(path, init);

  describe("GET /api/investor/:address", () => {
    it("gives every holder's shares and claimable amounts exactly as the pool does", async () => {
      const share = MiningPoolShare__factory.connect(pool.contracts.pool, pool.connection.ethers.provider);
      const holders = [...service.state.balances.keys()];
      expect(holders.length).to.be.greaterThan(3);
      for (const holder of holders) {
        const response = await get(`/api/investor/${holder}`);
        expect(response.status).to.equal(200);
        const view = (await response.json()) as {
          shares: string;
          claimable: Array<{ symbol: string; amount: string }>;
        };
        expect(view.shares).to.equal(formatAmount(await share.balanceOf(holder), 18));
        for (const token of service.state.facts.tokens) {
          const onChain = formatAmount(await share.claimable(holder, token.address), token.decimals);
          expect(view.claimable.find((c) => c.symbol === token.symbol)?.amount, `${holder} ${token.symbol}`).to.equal(
            onChain,
          );
        }
      }
    });

    it("refuses a malformed address with a 400 and a one-line message", async () => {
      const response = await get("/api/investor/0x1234");
      expect(response.status).to.equal(400);
      expect(await response.json()).to.deep.equal({
        error: 'address "0x1234" is not an address (expected 0x followed by 40 hex digits)',
      });
    });

    it("refuses an address with a wrong checksum with a 400", async () => {
      const mixed = getAddress(pool.contracts.pool).replace(/[a-f]/, (c) => c.toUpperCase());
      const response = await get(`/api/investor/${mixed}`);
      expect(response.status).to.equal(400);
      expect(((await response.json()) as { error: string }).error).to.match(/invalid checksum/);
    });

    it("refuses script in the address with a 400", async () => {
      const response = await get(`/api/investor/${encodeURIComponent("<script>alert(1)</script>")}`);
      expect(response.status).to.equal(400);
    });
  });

  describe("GET /api/investor/:address/statement.csv", () => {
    it("refuses a malformed address with a 400", async () => {
      expect((await get("/api/investor/nope/statement.csv")).status).to.equal(400);
    });

    it("lists purchases, accruals and claims with USD values", async () => {
      const buyer = String(service.state.purchases[0]!.args.buyer);
      const csv = await (await get(`/api/investor/${buyer}/statement.csv`)).text();
      expect(csv.split("\n")[0]).to.equal(
        "date,block,tx_hash,type,token,source,epoch,amount,shares,counterparty,usd_price,usd_value",
      );
      expect(csv).to.match(/,purchase,/);
      expect(csv).to.match(/,accrual,/);
    });
  });

  describe("read-only", () => {
    it("refuses POST with a 405", async () => {
      expect((await get("/api/operator", { method: "POST" })).status).to.equal(405);
    });

    it("answers an unknown path with a 404", async () => {
      expect((await get("/api/nothing")).status).to.equal(404);
    });
  });

  describe("GET /api/operator", () => {
    it("gives the supply and the holders as the pool does", async () => {
      const share = MiningPoolShare__factory.connect(pool.contracts.pool, pool.connection.ethers.provider);
      const view = (await (await get("/api/operator")).json()) as { supply: string; holders: { count: number } };
      expect(view.supply).to.equal(formatAmount(await share.totalSupply(), 18));
      let count = 0;
      for (const holder of service.state.balances.keys()) if ((await share.balanceOf(holder)) > 0n) count += 1;
      expect(view.holders.count).to.equal(count);
    });
  });
});
