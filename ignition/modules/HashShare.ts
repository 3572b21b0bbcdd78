import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { createOracleModule } from "./Oracle.js";
import { createPoolModule, payoutTokensFromParameters } from "./Pool.js";
import { createSaleModule, paymentTokenFromParameters } from "./Sale.js";

/**
 * HashShare on a production network (a testnet, mainnet, an L2): oracle, pool and sale, with the payout tokens
 * (`wbtc`, `usdc`) and the sale's payment token (`usdc`) taken from parameters — put them in `$global` so that
 * "Pool" and "Sale" read the same addresses. See `ignition/parameters/example-testnet.json`.
 *
 * deployed_addresses.json keys: "Oracle#HashrateOracle", "Pool#MiningPoolShare", "Sale#ShareSale".
 *
 * The default export is built for one reporter; `createHashShareModule({ reporterCount })` builds it for more
 * (`src/deployment` does so from the parameters file).
 */
export function createHashShareModule({ reporterCount = 1 }: { reporterCount?: number } = {}) {
  const oracleModule = createOracleModule(reporterCount);
  const poolModule = createPoolModule(oracleModule, payoutTokensFromParameters);
  const saleModule = createSaleModule(poolModule, paymentTokenFromParameters);
  return buildModule("HashShare", (m) => {
    const { oracle } = m.useModule(oracleModule);
    const { pool } = m.useModule(poolModule);
    const { sale } = m.useModule(saleModule);
    return { oracle, pool, sale };
  });
}

export default createHashShareModule();
