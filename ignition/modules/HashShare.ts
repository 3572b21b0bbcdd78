import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModuleResult } from "@nomicfoundation/ignition-core";

import { createGovernanceModule } from "./Governance.js";
import { DEFAULT_SHAPE, createOracleModule, type ModuleShape } from "./Oracle.js";
import { createPoolModule, payoutTokensFromParameters } from "./Pool.js";
import { createSaleModule, paymentTokenFromParameters } from "./Sale.js";
import TimelockModule from "./Timelock.js";

/**
 * HashShare on a production network (a testnet, mainnet, an L2): oracle, pool and sale, with the payout tokens
 * (`wbtc`, `usdc`) and the sale's payment token (`usdc`) taken from parameters — put them in `$global` so that
 * "Pool" and "Sale" read the same addresses — and, unless the shape says `governance: "direct"`, a
 * `TimelockController` as the admin of all three. See `ignition/parameters/example-testnet.json`.
 *
 * deployed_addresses.json keys: "Oracle#HashrateOracle", "Pool#MiningPoolShare", "Sale#ShareSale", and
 * "Timelock#TimelockController" when timelocked.
 *
 * The default export is built for one reporter behind a timelock; `createHashShareModule(shape)` builds another
 * shape (`src/deployment` does so from the parameters file).
 */
export function createHashShareModule(shape: ModuleShape = DEFAULT_SHAPE) {
  const oracleModule = createOracleModule(shape);
  const poolModule = createPoolModule(oracleModule, payoutTokensFromParameters, shape.governance);
  const saleModule = createSaleModule(poolModule, paymentTokenFromParameters, shape.governance);
  const governanceModule =
    shape.governance === "timelock" ? createGovernanceModule([oracleModule, poolModule, saleModule]) : undefined;
  return buildModule("HashShare", (m) => {
    const { oracle } = m.useModule(oracleModule);
    const { pool } = m.useModule(poolModule);
    const { sale } = m.useModule(saleModule);
    const contracts: IgnitionModuleResult<string> = { oracle, pool, sale };
    if (governanceModule === undefined) return contracts;
    m.useModule(governanceModule);
    return { ...contracts, timelock: m.useModule(TimelockModule).timelock };
  });
}

export default createHashShareModule();
