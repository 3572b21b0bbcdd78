import { emptyTask, task } from "hardhat/config";

import {
  accountOption,
  fileOption,
  jsonFlag,
  optionalOption,
  requiredOption,
  sharesAmountOption,
  toOption,
} from "./options.js";

/**
 * Investor tasks: buy shares in the sale, see holdings and claimable revenue by token and source, claim, transfer,
 * export a statement. Contract addresses come from the Ignition deployment of the selected `--network`; actions
 * are loaded lazily.
 */
export const investorTasks = [
  emptyTask("shares", "Investor: buy, hold, claim and report on pool shares").build(),

  task(["shares", "buy"], "Buy shares in the primary sale (quotes first, approves the payment token as needed)")
    .addOption(requiredOption("amount", "Shares to buy, in whole units (e.g. 10 or 2.5)"))
    .addOption(optionalOption("maxCost", "Most to pay, in whole payment-token units", "the quote"))
    .addOption(accountOption("Buyer"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/shares-buy.js"))
    .build(),

  task(
    ["shares", "portfolio"],
    "Show shares, share of the pool, claimable revenue by token and source, lifetime received",
  )
    .addOption(accountOption("Holder", "any address, or an account index on local networks"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/shares-portfolio.js"))
    .build(),

  task(["shares", "claim"], "Claim accrued revenue: one payout token, or all of them")
    .addOption(optionalOption("token", "Payout token: symbol (wbtc, usdc) or address", "every payout token"))
    .addOption(accountOption("Holder"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/shares-claim.js"))
    .build(),

  task(["shares", "transfer"], "Transfer shares to another address")
    .addOption(toOption())
    .addOption(sharesAmountOption())
    .addOption(accountOption("Sender"))
    .addFlag(jsonFlag())
    .setAction(() => import("./actions/shares-transfer.js"))
    .build(),

  task(["shares", "statement"], "CSV of every accrual and claim (epoch, source, token, amount, tx hash), from events")
    .addOption(accountOption("Holder", "any address, or an account index on local networks"))
    .addOption(fileOption("out", "Write the CSV to this file", "print it"))
    .addFlag(jsonFlag("Print the rows as JSON instead of CSV"))
    .setAction(() => import("./actions/shares-statement.js"))
    .build(),
];
