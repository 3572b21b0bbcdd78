import { looksLikeAddress, parseAddress } from "../../src/cli/address.js";
import { formatAmount } from "../../src/cli/amount.js";
import { formatKeyValues } from "../../src/cli/output.js";
import { selectSigner } from "../../src/connection/accounts.js";
import { findPayoutToken, payoutTokens } from "../../src/connection/tokens.js";
import { send } from "../../src/connection/transactions.js";
import { taskAction, type CommonArguments } from "./run.js";

interface ClaimArguments extends CommonArguments {
  token: string;
  account: string;
}

/** `shares claim`: claim one payout token (`--token`) or all of them. Sends nothing when nothing is claimable. */
export default taskAction<ClaimArguments>(async (args, session) => {
  const one = args.token.trim() !== "";
  if (one && looksLikeAddress(args.token)) parseAddress(args.token, "--token");

  const ctx = await session.context();
  const { pool } = ctx;
  const tokens = await payoutTokens(ctx);
  const selected = one ? [findPayoutToken(tokens, args.token)] : tokens;
  const holder = await selectSigner(ctx, args.account);
  const claimable = await Promise.all(selected.map((token) => pool.claimable(holder.address, token.address)));
  const nothing = claimable.every((amount) => amount === 0n);

  let txHash: string | null = null;
  let block: number | null = null;
  const claimed = new Map<string, bigint>();
  if (!nothing) {
    const receipt = await send(ctx, "claim", () =>
      one ? pool.connect(holder).claim(selected[0]!.address) : pool.connect(holder).claimAll(),
    );
    txHash = receipt.hash;
    block = receipt.blockNumber;
    for (const log of receipt.logs) {
      if (log.address !== ctx.deployment.pool) continue;
      const parsed = pool.interface.parseLog(log);
      if (parsed?.name === "RevenueClaimed") claimed.set(String(parsed.args.token), parsed.args.amount as bigint);
    }
  }
  const rows = selected.map((token) => ({
    token: token.symbol,
    address: token.address,
    claimed: formatAmount(claimed.get(token.address) ?? 0n, token.decimals),
  }));
  const json = { network: ctx.networkName, account: holder.address, claims: rows, txHash, block };
  const text = nothing
    ? `Nothing to claim for ${holder.address}${one ? ` in ${selected[0]!.symbol}` : ""}: no transaction sent.`
    : [
        `Claimed for ${holder.address}:`,
        formatKeyValues([...rows.map((row) => [row.token, row.claimed] as const), ["transaction", txHash ?? ""]]),
      ].join("\n");
  return { text, json };
});
