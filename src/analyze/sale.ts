/**
 * The sale terms analyze prices a share at: the network's deployment parameters (the Sale module's `pricePerShare`,
 * USDC base units per whole share, and the Pool module's `sharesPerTHs`, share base units per TH/s), the same file the
 * deployment and the simulator use, so the price has one home. `--price` overrides the price.
 */
import { UserError } from "../cli/errors.js";
import { readHashShareParameters } from "../deployment/parameters.js";
import { ONE_SHARE, unitsPerToken } from "../tokens.js";
import type { SaleTerms } from "./block.js";

/** The sale terms of a deployment parameters file. */
export async function saleTermsFrom(parametersPath: string, priceUsd?: number): Promise<SaleTerms> {
  let parameters;
  try {
    parameters = await readHashShareParameters(parametersPath);
  } catch (error) {
    throw new UserError(
      `cannot read the sale terms (${error instanceof Error ? error.message : String(error)}); give --price, or run on a network with a parameters file`,
    );
  }
  const sharesPerThs = Number(parameters.pool.sharesPerTHs) / Number(ONE_SHARE);
  const parametersPrice = Number(parameters.sale.pricePerShare) / Number(unitsPerToken("usdc"));
  return { priceUsd: priceUsd ?? parametersPrice, sharesPerThs };
}
