import { writeFileSync } from "node:fs";

import { fitNetwork } from "../../src/model/fit.js";
import { loadHistory } from "../../src/model/history.js";

interface FitNetworkArgs {
  history: string;
  from: string;
  /** undefined or "" = all the history. */
  to: string | undefined;
  out: string;
}

/** `hardhat fit-network`: fits, writes the parameters file and prints the fitted values on one line each. */
export default async function fitNetworkAction(args: FitNetworkArgs): Promise<void> {
  try {
    const history = loadHistory(args.history);
    const fit = fitNetwork(history, {
      from: args.from,
      to: args.to === undefined || args.to === "" ? "9999-12-31" : args.to,
    });
    writeFileSync(args.out, `${JSON.stringify(fit, null, 2)}\n`);
    const n = fit.network;
    console.log(`fit-network: ${fit.fittedOn.from} to ${fit.fittedOn.to}, ${fit.stats.epochs} epochs -> ${args.out}`);
    console.log(`  networkEfficiencyGain ${(n.networkEfficiencyGain * 100).toFixed(0)} %/year`);
    console.log(
      `  upElasticity ${n.upElasticity.toFixed(3)} /year, downElasticity ${n.downElasticity.toFixed(3)} /year`,
    );
    console.log(`  lag ${n.lagDays} days, noise ${(n.difficultyNoise * 100).toFixed(2)} % per retarget`);
    console.log(
      `  fees: autocorrelation ${fit.fees.autocorrelation.toFixed(3)}, volatility ${fit.fees.volatility.toFixed(3)}`,
    );
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
