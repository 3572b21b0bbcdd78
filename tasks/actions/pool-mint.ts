import { checkAmountSyntax, formatAmount, parseAmount } from "../../src/cli/amount.js";
import { UserError } from "../../src/cli/errors.js";
import { formatKeyValues } from "../../src/cli/output.js";
import { checkAccountSyntax, resolveAddress, selectSigner } from "../../src/connection/accounts.js";
import { latestTimestamp } from "../../src/connection/clock.js";
import { send } from "../../src/connection/transactions.js";
import { taskAction, type CommonArguments } from "./run.js";

interface MintArguments extends CommonArguments {
  to: string;
  amount: string;
  account: string;
}

/** `pool mint`: mint shares to an address, within the hashrate backing. */
export default taskAction<MintArguments>(async (args, session) => {
  checkAccountSyntax(args.to, "--to", true);
  checkAmountSyntax(args.amount, "--amount");

  const ctx = await session.context();
  const to = await resolveAddress(ctx, args.to, "--to");
  const { pool, oracle } = ctx;
  const decimals = Number(await pool.decimals());
  const shares = parseAmount(args.amount, decimals, { label: "--amount" });
  const minter = await selectSigner(ctx, args.account);
  const [isMinter, paused, mintable, [, , updatedAt], maxReportAge, symbol, now] = await Promise.all([
    pool.hasRole(await pool.MINTER_ROLE(), minter.address),
    pool.paused(),
    pool.mintableShares(),
    oracle.latestHashrate(ctx.deployment.pool),
    pool.maxReportAge(),
    pool.symbol(),
    latestTimestamp(ctx),
  ]);
  const f = (value: bigint) => formatAmount(value, decimals);
  if (!isMinter) throw new UserError(`account ${minter.address} is not a minter (it lacks MINTER_ROLE on the pool)`);
  if (paused) throw new UserError("the pool is paused: minting is stopped");
  if (updatedAt === 0n)
    throw new UserError("no hashrate has been reported yet: nothing backs new shares (run pool report)");
  if (now > updatedAt + maxReportAge) {
    throw new UserError(
      `the latest hashrate report is stale (${now - updatedAt}s old, valid for ${maxReportAge}s): report a new epoch first`,
    );
  }
  if (shares > mintable) {
    throw new UserError(
      `--amount ${f(shares)} exceeds the hashrate backing: only ${f(mintable)} ${symbol} can be minted`,
    );
  }

  const receipt = await send(ctx, "mint", () => pool.connect(minter).mint(to, shares));
  const [balance, supply] = await Promise.all([
    pool.balanceOf(to, { blockTag: receipt.blockNumber }),
    pool.totalSupply({ blockTag: receipt.blockNumber }),
  ]);
  const json = {
    network: ctx.networkName,
    minter: minter.address,
    to,
    amount: f(shares),
    balance: f(balance),
    totalSupply: f(supply),
    mintableAfter: f(mintable - shares),
    txHash: receipt.hash,
    block: receipt.blockNumber,
  };
  const text = [
    `Minted ${f(shares)} ${symbol} to ${to}.`,
    formatKeyValues([
      ["their balance", `${f(balance)} ${symbol}`],
      ["total supply", `${f(supply)} ${symbol}`],
      ["still mintable", `${f(mintable - shares)} ${symbol}`],
      ["transaction", receipt.hash],
    ]),
  ].join("\n");
  return { text, json };
});
