import type { Database } from "../../src/indexer/database.js";
import { readFacts } from "../../src/dashboard/facts.js";
import { loadPrices } from "../../src/dashboard/prices.js";
import { DashboardService } from "../../src/dashboard/service.js";
import { indexOptionsOf, type SimulatedPool } from "../indexer/fixture.js";

/** The dashboard's service over `pool`, indexed into `db` as the indexer's tests index (50 blocks per request), BTC at a fixed 60,000 USD. */
export async function dashboardServiceOf(
  pool: SimulatedPool,
  db: Database,
  maxPauseDuration: number | undefined = undefined,
): Promise<DashboardService> {
  const facts = await readFacts(pool.contracts, pool.connection.ethers.provider, pool.chainId, "test");
  return new DashboardService({
    ...indexOptionsOf(pool, db),
    blockRange: 50,
    facts,
    prices: loadPrices("60000"),
    maxPauseDuration,
  });
}
