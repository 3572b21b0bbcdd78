import type { Database } from "../../src/indexer/database.js";
import { readFacts } from "../../src/dashboard/facts.js";
import { loadPrices } from "../../src/dashboard/prices.js";
import { DashboardService } from "../../src/dashboard/service.js";
import type { SimulatedPool } from "../indexer/fixture.js";

/**
 * The dashboard's service over `pool`'s three contracts from block 0, indexed into `db` with no confirmations, in
 * small ranges and quick polls (so a test sees a new block at once), BTC at a fixed 60,000 USD.
 */
export async function dashboardServiceOf(
  pool: SimulatedPool,
  db: Database,
  maxPauseDuration: number | undefined = undefined,
): Promise<DashboardService> {
  const facts = await readFacts(pool.contracts, pool.connection.ethers.provider, pool.chainId, "test");
  return new DashboardService({
    db,
    rpc: pool.connection.provider,
    chainId: pool.chainId,
    addresses: [pool.contracts.oracle, pool.contracts.pool, pool.contracts.sale],
    fromBlock: 0,
    confirmations: 0,
    blockRange: 50,
    pollMs: 20,
    facts,
    prices: loadPrices("60000"),
    maxPauseDuration,
  });
}
