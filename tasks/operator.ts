import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

/**
 * Operator tasks: inspect the pool and the sale, report hashrate, mint, deposit an epoch's revenue. Contract
 * addresses come from the Ignition deployment of the selected `--network`; actions are loaded lazily.
 */
export const operatorTasks = [
  emptyTask("pool", "Operator: inspect and run the mining pool").build(),

  task(["pool", "status"], "Show supply, backing, latest report, revenue totals, payout tokens, pause and roles")
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/pool-status.js"))
    .build(),

  task(["pool", "report"], "Submit the pool's hashrate for an epoch to the oracle (needs REPORTER_ROLE)")
    .addOption({
      name: "epoch",
      description: "Epoch number (whole number, above the latest)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "hashrate",
      description: "Measured hashrate in whole TH/s",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "account",
      description: "Reporter: account index (local networks) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/pool-report.js"))
    .build(),

  task(["pool", "mint"], "Mint shares within the hashrate backing (needs MINTER_ROLE)")
    .addOption({ name: "to", description: "Recipient address", type: ArgumentType.STRING, defaultValue: "" })
    .addOption({
      name: "amount",
      description: "Shares, in whole units (e.g. 1.5)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "account",
      description: "Minter: account index (local networks) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/pool-mint.js"))
    .build(),

  task(["pool", "deposit"], "Deposit one epoch's revenue for a token and source (needs DISTRIBUTOR_ROLE)")
    .addOption({
      name: "token",
      description: "Payout token: symbol (wbtc, usdc) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "amount",
      description: "Amount in whole token units (e.g. 1.5)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "source",
      description: "Revenue source: mining or ai",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "epoch",
      description: "Epoch the revenue belongs to (funded at most once)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "account",
      description: "Distributor: account index (local networks) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/pool-deposit.js"))
    .build(),

  task(["pool", "faucet"], "Local chains only: mint the deployment's mock WBTC or USDC to an address")
    .addOption({ name: "token", description: "Mock token: wbtc or usdc", type: ArgumentType.STRING, defaultValue: "" })
    .addOption({ name: "to", description: "Recipient address", type: ArgumentType.STRING, defaultValue: "" })
    .addOption({
      name: "amount",
      description: "Amount in whole token units (e.g. 1000)",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addOption({
      name: "account",
      description: "Sender: account index or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/pool-faucet.js"))
    .build(),

  emptyTask("sale", "Operator: the primary share sale").build(),

  task(["sale", "status"], "Show the sale's price, window, cap, sales so far and what can still be bought")
    .addOption({
      name: "account",
      description: "Buyer whose remaining cap to show: account index (local networks) or address",
      type: ArgumentType.STRING,
      defaultValue: "",
    })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./actions/sale-status.js"))
    .build(),
];
