import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

import { adminOf, sendAdminCalls, type Governance } from "./Admin.js";
import { DEFAULT_SHAPE } from "./Oracle.js";
import PoolModule, { MINTER_ROLE, type AddressArgument, type PoolModule as PoolModuleType } from "./Pool.js";

/** Where the sale's payment token (USDC) comes from. */
export type PaymentTokenSource = (m: IgnitionModuleBuilder) => AddressArgument;

/** The payment token from the parameter `usdc` (of the module, or `$global`): the pool's USDC payout token. */
export const paymentTokenFromParameters: PaymentTokenSource = (m) => m.getParameter<string>("usdc");

/**
 * Builds the "Sale" module on top of a "Pool" module.
 *
 * Deploys `ShareSale(admin, pool, paymentToken, pricePerShare, treasury, startTime, endTime, maxSharesPerBuyer)`
 * and grants the sale `MINTER_ROLE` on the pool, as the pool's admin (see `Admin.ts`).
 *
 * Parameters (module "Sale", or `$global`): `pricePerShare` (payment-token units per 1e18 share units),
 * `treasury`, `startTime`, `endTime` (unix seconds, inclusive), `maxSharesPerBuyer` (share base units), `usdc` when
 * the payment token comes from parameters, and `admin` (the deploying account) when the governance is direct.
 *
 * Future IDs: `Sale#ShareSale`; direct: the call `Sale#grantSaleMinterRole`; timelock: `Sale#setupSchedule`,
 * `Sale#setupExecute`.
 */
export function createSaleModule(
  poolModule: PoolModuleType,
  paymentToken: PaymentTokenSource,
  governance: Governance = DEFAULT_SHAPE.governance,
) {
  return buildModule("Sale", (m) => {
    const { pool, oracle } = m.useModule(poolModule);
    const sale = m.contract("ShareSale", [
      adminOf(m, governance),
      pool,
      paymentToken(m),
      m.getParameter<bigint>("pricePerShare"),
      m.getParameter<string>("treasury"),
      m.getParameter<bigint>("startTime"),
      m.getParameter<bigint>("endTime"),
      m.getParameter<bigint>("maxSharesPerBuyer"),
    ]);
    sendAdminCalls(m, governance, "setup", [
      { id: "grantSaleMinterRole", contract: pool, fn: "grantRole", args: [MINTER_ROLE, sale] },
    ]);
    return { sale, pool, oracle };
  });
}

/** The type of every "Sale" module. */
export type SaleModule = ReturnType<typeof createSaleModule>;

/** The production "Sale": payment token from parameters, behind the timelock. */
export default createSaleModule(PoolModule, paymentTokenFromParameters);
