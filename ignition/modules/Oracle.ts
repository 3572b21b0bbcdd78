import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

/** `keccak256("REPORTER_ROLE")`, as in `HashrateOracle`. */
export const REPORTER_ROLE = id("REPORTER_ROLE");

/** The largest reporter count a module can be built for (the oracle's quorum is a `uint8`). */
export const MAX_REPORTERS = 255;

/**
 * Builds the "Oracle" module for `reporterCount` reporters.
 *
 * Deploys `HashrateOracle(admin, quorum)` and grants `REPORTER_ROLE` to the addresses in the parameters
 * `reporter1` … `reporter<reporterCount>`. Ignition resolves parameters only when it executes, so a module cannot
 * loop over an array parameter: the number of reporters is the module's shape, fixed when it is built, and each
 * reporter is its own parameter. `src/deployment` reads the reporter list from a parameters file and builds the
 * module for that count; the default export is built for one reporter.
 *
 * Parameters (module "Oracle", or `$global`): `admin` (address; must be the deploying account, which sends the
 * grants), `quorum` (1…255), `reporter1` … `reporterN` (addresses).
 *
 * Future IDs: `Oracle#HashrateOracle`, and the calls `Oracle#grantReporterRole1` … `Oracle#grantReporterRoleN`.
 */
export function createOracleModule(reporterCount = 1) {
  if (!Number.isInteger(reporterCount) || reporterCount < 1 || reporterCount > MAX_REPORTERS) {
    throw new RangeError(`reporterCount must be an integer from 1 to ${MAX_REPORTERS}, got ${reporterCount}`);
  }
  return buildModule("Oracle", (m) => {
    const admin = m.getParameter<string>("admin");
    const quorum = m.getParameter<number>("quorum");
    const oracle = m.contract("HashrateOracle", [admin, quorum]);
    for (let i = 1; i <= reporterCount; i++) {
      m.call(oracle, "grantRole", [REPORTER_ROLE, m.getParameter<string>(`reporter${i}`)], {
        id: `grantReporterRole${i}`,
      });
    }
    return { oracle };
  });
}

/** The type of every "Oracle" module, whatever its reporter count. */
export type OracleModule = ReturnType<typeof createOracleModule>;

export default createOracleModule();
