import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type {
  AddressResolvableFuture,
  IgnitionModuleBuilder,
  ModuleParameterRuntimeValue,
} from "@nomicfoundation/ignition-core";
import { id } from "ethers";

import { adminOf, sendAdminCalls, type Governance } from "./Admin.js";
import OracleModule, { DEFAULT_SHAPE, type OracleModule as OracleModuleType } from "./Oracle.js";

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
 * Deploys `MiningPoolShare(name, symbol, admin, oracle, sharesPerTHs, maxReportAge, [wbtc, usdc])`, grants
 * `MINTER_ROLE`, `DISTRIBUTOR_ROLE` and `PAUSER_ROLE` to the operator addresses and bounds the pool's daily hashrate
 * change on the oracle (`setMaxChangeBps(pool, maxChangeBps)`), as the admin (see `Admin.ts`).
 *
 * Parameters (module "Pool", or `$global`): `name`, `symbol`, `sharesPerTHs` (share base units per TH/s),
 * `maxReportAge` (seconds), `maxChangeBps` (1 … 2^32−1), `minter`, `distributor`, `pauser`, `wbtc` and `usdc` when
 * the tokens come from parameters, and `admin` (the deploying account) when the governance is direct.
 *
 * Future IDs: `Pool#MiningPoolShare`; direct: the calls `Pool#grantMinterRole`, `Pool#grantDistributorRole`,
 * `Pool#grantPauserRole`, `Pool#setMaxChangeBps`; timelock: `Pool#setupSchedule`, `Pool#setupExecute`.
 */
export function createPoolModule(
  oracleModule: OracleModuleType,
  payoutTokens: PayoutTokenSource,
  governance: Governance = DEFAULT_SHAPE.governance,
) {
  return buildModule("Pool", (m) => {
    const { oracle } = m.useModule(oracleModule);
    const { wbtc, usdc } = payoutTokens(m);
    const pool = m.contract("MiningPoolShare", [
      m.getParameter<string>("name"),
      m.getParameter<string>("symbol"),
      adminOf(m, governance),
      oracle,
      m.getParameter<bigint>("sharesPerTHs"),
      m.getParameter<bigint>("maxReportAge"),
      [wbtc, usdc],
    ]);
    const grant = (callId: string, role: string, parameter: string) => ({
      id: callId,
      contract: pool,
      fn: "grantRole",
      args: [role, m.getParameter<string>(parameter)],
    });
    sendAdminCalls(m, governance, "setup", [
      grant("grantMinterRole", MINTER_ROLE, "minter"),
      grant("grantDistributorRole", DISTRIBUTOR_ROLE, "distributor"),
      grant("grantPauserRole", PAUSER_ROLE, "pauser"),
      {
        id: "setMaxChangeBps",
        contract: oracle,
        fn: "setMaxChangeBps",
        args: [pool, m.getParameter<number>("maxChangeBps")],
      },
    ]);
    return { pool, oracle };
  });
}

/** The type of every "Pool" module. */
export type PoolModule = ReturnType<typeof createPoolModule>;

/** The production "Pool": one reporter, payout tokens from parameters, behind the timelock. */
export default createPoolModule(OracleModule, payoutTokensFromParameters);
