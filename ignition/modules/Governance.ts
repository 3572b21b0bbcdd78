import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModule } from "@nomicfoundation/ignition-core";

import { timelockBatch, type AdminCall } from "./Admin.js";
import TimelockModule, { CANCELLER_ROLE, EXECUTOR_ROLE, PROPOSER_ROLE } from "./Timelock.js";

/**
 * Builds the "Governance" module: the last step of a timelocked deployment, run after `setupModules` (the modules
 * whose setup goes through the timelock). One batch, executed by the timelock itself:
 * 1. revokes the deploying account's proposer, canceller and executor roles on the timelock;
 * 2. grants `PROPOSER_ROLE` and `CANCELLER_ROLE` to `proposer` and `EXECUTOR_ROLE` to `executor` (in this order, so
 *    that a deployer that is also the configured proposer or executor keeps that role);
 * 3. sets the timelock's delay to `minDelay` (`updateDelay`), which applies to every later operation.
 * From then on nobody but the timelock administers the contracts or the timelock, and every admin action waits
 * `minDelay`.
 *
 * Parameters (module "Governance", or `$global`): `minDelay` (seconds), `proposer`, `executor` (addresses).
 *
 * Future IDs: `Governance#handoverSchedule`, `Governance#handoverExecute`.
 */
export function createGovernanceModule(setupModules: IgnitionModule[]) {
  return buildModule("Governance", (m) => {
    const { timelock } = m.useModule(TimelockModule);
    const deployer = m.getAccount(0);
    const proposer = m.getParameter<string>("proposer");
    const executor = m.getParameter<string>("executor");
    const call = (callId: string, fn: string, args: AdminCall["args"]): AdminCall => ({
      id: callId,
      contract: timelock,
      fn,
      args,
    });
    timelockBatch(
      m,
      timelock,
      "handover",
      [
        call("revokeDeployerProposer", "revokeRole", [PROPOSER_ROLE, deployer]),
        call("revokeDeployerCanceller", "revokeRole", [CANCELLER_ROLE, deployer]),
        call("revokeDeployerExecutor", "revokeRole", [EXECUTOR_ROLE, deployer]),
        call("grantProposer", "grantRole", [PROPOSER_ROLE, proposer]),
        call("grantCanceller", "grantRole", [CANCELLER_ROLE, proposer]),
        call("grantExecutor", "grantRole", [EXECUTOR_ROLE, executor]),
        call("updateDelay", "updateDelay", [m.getParameter<bigint>("minDelay")]),
      ],
      setupModules,
    );
    return { timelock };
  });
}
