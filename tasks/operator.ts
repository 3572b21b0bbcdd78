import { emptyTask, task } from "hardhat/config";

import { accountOption, jsonFlag, optionalOption, requiredOption, sharesAmountOption, toOption } from "./options.js";

/**
 * Operator tasks: inspect the pool and the sale, report hashrate, mint, deposit an epoch's revenue. Contract
 * addresses come from the Ignition deployment of the selected `--network`; actions are loaded lazily.
 */
export const operatorTasks = [
  emptyTask("pool", "Operator: inspect and run the mining pool").build(),

  task(["pool", "status"], "Show supply, backing, latest report, revenue totals, payout tokens, pause and roles")
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/pool-status.js"))
    .build(),

  task(["pool", "report"], "Submit the pool's hashrate for an epoch to the oracle (needs REPORTER_ROLE)")
    .addOption(
      optionalOption("epoch", "UTC day number: the current one or the previous one", "the chain's current epoch"),
    )
    .addOption(requiredOption("hashrate", "Measured hashrate in whole TH/s"))
    .addOption(accountOption("Reporter"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/pool-report.js"))
    .build(),

  task(["pool", "mint"], "Mint shares within the hashrate backing (needs MINTER_ROLE)")
    .addOption(toOption())
    .addOption(sharesAmountOption())
    .addOption(accountOption("Minter"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/pool-mint.js"))
    .build(),

  task(["pool", "deposit"], "Deposit one epoch's revenue for a token and source (needs DISTRIBUTOR_ROLE)")
    .addOption(requiredOption("token", "Payout token: symbol (wbtc, usdc) or address"))
    .addOption(requiredOption("amount", "Amount in whole token units (e.g. 1.5)"))
    .addOption(requiredOption("source", "Revenue source: mining or ai"))
    .addOption(requiredOption("epoch", "Epoch the revenue belongs to (funded at most once)"))
    .addOption(accountOption("Distributor"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/pool-deposit.js"))
    .build(),

  task(["pool", "faucet"], "Local chains only: mint the deployment's mock WBTC or USDC to an address")
    .addOption(requiredOption("token", "Mock token: wbtc or usdc"))
    .addOption(toOption())
    .addOption(requiredOption("amount", "Amount in whole token units (e.g. 1000)"))
    .addOption(accountOption("Sender"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/pool-faucet.js"))
    .build(),

  emptyTask("sale", "Operator: the primary share sale").build(),

  task(["sale", "status"], "Show the sale's price, window, cap, sales so far and what can still be bought")
    .addOption(accountOption("Buyer whose purchases and remaining cap to show", undefined, "no buyer"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/sale-status.js"))
    .build(),
];
