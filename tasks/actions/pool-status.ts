import { formatAmount } from "../../src/cli/amount.js";
import { formatDuration, formatKeyValues, formatTable, formatTimestamp } from "../../src/cli/output.js";
import { SOURCE_NAMES } from "../../src/cli/source.js";
import { payoutTokens } from "../../src/connection/tokens.js";
import { roleHolders } from "./events.js";
import { taskAction, type CommonArguments } from "./run.js";

/** `pool status`: supply, backing, the latest report, revenue totals by token and source, pause and roles. */
export default taskAction<CommonArguments>(async (_args, session) => {
  const ctx = await session.context();
  const { pool, oracle, sale } = ctx;
  const latest = await ctx.connection.ethers.provider.getBlock("latest");
  if (latest === null) throw new Error("the node returned no latest block");
  const now = BigInt(latest.timestamp);
  const [name, symbol, decimals, supply, sharesPerTHs, maxReportAge, mintable, paused, report, quorum, tokens] =
    await Promise.all([
      pool.name(),
      pool.symbol(),
      pool.decimals(),
      pool.totalSupply(),
      pool.sharesPerTHs(),
      pool.maxReportAge(),
      pool.mintableShares(),
      pool.paused(),
      oracle.latestHashrate(ctx.deployment.pool),
      oracle.quorum(),
      payoutTokens(ctx),
    ]);
  const shareDecimals = Number(decimals);
  const [hashrateTHs, epoch, updatedAt] = report;
  const reported = updatedAt !== 0n;
  const fresh = reported && now <= updatedAt + maxReportAge;
  const backing = hashrateTHs * sharesPerTHs;

  const tokenRows = await Promise.all(
    tokens.map(async (token) => {
      const [deposited, claimed, held, mining, ai] = await Promise.all([
        pool.totalDeposited(token.address),
        pool.totalClaimed(token.address),
        token.contract.balanceOf(ctx.deployment.pool),
        pool.revenueBySource(token.address, 0),
        pool.revenueBySource(token.address, 1),
      ]);
      const f = (value: bigint) => formatAmount(value, token.decimals);
      return {
        symbol: token.symbol,
        address: token.address,
        decimals: token.decimals,
        totalDeposited: f(deposited),
        totalClaimed: f(claimed),
        heldByPool: f(held),
        depositedBySource: { [SOURCE_NAMES[0]]: f(mining), [SOURCE_NAMES[1]]: f(ai) },
      };
    }),
  );

  const block = latest.number;
  const [poolRoles, oracleRoles, saleRoles] = await Promise.all([
    roleHolders(
      ctx,
      pool,
      {
        DEFAULT_ADMIN_ROLE: await pool.DEFAULT_ADMIN_ROLE(),
        MINTER_ROLE: await pool.MINTER_ROLE(),
        DISTRIBUTOR_ROLE: await pool.DISTRIBUTOR_ROLE(),
        PAUSER_ROLE: await pool.PAUSER_ROLE(),
      },
      block,
    ),
    roleHolders(
      ctx,
      oracle,
      { DEFAULT_ADMIN_ROLE: await oracle.DEFAULT_ADMIN_ROLE(), REPORTER_ROLE: await oracle.REPORTER_ROLE() },
      block,
    ),
    roleHolders(ctx, sale, { DEFAULT_ADMIN_ROLE: await sale.DEFAULT_ADMIN_ROLE() }, block),
  ]);

  const shares = (value: bigint) => formatAmount(value, shareDecimals);
  const json = {
    network: ctx.networkName,
    chainId: ctx.chainId,
    deployment: ctx.deployment.id,
    block,
    timestamp: now,
    contracts: { oracle: ctx.deployment.oracle, pool: ctx.deployment.pool, sale: ctx.deployment.sale },
    pool: {
      name,
      symbol,
      decimals: shareDecimals,
      totalSupply: shares(supply),
      sharesPerTHs: shares(sharesPerTHs),
      maxReportAgeSeconds: maxReportAge,
      backing: shares(backing),
      mintable: shares(mintable),
      paused,
    },
    latestReport: reported ? { hashrateTHs, epoch, updatedAt, ageSeconds: now - updatedAt, fresh } : null,
    oracle: { quorum: Number(quorum) },
    payoutTokens: tokenRows,
    roles: { pool: poolRoles, oracle: oracleRoles, sale: saleRoles },
  };

  const labels = new Map([
    [ctx.deployment.pool, "pool"],
    [ctx.deployment.oracle, "oracle"],
    [ctx.deployment.sale, "sale"],
  ]);
  const label = (account: string) => (labels.has(account) ? `${account} (${labels.get(account)})` : account);
  const roleLines = (contract: string, roles: Record<string, string[]>) =>
    Object.entries(roles).map(
      ([role, holders]) =>
        [`${contract} ${role}`, holders.length === 0 ? "(none)" : holders.map(label).join(", ")] as const,
    );
  const text = [
    `${name} (${symbol}) on ${ctx.networkName} (chain ${ctx.chainId}), block ${block}, deployment ${ctx.deployment.id}`,
    formatKeyValues([
      ["pool", ctx.deployment.pool],
      ["oracle", ctx.deployment.oracle],
      ["sale", ctx.deployment.sale],
      ["total supply", `${shares(supply)} ${symbol}`],
      ["backing", `${shares(backing)} ${symbol} (${hashrateTHs} TH/s × ${shares(sharesPerTHs)} per TH/s)`],
      ["mintable", `${shares(mintable)} ${symbol}`],
      [
        "latest report",
        reported
          ? `${hashrateTHs} TH/s for epoch ${epoch} at ${formatTimestamp(updatedAt)}, ${formatDuration(now - updatedAt)} ago (${fresh ? "fresh" : "stale"}; valid for ${formatDuration(maxReportAge)})`
          : "none yet (minting is closed)",
      ],
      ["oracle quorum", String(quorum)],
      ["paused", paused ? "yes (mint, deposit and transfers stopped; claims still work)" : "no"],
    ]),
    "",
    "Payout tokens",
    formatTable(
      ["token", "decimals", "deposited", "mining", "ai", "claimed", "held by pool", "address"],
      tokenRows.map((t) => [
        t.symbol,
        String(t.decimals),
        t.totalDeposited,
        t.depositedBySource.mining!,
        t.depositedBySource.ai!,
        t.totalClaimed,
        t.heldByPool,
        t.address,
      ]),
      [1, 2, 3, 4, 5, 6],
    ),
    "",
    "Roles",
    formatKeyValues([
      ...roleLines("pool", poolRoles),
      ...roleLines("oracle", oracleRoles),
      ...roleLines("sale", saleRoles),
    ]),
  ].join("\n");
  return { text, json };
});
