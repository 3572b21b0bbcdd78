import { formatAmount } from "../../src/cli/amount.js";
import { formatDuration, formatKeyValues, formatTimestamp } from "../../src/cli/output.js";
import { selectHolder } from "../../src/connection/accounts.js";
import { latestTimestamp } from "../../src/connection/clock.js";
import { loadToken } from "../../src/connection/tokens.js";
import { taskAction, type CommonArguments } from "./run.js";

interface SaleStatusArguments extends CommonArguments {
  account: string;
}

/** `sale status`: price, window, cap and sales so far; with `--account`, what that buyer can still buy. */
export default taskAction<SaleStatusArguments>(async (args, session) => {
  const ctx = await session.context();
  const { sale, pool } = ctx;
  const [paymentAddress, price, treasury, start, end, cap, sold, mintable, decimals, symbol, now] = await Promise.all([
    sale.paymentToken(),
    sale.pricePerShare(),
    sale.treasury(),
    sale.startTime(),
    sale.endTime(),
    sale.maxSharesPerBuyer(),
    sale.totalSold(),
    pool.mintableShares(),
    pool.decimals(),
    pool.symbol(),
    latestTimestamp(ctx),
  ]);
  const payment = await loadToken(ctx, paymentAddress);
  const shareDecimals = Number(decimals);
  const shares = (value: bigint) => formatAmount(value, shareDecimals);
  const pay = (value: bigint) => formatAmount(value, payment.decimals);
  const active = now >= start && now <= end;
  const state = now < start ? "not open yet" : now > end ? "closed" : "open";
  const buyer =
    args.account.trim() === ""
      ? null
      : await (async () => {
          const address = await selectHolder(ctx, args.account);
          const [purchased, remaining, balance, allowance] = await Promise.all([
            sale.purchased(address),
            sale.remainingForBuyer(address),
            payment.contract.balanceOf(address),
            payment.contract.allowance(address, ctx.deployment.sale),
          ]);
          const buyable = active ? (remaining < mintable ? remaining : mintable) : 0n;
          return { address, purchased, remaining, balance, allowance, buyable };
        })();
  const json = {
    network: ctx.networkName,
    sale: ctx.deployment.sale,
    state,
    active,
    now,
    startTime: start,
    endTime: end,
    paymentToken: { symbol: payment.symbol, address: payment.address, decimals: payment.decimals },
    pricePerShare: pay(price),
    treasury,
    maxSharesPerBuyer: shares(cap),
    totalSold: shares(sold),
    mintable: shares(mintable),
    buyer:
      buyer === null
        ? null
        : {
            address: buyer.address,
            purchased: shares(buyer.purchased),
            remaining: shares(buyer.remaining),
            buyableNow: shares(buyer.buyable),
            paymentBalance: pay(buyer.balance),
            allowance: pay(buyer.allowance),
          },
  };
  const window =
    state === "open"
      ? `open until ${formatTimestamp(end)} (${formatDuration(end - now)} left)`
      : state === "closed"
        ? `closed since ${formatTimestamp(end)}`
        : `opens ${formatTimestamp(start)} (in ${formatDuration(start - now)})`;
  const text = [
    `Share sale of ${symbol} on ${ctx.networkName}: ${state}`,
    formatKeyValues([
      ["sale", ctx.deployment.sale],
      ["window", `${formatTimestamp(start)} to ${formatTimestamp(end)}, ${window}`],
      ["price", `${pay(price)} ${payment.symbol} per share`],
      ["payment token", `${payment.symbol} (${payment.address}, ${payment.decimals} decimals)`],
      ["treasury", treasury],
      ["cap per buyer", `${shares(cap)} ${symbol}`],
      ["sold so far", `${shares(sold)} ${symbol}`],
      ["mintable now", `${shares(mintable)} ${symbol} (hashrate backing left)`],
      ...(buyer === null
        ? []
        : ([
            ["buyer", buyer.address],
            ["  bought", `${shares(buyer.purchased)} ${symbol}`],
            ["  cap left", `${shares(buyer.remaining)} ${symbol}`],
            ["  buyable now", `${shares(buyer.buyable)} ${symbol}`],
            ["  balance", `${pay(buyer.balance)} ${payment.symbol}`],
          ] as const)),
    ]),
  ].join("\n");
  return { text, json };
});
