import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

/**
 * Investor tasks: buy shares in the sale, see holdings and claimable revenue by token and source, claim, transfer,
 * export a statement. Contract addresses come from the Ignition deployment of the selected `--network`; actions
 * are loaded lazily.
 */
export const investorTasks = [
  emptyTask("shares", "Investor: buy, hold, claim and report on pool shares").build(),

  task(["shares", "buy"], "Buy shares in the primary sale (quotes first, approves the payment token as needed)")
    .addOption({
      name: "amount",
      description: "Shares to buy, in whole units (e.g. 10 or 2.5)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "maxCost",
      description: "Most to pay, in whole payment-token units (default: the quote)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "account",
      description: "Buyer: account index (local networks) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/shares-buy.js"))
    .build(),

  task(
    ["shares", "portfolio"],
    "Show shares, share of the pool, claimable revenue by token and source, lifetime received",
  )
    .addOption({
      name: "account",
      description: "Holder: account index (local networks) or any address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/shares-portfolio.js"))
    .build(),

  task(["shares", "claim"], "Claim accrued revenue: one payout token, or all of them")
    .addOption({
      name: "token",
      description: "Payout token: symbol (wbtc, usdc) or address (default: all)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "account",
      description: "Holder: account index (local networks) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/shares-claim.js"))
    .build(),

  task(["shares", "transfer"], "Transfer shares to another address")
    .addOption({ name: "to", description: "Recipient address", type: ArgumentType.STRING, defaultValue: "" })
    .addOption({
      name: "amount",
      description: "Shares, in whole units (e.g. 1.5)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "account",
      description: "Sender: account index (local networks) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/shares-transfer.js"))
    .build(),

  task(["shares", "statement"], "CSV of every accrual and claim (epoch, source, token, amount, tx hash), from events")
    .addOption({
      name: "account",
      description: "Holder: account index (local networks) or any address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "out",
      description: "Write the CSV to this file (default: print it)",
      type: ArgumentType.FILE_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addFlag({ name: "json", description: "Print the rows as JSON instead of CSV" })
    .setAction(() => import("./actions/shares-statement.js"))
    .build(),
];
