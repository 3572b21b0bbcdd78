import { formatAmount, formatPercent } from "../../src/cli/amount.js";
import { splitClaimable } from "../../src/pool/index.js";
import { formatKeyValues, formatTable } from "../../src/cli/output.js";
import { selectHolder } from "../../src/connection/accounts.js";
import { loadHistory } from "./history.js";
import { taskAction, type CommonArguments } from "./run.js";

interface PortfolioArguments extends CommonArguments {
  account: string;
}

/** How the per-source figures are derived, printed with them. */
const METHOD =
  "per-source figures replay RevenueDeposited and Transfer events exactly as the pool accounts them; " +
  "claims are per token, so they are attributed to sources oldest accrual first";

/**
 * `shares portfolio`: balance and share of the supply, claimable revenue per token (from the contract) split by
 * source, lifetime accrued by source and lifetime received (RevenueClaimed events).
 */
export default taskAction<PortfolioArguments>(async (args, session) => {
  const ctx = await session.context();
  const { pool } = ctx;
  const holder = await selectHolder(ctx, args.account);
  const history = await loadHistory(ctx, holder);
  const at = { blockTag: history.block };
  const [balance, supply, decimals, symbol] = await Promise.all([
    pool.balanceOf(holder, at),
    pool.totalSupply(at),
    pool.decimals(),
    pool.symbol(),
  ]);
  const shareDecimals = Number(decimals);
  const s = (value: bigint) => formatAmount(value, shareDecimals);

  const tokens = await Promise.all(
    history.tokens.map(async (token) => {
      const claimable = await pool.claimable(holder, token.address, at);
      const totals = history.ledger.tokens.get(token.address.toLowerCase());
      const unclaimed: [bigint, bigint] = totals?.unclaimedBySource ?? [0n, 0n];
      const split = splitClaimable(claimable, unclaimed);
      const accrued = totals?.accrued ?? [0n, 0n];
      const f = (value: bigint) => formatAmount(value, token.decimals);
      return {
        symbol: token.symbol,
        address: token.address,
        decimals: token.decimals,
        claimable: f(claimable),
        claimableBySource: { mining: f(split.bySource[0]), ai: f(split.bySource[1]) },
        accruedBySource: { mining: f(accrued[0]), ai: f(accrued[1]) },
        lifetimeAccrued: f(accrued[0] + accrued[1]),
        lifetimeReceived: f(totals?.claimed ?? 0n),
        historyMatchesContract: split.exact && (totals?.claimable ?? 0n) === claimable,
      };
    }),
  );
  const exact = tokens.every((token) => token.historyMatchesContract);
  const json = {
    network: ctx.networkName,
    account: holder,
    block: history.block,
    balance: s(balance),
    totalSupply: s(supply),
    shareOfSupplyPercent: formatPercent(balance, supply),
    tokens,
    perSourceMethod: METHOD,
    perSourceExact: exact,
  };
  const text = [
    `Portfolio of ${holder} on ${ctx.networkName} at block ${history.block}`,
    formatKeyValues([
      ["shares", `${s(balance)} ${symbol}`],
      ["share of the pool", `${formatPercent(balance, supply)}% of ${s(supply)} ${symbol}`],
    ]),
    "",
    formatTable(
      ["token", "claimable", "mining", "ai", "accrued mining", "accrued ai", "received"],
      tokens.map((t) => [
        t.symbol,
        t.claimable,
        t.claimableBySource.mining,
        t.claimableBySource.ai,
        t.accruedBySource.mining,
        t.accruedBySource.ai,
        t.lifetimeReceived,
      ]),
      [1, 2, 3, 4, 5, 6],
    ),
    "",
    `Note: ${METHOD}.` +
      (exact
        ? ""
        : " The event history does not reproduce the contract's claimable exactly: the split is proportional."),
  ].join("\n");
  return { text, json };
});
