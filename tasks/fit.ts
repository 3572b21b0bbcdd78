import { task } from "hardhat/config";

import { optionalOption, stringOption } from "./options.js";

/**
 * Refits the network model (hashrate response, efficiency gain, fee process) to a daily history and writes the
 * versioned parameters file the scenario loader reads. Pure computation: no network, no chain.
 */
export const fitTasks = [
  task("fit-network", "Fit the network model to a daily BTC history and write its parameters file")
    .addOption(
      stringOption("history", "History CSV (date,price_usd,difficulty,fees_btc,hashrate_ehs)", "data/btc-daily.csv"),
    )
    .addOption(stringOption("from", "First day of the fit, YYYY-MM-DD", "2016-01-01"))
    .addOption(optionalOption("to", "Day after the last day of the fit, YYYY-MM-DD", "all the history"))
    .addOption(stringOption("out", "Parameters file to write", "data/network-params.json"))
    .setAction(() => import("./actions/fit-network.js"))
    .build(),
];
