/**
 * HashShare on a local chain (the in-process Hardhat network, or `hardhat node` as `--network localhost`): the
 * mock payout tokens, then the same oracle, pool, sale (and timelock) as `HashShare.ts`, with the mock tokens'
 * futures passed where production takes the `wbtc` / `usdc` parameters.
 *
 * Future IDs — the keys of ignition/deployments/<deploymentId>/deployed_addresses.json (stable; other code reads
 * them, see `src/deployment/ids.ts`):
 *   "Mocks#MockWBTC"              MockWBTC (8 decimals)
 *   "Mocks#MockUSDC"              MockUSDC (6 decimals)
 *   "Oracle#HashrateOracle"       HashrateOracle
 *   "Pool#MiningPoolShare"        MiningPoolShare
 *   "Sale#ShareSale"              ShareSale
 *   "Timelock#TimelockController" TimelockController (timelocked shape only)
 *
 * Parameters: `ignition/parameters/local.json`. The default export is built for one reporter behind a timelock;
 * `createHashShareLocalModule(shape)` builds another shape (`src/deployment` does so from the file).
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModuleResult } from "@nomicfoundation/ignition-core";

import { createGovernanceModule } from "./Governance.js";
import MocksModule from "./Mocks.js";
import { DEFAULT_SHAPE, createOracleModule, type ModuleShape } from "./Oracle.js";
import { createPoolModule, type PayoutTokenSource } from "./Pool.js";
import { createSaleModule, type PaymentTokenSource } from "./Sale.js";
import TimelockModule from "./Timelock.js";

/** Payout tokens from the "Mocks" module. */
export const payoutTokensFromMocks: PayoutTokenSource = (m) => {
  const { mockWBTC, mockUSDC } = m.useModule(MocksModule);
  return { wbtc: mockWBTC, usdc: mockUSDC };
};

/** The sale's payment token: the "Mocks" module's USDC. */
export const paymentTokenFromMocks: PaymentTokenSource = (m) => m.useModule(MocksModule).mockUSDC;

export function createHashShareLocalModule(shape: ModuleShape = DEFAULT_SHAPE) {
  const oracleModule = createOracleModule(shape);
  const poolModule = createPoolModule(oracleModule, payoutTokensFromMocks, shape.governance);
  const saleModule = createSaleModule(poolModule, paymentTokenFromMocks, shape.governance);
  const governanceModule =
    shape.governance === "timelock" ? createGovernanceModule([oracleModule, poolModule, saleModule]) : undefined;
  return buildModule("HashShareLocal", (m) => {
    const { mockWBTC, mockUSDC } = m.useModule(MocksModule);
    const { oracle } = m.useModule(oracleModule);
    const { pool } = m.useModule(poolModule);
    const { sale } = m.useModule(saleModule);
    const contracts: IgnitionModuleResult<string> = { mockWBTC, mockUSDC, oracle, pool, sale };
    if (governanceModule === undefined) return contracts;
    m.useModule(governanceModule);
    return { ...contracts, timelock: m.useModule(TimelockModule).timelock };
  });
}

export default createHashShareLocalModule();
