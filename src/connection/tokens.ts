/** ERC-20 tokens as the tasks handle them: bound on the connection, with the symbol and decimals amounts use. */
import type { MiningPoolShare } from "../../typechain-types/index.js";
import { MockERC20__factory, type MockERC20 } from "../../typechain-types/index.js";
import { looksLikeAddress, parseAddress } from "../cli/address.js";
import { UserError } from "../cli/errors.js";
import type { OpenNetwork } from "./network.js";

/**
 * A standard ERC-20 with metadata. The typechain binding of the local mock is used only for its ABI, which is the
 * plain ERC-20 surface; its faucet is never called on a real token.
 */
export type Erc20 = MockERC20;

/** A payout or payment token, with the metadata the CLI converts amounts with. */
export interface TokenInfo {
  readonly address: string;
  readonly symbol: string;
  readonly decimals: number;
  readonly contract: Erc20;
}

/** Binds an ERC-20 and reads its symbol and decimals. */
export async function loadToken(network: Pick<OpenNetwork, "connection">, address: string): Promise<TokenInfo> {
  const contract = MockERC20__factory.connect(address, network.connection.ethers.provider);
  const [symbol, decimals] = await Promise.all([contract.symbol(), contract.decimals()]);
  return { address, symbol, decimals: Number(decimals), contract };
}

/** The pool's payout tokens, in `payoutTokens()` order. */
export async function payoutTokens(
  ctx: Pick<OpenNetwork, "connection"> & { readonly pool: MiningPoolShare },
): Promise<TokenInfo[]> {
  const addresses = await ctx.pool.payoutTokens();
  return Promise.all(addresses.map((address) => loadToken(ctx, address)));
}

/** A payout token by symbol (case-insensitive, e.g. `wbtc`) or address; anything else is refused. */
export function findPayoutToken(tokens: readonly TokenInfo[], spec: string, label = "--token"): TokenInfo {
  const input = spec.trim();
  const known = tokens.map((t) => `${t.symbol.toLowerCase()} (${t.address})`).join(", ");
  const byAddress = looksLikeAddress(input) ? parseAddress(input, label) : undefined;
  const token = tokens.find((t) =>
    byAddress !== undefined
      ? t.address.toLowerCase() === byAddress.toLowerCase()
      : t.symbol.toLowerCase() === input.toLowerCase(),
  );
  if (token === undefined) throw new UserError(`unknown token ${label} ${input}: the pool pays in ${known}`);
  return token;
}
