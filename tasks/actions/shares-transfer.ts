import { checkAmountSyntax, formatAmount, parseAmount } from "../../src/cli/amount.js";
import { UserError } from "../../src/cli/errors.js";
import { formatKeyValues } from "../../src/cli/output.js";
import { checkAccountSyntax, resolveAddress, selectSigner } from "../../src/connection/accounts.js";
import { send } from "../../src/connection/transactions.js";
import { taskAction, type CommonArguments } from "./run.js";

interface TransferArguments extends CommonArguments {
  to: string;
  amount: string;
  account: string;
}

/** `shares transfer`: move shares to another address (accrued revenue stays with the sender). */
export default taskAction<TransferArguments>(async (args, session) => {
  checkAccountSyntax(args.to, "--to", true);
  checkAmountSyntax(args.amount, "--amount");

  const ctx = await session.context();
  const to = await resolveAddress(ctx, args.to, "--to");
  const { pool } = ctx;
  const [decimals, symbol, paused] = await Promise.all([pool.decimals(), pool.symbol(), pool.paused()]);
  const shareDecimals = Number(decimals);
  const shares = parseAmount(args.amount, shareDecimals, { label: "--amount" });
  const sender = await selectSigner(ctx, args.account);
  const s = (value: bigint) => formatAmount(value, shareDecimals);
  const contracts = [ctx.deployment.pool, ctx.deployment.sale, ctx.deployment.oracle];
  if (contracts.includes(to))
    throw new UserError(`--to ${to} is a HashShare contract: shares sent there would be lost`);
  const balance = await pool.balanceOf(sender.address);
  if (shares > balance) {
    throw new UserError(`--amount ${s(shares)} is more than the balance of ${sender.address}: ${s(balance)} ${symbol}`);
  }
  if (paused) throw new UserError("the pool is paused: transfers are stopped");

  const receipt = await send(ctx, "transfer", () => pool.connect(sender).transfer(to, shares));
  const [fromBalance, toBalance] = await Promise.all([
    pool.balanceOf(sender.address, { blockTag: receipt.blockNumber }),
    pool.balanceOf(to, { blockTag: receipt.blockNumber }),
  ]);
  const json = {
    network: ctx.networkName,
    from: sender.address,
    to,
    amount: s(shares),
    fromBalance: s(fromBalance),
    toBalance: s(toBalance),
    txHash: receipt.hash,
    block: receipt.blockNumber,
  };
  const text = [
    `Transferred ${s(shares)} ${symbol} from ${sender.address} to ${to}.`,
    formatKeyValues([
      ["sender balance", `${s(fromBalance)} ${symbol}`],
      ["recipient balance", `${s(toBalance)} ${symbol}`],
      ["transaction", receipt.hash],
    ]),
    "Revenue accrued before the transfer stays claimable by the sender.",
  ].join("\n");
  return { text, json };
});
