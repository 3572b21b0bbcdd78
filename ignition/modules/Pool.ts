import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type {
  AddressResolvableFuture,
  IgnitionModuleBuilder,
  ModuleParameterRuntimeValue,
} from "@nomicfoundation/ignition-core";
import { id } from "ethers";

import OracleModule, { type OracleModule as OracleModuleType } from "./Oracle.js";

export const MINTER_ROLE = id("MINTER_ROLE");
export const DISTRIBUTOR_ROLE = id("DISTRIBUTOR_ROLE");
export const PAUSER_ROLE = id("PAUSER_ROLE");

/** An address a module can pass to a contract: a literal, a parameter, or a contract future. */
export type AddressArgument = string | ModuleParameterRuntimeValue<string> | AddressResolvableFuture;

/** Where the pool's payout tokens come from: parameters on real networks, the mock futures on local chains. */
export type PayoutTokenSource = (m: IgnitionModuleBuilder) => { wbtc: AddressArgument; usdc: AddressArgument };

/** Payout tokens from the parameters `wbtc` and `usdc` (of the module, or `$global`). */
export const payoutTokensFromParameters: PayoutTokenSource = (m) => ({
  wbtc: m.getParameter<string>("wbtc"),
  usdc: m.getParameter<string>("usdc"),
});

/**
 * Builds the "Pool" module on top of an "Oracle" module.
 *
 * Deploys `MiningPoolShare(name, symbol, admin, oracle, sharesPerTHs, maxReportAge, [wbtc, usdc])` and grants
 * `MINTER_ROLE`, `DISTRIBUTOR_ROLE` and `PAUSER_ROLE` to the operator addresses.
 *
 * Parameters (module "Pool", or `$global`): `name`, `symbol`, `admin` (must be the deploying account),
 * `sharesPerTHs` (share base units per TH/s), `maxReportAge` (seconds), `minter`, `distributor`, `pauser`, and
 * `wbtc`, `usdc` when the tokens come from parameters.
 *
 * Future IDs: `Pool#MiningPoolShare`, and the calls `Pool#grantMinterRole`, `Pool#grantDistributorRole`,
 * `Pool#grantPauserRole`.
 */
export function createPoolModule(oracleModule: OracleModuleType, payoutTokens: PayoutTokenSource) {
  return buildModule("Pool", (m) => {
    const { oracle } = m.useModule(oracleModule);
    const { wbtc, usdc } = payoutTokens(m);
    const pool = m.contract("MiningPoolShare", [
      m.getParameter<string>("name"),
      m.getParameter<string>("symbol"),
      m.getParameter<string>("admin"),
      oracle,
      m.getParameter<bigint>("sharesPerTHs"),
      m.getParameter<bigint>("maxReportAge"),
      [wbtc, usdc],
    ]);
    m.call(pool, "grantRole", [MINTER_ROLE, m.getParameter<string>("minter")], { id: "grantMinterRole" });
    m.call(pool, "grantRole", [DISTRIBUTOR_ROLE, m.getParameter<string>("distributor")], {
      id: "grantDistributorRole",
    });
    m.call(pool, "grantRole", [PAUSER_ROLE, m.getParameter<string>("pauser")], { id: "grantPauserRole" });
    return { pool, oracle };
  });
}

/** The type of every "Pool" module. */
export type PoolModule = ReturnType<typeof createPoolModule>;

/** The production "Pool": one reporter, payout tokens from parameters. */
export default createPoolModule(OracleModule, payoutTokensFromParameters);
