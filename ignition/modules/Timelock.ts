import { createRequire } from "node:module";

import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { Artifact } from "@nomicfoundation/ignition-core";
import { ZeroAddress, id } from "ethers";

/**
 * OpenZeppelin's `TimelockController`, as OpenZeppelin builds and ships it in `@openzeppelin/contracts` (its
 * audited bytecode, not a copy compiled here).
 */
export const TIMELOCK_ARTIFACT = createRequire(import.meta.url)(
  "@openzeppelin/contracts/build/contracts/TimelockController.json",
) as Artifact;

/** The `TimelockController` roles: `keccak256("PROPOSER_ROLE")` etc. */
export const PROPOSER_ROLE = id("PROPOSER_ROLE");
export const EXECUTOR_ROLE = id("EXECUTOR_ROLE");
export const CANCELLER_ROLE = id("CANCELLER_ROLE");

/**
 * The "Timelock" module: a `TimelockController` that starts with no delay, the deploying account as its only
 * proposer, executor and canceller, and no admin but itself. The contracts are deployed with the timelock as their
 * admin; each module then sets its contract up through the timelock (schedule + execute in two transactions, the
 * delay being 0), and the "Governance" module ends the setup: it hands the timelock to the configured proposer and
 * executor, takes the deployer's roles away and sets the real delay — all in one batch executed by the timelock.
 *
 * Future ID: `Timelock#TimelockController`.
 */
const TimelockModule = buildModule("Timelock", (m) => {
  const deployer = m.getAccount(0);
  const timelock = m.contract("TimelockController", TIMELOCK_ARTIFACT, [0n, [deployer], [deployer], ZeroAddress]);
  return { timelock };
});

export default TimelockModule;
