/**
 * HashShare on a local chain (the in-process Hardhat network, or `hardhat node` as `--network localhost`): the
 * mock payout tokens, then the same oracle, pool and sale as `HashShare.ts`, with the mock tokens' futures passed
 * where production takes the `wbtc` / `usdc` parameters.
 *
 * Future IDs — the keys of ignition/deployments/<deploymentId>/deployed_addresses.json (stable; other code reads
 * them, see `src/deployment/ids.ts`):
 *   "Mocks#MockWBTC"        MockWBTC (8 decimals)
 *   "Mocks#MockUSDC"        MockUSDC (6 decimals)
 *   "Oracle#HashrateOracle" HashrateOracle
 *   "Pool#MiningPoolShare"  MiningPoolShare
 *   "Sale#ShareSale"        ShareSale
 * Call futures (in the journal, not in deployed_addresses.json): "Oracle#grantReporterRole1" … "…RoleN",
 * "Pool#grantMinterRole", "Pool#grantDistributorRole", "Pool#grantPauserRole", "Sale#grantSaleMinterRole".
 *
 * Parameters: `ignition/parameters/local.json`. The default export is built for one reporter;
 * `createHashShareLocalModule({ reporterCount })` builds it for more (`src/deployment` does so from the file).
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import MocksModule from "./Mocks.js";
import { createOracleModule } from "./Oracle.js";
import { createPoolModule, type PayoutTokenSource } from "./Pool.js";
import { createSaleModule, type PaymentTokenSource } from "./Sale.js";

/** Payout tokens from the "Mocks" module. */
export const payoutTokensFromMocks: PayoutTokenSource = (m) => {
  const { mockWBTC, mockUSDC } = m.useModule(MocksModule);
  return { wbtc: mockWBTC, usdc: mockUSDC };
};

/** The sale's payment token: the "Mocks" module's USDC. */
export const paymentTokenFromMocks: PaymentTokenSource = (m) => m.useModule(MocksModule).mockUSDC;

export function createHashShareLocalModule({ reporterCount = 1 }: { reporterCount?: number } = {}) {
  const oracleModule = createOracleModule(reporterCount);
  const poolModule = createPoolModule(oracleModule, payoutTokensFromMocks);
  const saleModule = createSaleModule(poolModule, paymentTokenFromMocks);
  return buildModule("HashShareLocal", (m) => {
    const { mockWBTC, mockUSDC } = m.useModule(MocksModule);
    const { oracle } = m.useModule(oracleModule);
    const { pool } = m.useModule(poolModule);
    const { sale } = m.useModule(saleModule);
    return { mockWBTC, mockUSDC, oracle, pool, sale };
  });
}

export default createHashShareLocalModule();
