import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

import { adminOf, sendAdminCalls, type AdminCall, type Governance } from "./Admin.js";

/** `keccak256("REPORTER_ROLE")`, as in `HashrateOracle`. */
export const REPORTER_ROLE = id("REPORTER_ROLE");

/** The largest reporter count a module can be built for (the oracle's quorum is a `uint8`). */
export const MAX_REPORTERS = 255;

/** The shape of the HashShare modules, fixed when they are built (Ignition resolves parameters only later). */
export interface ModuleShape {
  /** How many `reporterN` parameters the "Oracle" module grants `REPORTER_ROLE` to. */
  readonly reporterCount: number;
  /** Who is the contracts' admin: the `admin` parameters, or the "Timelock" module's timelock. */
  readonly governance: Governance;
}

/** One reporter, behind a timelock: the default exports' shape. */
export const DEFAULT_SHAPE: ModuleShape = { reporterCount: 1, governance: "timelock" };

/**
 * Builds the "Oracle" module: deploys `HashrateOracle(admin, quorum)` and grants `REPORTER_ROLE` to the addresses in
 * the parameters `reporter1` … `reporter<reporterCount>`. Ignition resolves parameters only when it executes, so a
 * module cannot loop over an array parameter: the number of reporters is the module's shape, and each reporter is
 * its own parameter. `src/deployment` reads the reporter list from a parameters file and builds the module to match.
 *
 * Parameters (module "Oracle", or `$global`): `quorum` (1…255), `reporter1` … `reporterN` (addresses), and `admin`
 * (the deploying account) when the governance is direct.
 *
 * Future IDs: `Oracle#HashrateOracle`; direct: `Oracle#grantReporterRole1` … `N`; timelock:
 * `Oracle#setupSchedule`, `Oracle#setupExecute` (and `Oracle#grantReporterRole<n>Data`, the encoded calls).
 */
export function createOracleModule(shape: ModuleShape = DEFAULT_SHAPE) {
  const { reporterCount, governance } = shape;
  if (!Number.isInteger(reporterCount) || reporterCount < 1 || reporterCount > MAX_REPORTERS) {
    throw new RangeError(`reporterCount must be an integer from 1 to ${MAX_REPORTERS}, got ${reporterCount}`);
  }
  return buildModule("Oracle", (m) => {
    const oracle = m.contract("HashrateOracle", [adminOf(m, governance), m.getParameter<number>("quorum")]);
    const grants: AdminCall[] = [];
    for (let i = 1; i <= reporterCount; i++) {
      grants.push({
        id: `grantReporterRole${i}`,
        contract: oracle,
        fn: "grantRole",
        args: [REPORTER_ROLE, m.getParameter<string>(`reporter${i}`)],
      });
    }
    sendAdminCalls(m, governance, "setup", grants);
    return { oracle };
  });
}

/** The type of every "Oracle" module, whatever its shape. */
export type OracleModule = ReturnType<typeof createOracleModule>;

export default createOracleModule();
