import { task } from "hardhat/config";

import { intOption, jsonFlag, optionalOption, stringOption } from "./options.js";

/**
 * The dashboard: indexes the deployment's events (SQLite in the cache folder, or PostgreSQL when DATABASE_URL is
 * set) and serves the investor and operator views on http://127.0.0.1:8787 until stopped with Ctrl-C.
 */
export const dashboardTasks = [
  task("dashboard", "Index the pool's events and serve the investor and operator dashboard (read-only, live)")
    .addOption(
      optionalOption(
        "deployment",
        "Ignition deployment ID to show, as `simulate` prints it",
        "HASHSHARE_DEPLOYMENT_ID, else chain-<chainId>",
      ),
    )
    .addOption(intOption("port", "HTTP port (0 picks a free one)", 8787))
    .addOption(stringOption("host", "Interface to listen on; anything but loopback exposes the dashboard", "127.0.0.1"))
    .addOption(
      intOption(
        "confirmations",
        "Blocks an event must be under the head to be indexed (-1: 0 on local chains, else 12)",
        -1,
      ),
    )
    .addOption(intOption("blockRange", "Blocks per eth_getLogs request", 2000))
    .addOption(intOption("pollMs", "Milliseconds between polls of the chain once caught up", 500))
    .addOption(
      optionalOption("database", "SQLite file; DATABASE_URL wins", "cache/dashboard/<deployment>-<chainId>.sqlite"),
    )
    .addOption(
      optionalOption(
        "prices",
        "BTC/USD prices: a number, a date,price_usd CSV, or a simulator run's daily.csv",
        "none, BTC is not valued in USD",
      ),
    )
    .addFlag(jsonFlag("Print a JSON line when stopped"))
    .setAction(() => import("./actions/dashboard.js"))
    .build(),
];
