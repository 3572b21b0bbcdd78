import { checkAmountSyntax, formatAmount, parseAmount } from "../../src/cli/amount.js";
import { UserError } from "../../src/cli/errors.js";
import { formatKeyValues, formatTimestamp } from "../../src/cli/output.js";
import { selectSigner } from "../../src/connection/accounts.js";
import { latestTimestamp } from "../../src/connection/clock.js";
import { loadToken } from "../../src/connection/tokens.js";
import { send } from "../../src/connection/transactions.js";
import { taskAction, type CommonArguments } from "./run.js";

interface BuyArguments extends CommonArguments {
  amount: string;
  maxCost: string;
  account: string;
}

/**
 * `shares buy`: quotes first, then checks the sale window, the buyer's cap, the hashrate backing and the payment
 * balance, approves the payment token for the cost when needed, and buys.
 */
export default taskAction<BuyArguments>(async (args, session) => {
  checkAmountSyntax(args.amount, "--amount");
  const hasMaxCost = args.maxCost.trim() !== "";
  if (hasMaxCost) checkAmountSyntax(args.maxCost, "--max-cost", true);

  const ctx = await session.context();
  const { sale, pool, oracle } = ctx;
  const [decimals, symbol, paymentAddress] = await Promise.all([pool.decimals(), pool.symbol(), sale.paymentToken()]);
  const shareDecimals = Number(decimals);
  const payment = await loadToken(ctx, paymentAddress);
  const shares = parseAmount(args.amount, shareDecimals, { label: "--amount" });
  const maxCost = hasMaxCost
    ? parseAmount(args.maxCost, payment.decimals, { label: "--max-cost", allowZero: true })
    : undefined;
  const buyer = await selectSigner(ctx, args.account);
  const s = (value: bigint) => formatAmount(value, shareDecimals);
  const p = (value: bigint) => formatAmount(value, payment.decimals);

  const [start, end, now, remaining, mintable, [, , updatedAt], maxReportAge, paused] = await Promise.all([
    sale.startTime(),
    sale.endTime(),
    latestTimestamp(ctx),
    sale.remainingForBuyer(buyer.address),
    pool.mintableShares(),
    oracle.latestHashrate(ctx.deployment.pool),
    pool.maxReportAge(),
    pool.paused(),
  ]);
  if (now < start) throw new UserError(`the sale is not open yet: it opens at ${formatTimestamp(start)}`);
  if (now > end) throw new UserError(`the sale is closed: it ended at ${formatTimestamp(end)}`);
  if (shares > remaining) {
    throw new UserError(
      `--amount ${s(shares)} exceeds the buyer cap: ${buyer.address} may buy ${s(remaining)} ${symbol} more`,
    );
  }
  if (paused) throw new UserError("the pool is paused: no shares can be minted");
  if (updatedAt === 0n || now > updatedAt + maxReportAge) {
    throw new UserError(
      "the pool's hashrate report is missing or stale: no shares can be minted until the operator reports",
    );
  }
  if (shares > mintable) {
    throw new UserError(
      `--amount ${s(shares)} exceeds the hashrate backing: only ${s(mintable)} ${symbol} can be minted`,
    );
  }
  const cost = await sale.quote(shares);
  if (maxCost !== undefined && cost > maxCost) {
    throw new UserError(`the cost ${p(cost)} ${payment.symbol} is above --max-cost ${p(maxCost)} ${payment.symbol}`);
  }
  const [balance, allowance] = await Promise.all([
    payment.contract.balanceOf(buyer.address),
    payment.contract.allowance(buyer.address, ctx.deployment.sale),
  ]);
  if (balance < cost) {
    throw new UserError(
      `the cost ${p(cost)} ${payment.symbol} is more than the balance of ${buyer.address}: ${p(balance)} ${payment.symbol}`,
    );
  }

  let approveTx: string | null = null;
  if (allowance < cost) {
    const approval = await send(ctx, `approve ${payment.symbol}`, () =>
      payment.contract.connect(buyer).approve(ctx.deployment.sale, cost),
    );
    approveTx = approval.hash;
  }
  const receipt = await send(ctx, "buy", () => sale.connect(buyer).buy(shares, maxCost ?? cost));
  let paid = cost;
  for (const log of receipt.logs) {
    if (log.address !== ctx.deployment.sale) continue;
    const parsed = sale.interface.parseLog(log);
    if (parsed?.name === "SharesPurchased") paid = parsed.args.cost as bigint;
  }
  const [newBalance, supply] = await Promise.all([
    pool.balanceOf(buyer.address, { blockTag: receipt.blockNumber }),
    pool.totalSupply({ blockTag: receipt.blockNumber }),
  ]);
  const json = {
    network: ctx.networkName,
    buyer: buyer.address,
    shares: s(shares),
    cost: p(paid),
    paymentToken: payment.symbol,
    maxCost: p(maxCost ?? cost),
    balance: s(newBalance),
    totalSupply: s(supply),
    approveTxHash: approveTx,
    txHash: receipt.hash,
    block: receipt.blockNumber,
  };
  const text = [
    `Bought ${s(shares)} ${symbol} for ${p(paid)} ${payment.symbol}.`,
    formatKeyValues([
      ["buyer", buyer.address],
      ["balance", `${s(newBalance)} ${symbol}`],
      ...(approveTx !== null ? ([["approval", approveTx]] as const) : []),
      ["transaction", receipt.hash],
    ]),
  ].join("\n");
  return { text, json };
});
