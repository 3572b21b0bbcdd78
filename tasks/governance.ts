import { emptyTask, task } from "hardhat/config";

import { accountOption, addressOption, flag, jsonFlag, optionalOption, requiredOption } from "./options.js";

/** `--account` of a proposer and `--delay`, which every `governance schedule …` task has. */
const proposerOption = () => accountOption("Proposer (PROPOSER_ROLE on the timelock)");
const delayOption = () => optionalOption("delay", "Seconds before it can be executed", "the timelock's minimum delay");

/**
 * Governance tasks: every admin action on a timelocked deployment is scheduled through the `TimelockController`,
 * listed with the time it becomes executable, then executed (or cancelled). The operator names the action and its
 * arguments; the tasks encode the calldata, read it back from the timelock's events and decode reverts.
 */
export const governanceTasks = [
  emptyTask("governance", "Admin actions through the timelock: schedule, list, execute, cancel").build(),
  emptyTask(["governance", "schedule"], "Schedule an admin action on the timelock (needs PROPOSER_ROLE)").build(),

  task(["governance", "schedule", "grant-role"], "Schedule granting an operational role")
    .addOption(requiredOption("role", "reporter, minter, distributor or pauser"))
    .addOption(addressOption("to", "Account to grant it to"))
    .addOption(proposerOption())
    .addOption(delayOption())
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-grant-role.js"))
    .build(),

  task(["governance", "schedule", "revoke-role"], "Schedule revoking an operational role")
    .addOption(requiredOption("role", "reporter, minter, distributor or pauser"))
    .addOption(addressOption("from", "Account to revoke it from"))
    .addOption(proposerOption())
    .addOption(delayOption())
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-revoke-role.js"))
    .build(),

  task(["governance", "schedule", "set-quorum"], "Schedule changing the oracle's quorum")
    .addOption(requiredOption("quorum", "Distinct reporters that finalize an epoch (1-255)"))
    .addOption(proposerOption())
    .addOption(delayOption())
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-set-quorum.js"))
    .build(),

  task(["governance", "schedule", "set-max-change-bps"], "Schedule changing the pool's bound on one report's change")
    .addOption(requiredOption("bps", "Largest move of a finalized hashrate, in basis points (at least 1)"))
    .addOption(proposerOption())
    .addOption(delayOption())
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-set-max-change-bps.js"))
    .build(),

  task(["governance", "schedule", "set-claimer-for"], "Schedule naming who claims for a contract holder")
    .addOption(requiredOption("holder", "The contract that holds shares: its address"))
    .addOption(addressOption("claimer", "Who may claim its revenue"))
    .addOption(proposerOption())
    .addOption(delayOption())
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-set-claimer-for.js"))
    .build(),

  task(["governance", "schedule", "skim"], "Schedule recovering tokens the pool holds but owes no one")
    .addOption(requiredOption("token", "Payout token symbol (wbtc, usdc) or any token address"))
    .addOption(addressOption("to", "Recipient"))
    .addOption(proposerOption())
    .addOption(delayOption())
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-skim.js"))
    .build(),

  task(
    ["governance", "schedule", "transfer-admin"],
    "Schedule handing the admin of oracle, pool and sale to a new admin",
  )
    .addOption(addressOption("to", "The new admin, which then accepts on each contract"))
    .addOption(proposerOption())
    .addOption(delayOption())
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-transfer-admin.js"))
    .build(),

  task(["governance", "list"], "List pending timelock operations with the time each becomes executable")
    .addFlag(flag("all", "Include executed and cancelled operations"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-list.js"))
    .build(),

  task(["governance", "execute"], "Execute a scheduled operation once its delay has passed (needs EXECUTOR_ROLE)")
    .addOption(requiredOption("id", "Operation ID, as governance list shows it"))
    .addOption(accountOption("Executor (EXECUTOR_ROLE on the timelock)"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-execute.js"))
    .build(),

  task(["governance", "cancel"], "Cancel a pending operation (needs CANCELLER_ROLE)")
    .addOption(requiredOption("id", "Operation ID, as governance list shows it"))
    .addOption(accountOption("Canceller (CANCELLER_ROLE on the timelock)"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/governance-cancel.js"))
    .build(),
];
