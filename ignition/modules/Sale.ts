import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

import PoolModule, { MINTER_ROLE, type AddressArgument, type PoolModule as PoolModuleType } from "./Pool.js";

/** Where the sale's payment token (USDC) comes from. */
export type PaymentTokenSource = (m: IgnitionModuleBuilder) => AddressArgument;

/** The payment token from the parameter `usdc` (of the module, or `$global`): the pool's USDC payout token. */
export const paymentTokenFromParameters: PaymentTokenSource = (m) => m.getParameter<string>("usdc");

/**
 * Builds the "Sale" module on top of a "Pool" module.
 *
 * Deploys `ShareSale(admin, pool, paymentToken, pricePerShare, treasury, startTime, endTime, maxSharesPerBuyer)`
 * and grants the sale `MINTER_ROLE` on the pool (sent by the deploying account, which must be the pool's admin).
 *
 * Parameters (module "Sale", or `$global`): `admin`, `pricePerShare` (payment-token units per 1e18 share units),
 * `treasury`, `startTime`, `endTime` (unix seconds, inclusive), `maxSharesPerBuyer` (share base units), and `usdc`
 * when the payment token comes from parameters.
 *
 * Future IDs: `Sale#ShareSale`, and the call `Sale#grantSaleMinterRole`.
 */
export function createSaleModule(poolModule: PoolModuleType, paymentToken: PaymentTokenSource) {
  return buildModule("Sale", (m) => {
    const { pool, oracle } = m.useModule(poolModule);
    const sale = m.contract("ShareSale", [
      m.getParameter<string>("admin"),
      pool,
      paymentToken(m),
      m.getParameter<bigint>("pricePerShare"),
      m.getParameter<string>("treasury"),
      m.getParameter<bigint>("startTime"),
      m.getParameter<bigint>("endTime"),
      m.getParameter<bigint>("maxSharesPerBuyer"),
    ]);
    m.call(pool, "grantRole", [MINTER_ROLE, sale], { id: "grantSaleMinterRole" });
    return { sale, pool, oracle };
  });
}

/** The type of every "Sale" module. */
export type SaleModule = ReturnType<typeof createSaleModule>;

/** The production "Sale": payment token from parameters. */
export default createSaleModule(PoolModule, paymentTokenFromParameters);
