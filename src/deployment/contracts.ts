import type { ContractRunner } from "ethers";

import {
  HashrateOracle__factory,
  MiningPoolShare__factory,
  ShareSale__factory,
  type HashrateOracle,
  type MiningPoolShare,
  type ShareSale,
} from "../../typechain-types/index.js";
import type { HashShareAddresses } from "./addresses.js";

/** Typed bindings of the three HashShare contracts of one deployment. */
export interface HashShareContracts {
  readonly oracle: HashrateOracle;
  readonly pool: MiningPoolShare;
  readonly sale: ShareSale;
}

/** The ABIs of the oracle, the pool and the sale: between them, every custom error a HashShare call can raise. */
export const HASHSHARE_ABIS = [
  HashrateOracle__factory.abi,
  MiningPoolShare__factory.abi,
  ShareSale__factory.abi,
] as const;

/** Binds the oracle, the pool and the sale at `addresses` to `runner` (a provider to read, a signer to send). */
export function connectHashShare(
  addresses: Pick<HashShareAddresses, "oracle" | "pool" | "sale">,
  runner: ContractRunner,
): HashShareContracts {
  return {
    oracle: HashrateOracle__factory.connect(addresses.oracle, runner),
    pool: MiningPoolShare__factory.connect(addresses.pool, runner),
    sale: ShareSale__factory.connect(addresses.sale, runner),
  };
}
