import { checkAmountSyntax, formatAmount, parseAmount } from "../../src/cli/amount.js";
import { UserError } from "../../src/cli/errors.js";
import { formatKeyValues } from "../../src/cli/output.js";
import { FUTURE_IDS } from "../../src/deployment/index.js";
import { checkAccountSyntax, resolveAddress, selectSigner } from "../../src/connection/accounts.js";
import { findPayoutToken, payoutTokens } from "../../src/connection/tokens.js";
import { send } from "../../src/connection/transactions.js";
import { taskAction, type CommonArguments } from "./run.js";

interface FaucetArguments extends CommonArguments {
  token: string;
  to: string;
  amount: string;
  account: string;
}

/**
 * `pool faucet`: local chains only — mints the deployment's mock WBTC or USDC to an address, so that the
 * distributor has revenue to deposit and investors have USDC to buy with. Refused wherever the payout tokens are
 * not this deployment's mocks.
 */
export default taskAction<FaucetArguments>(async (args, session) => {
  if (args.token.trim() === "") throw new UserError("--token is missing: give wbtc or usdc");
  checkAccountSyntax(args.to, "--to", true);
  checkAmountSyntax(args.amount, "--amount");

  const ctx = await session.context();
  if (!ctx.local)
    throw new UserError(`pool faucet is for local networks only; network ${ctx.networkName} has real tokens`);
  const to = await resolveAddress(ctx, args.to, "--to");
  const { contracts } = ctx.deployment;
  const mocks = new Set([contracts[FUTURE_IDS.mockWBTC], contracts[FUTURE_IDS.mockUSDC]]);
  const token = findPayoutToken(await payoutTokens(ctx), args.token);
  if (!mocks.has(token.address)) {
    throw new UserError(`${token.symbol} (${token.address}) is not a mock token of deployment ${ctx.deployment.id}`);
  }
  const amount = parseAmount(args.amount, token.decimals, { label: "--amount" });
  const signer = await selectSigner(ctx, args.account);
  const receipt = await send(ctx, `mint ${token.symbol}`, () => token.contract.connect(signer).mint(to, amount));
  const balance = await token.contract.balanceOf(to, { blockTag: receipt.blockNumber });
  const f = (value: bigint) => formatAmount(value, token.decimals);
  const json = {
    network: ctx.networkName,
    token: token.symbol,
    to,
    amount: f(amount),
    balance: f(balance),
    txHash: receipt.hash,
  };
  const text = [
    `Minted ${f(amount)} mock ${token.symbol} to ${to}.`,
    formatKeyValues([
      ["their balance", `${f(balance)} ${token.symbol}`],
      ["transaction", receipt.hash],
    ]),
  ].join("\n");
  return { text, json };
});
