import { looksLikeAddress, parseAddress } from "../../src/cli/address.js";
import { checkAmountSyntax, formatAmount, parseAmount } from "../../src/cli/amount.js";
import { UserError } from "../../src/cli/errors.js";
import { parseUint } from "../../src/cli/integer.js";
import { formatKeyValues } from "../../src/cli/output.js";
import { parseSource, sourceName } from "../../src/cli/source.js";
import { selectSigner } from "../../src/connection/accounts.js";
import { findPayoutToken, payoutTokens } from "../../src/connection/tokens.js";
import { send } from "../../src/connection/transactions.js";
import { taskAction, type CommonArguments } from "./run.js";

interface DepositArguments extends CommonArguments {
  token: string;
  amount: string;
  source: string;
  epoch: string;
  account: string;
}

/**
 * `pool deposit`: one epoch's revenue for a payout token and a source, credited to every holder pro rata. Refuses an
 * epoch already funded before sending anything, and approves the pool for the amount when needed.
 */
export default taskAction<DepositArguments>(async (args, session) => {
  if (args.token.trim() === "")
    throw new UserError("--token is missing: give a payout token symbol (wbtc, usdc) or address");
  if (looksLikeAddress(args.token)) parseAddress(args.token, "--token");
  checkAmountSyntax(args.amount, "--amount");
  const source = parseSource(args.source);
  const epoch = parseUint(args.epoch, 64, "--epoch");

  const ctx = await session.context();
  const { pool } = ctx;
  const token = findPayoutToken(await payoutTokens(ctx), args.token);
  const amount = parseAmount(args.amount, token.decimals, { label: "--amount" });
  const distributor = await selectSigner(ctx, args.account);
  const poolAddress = ctx.deployment.pool;
  const f = (value: bigint) => formatAmount(value, token.decimals);
  const [isDistributor, paused, funded, supply, balance, allowance, shareDecimals] = await Promise.all([
    pool.hasRole(await pool.DISTRIBUTOR_ROLE(), distributor.address),
    pool.paused(),
    pool.isEpochFunded(token.address, source, epoch),
    pool.totalSupply(),
    token.contract.balanceOf(distributor.address),
    token.contract.allowance(distributor.address, poolAddress),
    pool.decimals(),
  ]);
  if (!isDistributor) {
    throw new UserError(`account ${distributor.address} is not a distributor (it lacks DISTRIBUTOR_ROLE on the pool)`);
  }
  if (paused) throw new UserError("the pool is paused: deposits are stopped");
  if (funded) {
    throw new UserError(`epoch ${epoch} of ${sourceName(source)} revenue in ${token.symbol} is already funded`);
  }
  if (supply === 0n)
    throw new UserError("no shares are outstanding: a deposit would credit nobody (mint or sell shares first)");
  if (balance < amount) {
    throw new UserError(
      `--amount ${f(amount)} ${token.symbol} is more than the balance of ${distributor.address}: ${f(balance)} ${token.symbol}`,
    );
  }

  let approveTx: string | null = null;
  if (allowance < amount) {
    const approval = await send(ctx, `approve ${token.symbol}`, () =>
      token.contract.connect(distributor).approve(poolAddress, amount),
    );
    approveTx = approval.hash;
  }
  const receipt = await send(ctx, "deposit", () =>
    pool.connect(distributor).depositRevenue(token.address, amount, source, epoch),
  );
  let credited = 0n;
  for (const log of receipt.logs) {
    if (log.address !== poolAddress) continue;
    const parsed = pool.interface.parseLog(log);
    if (parsed?.name === "RevenueDeposited") credited = parsed.args.amount as bigint;
  }
  const perShare = (credited * 10n ** shareDecimals) / supply;
  const json = {
    network: ctx.networkName,
    distributor: distributor.address,
    token: token.symbol,
    tokenAddress: token.address,
    source: sourceName(source),
    epoch,
    amount: f(amount),
    credited: f(credited),
    perShare: f(perShare),
    totalSupply: formatAmount(supply, Number(shareDecimals)),
    approveTxHash: approveTx,
    txHash: receipt.hash,
    block: receipt.blockNumber,
  };
  const text = [
    `Deposited ${f(credited)} ${token.symbol} of ${sourceName(source)} revenue for epoch ${epoch}.`,
    formatKeyValues([
      ["per share", `${f(perShare)} ${token.symbol} (over ${formatAmount(supply, Number(shareDecimals))} shares)`],
      ...(credited !== amount ? ([["sent", `${f(amount)} ${token.symbol} (fee on transfer)`]] as const) : []),
      ...(approveTx !== null ? ([["approval", approveTx]] as const) : []),
      ["transaction", receipt.hash],
    ]),
  ].join("\n");
  return { text, json };
});
