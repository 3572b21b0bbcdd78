import { UserError } from "../../src/cli/errors.js";
import { formatKeyValues } from "../../src/cli/output.js";
import { describeCall } from "../../src/governance/actions.js";
import { executeArguments } from "../../src/governance/operations.js";
import { latestTimestamp } from "../../src/connection/clock.js";
import { send } from "../../src/connection/transactions.js";
import { findOperation, governanceContext, readyAtText, timelockSigner } from "./governance-context.js";
import { taskAction, type CommonArguments } from "./run.js";

interface ExecuteArguments extends CommonArguments {
  id: string;
  account: string;
}

/**
 * `governance execute`: runs a scheduled operation whose delay has passed. Its calls, predecessor and salt are read
 * back from the timelock's events; an operation not yet executable, executed or cancelled is refused before
 * anything is sent, with the time it becomes executable.
 */
export default taskAction<ExecuteArguments>(async (args, session) => {
  const g = await governanceContext(session);
  const { ctx, timelock } = g;
  const operation = await findOperation(g, args.id);
  const { state, readyAt } = operation.status;
  if (state === "done") throw new UserError(`operation ${operation.id} was already executed`);
  if (state === "unset") throw new UserError(`operation ${operation.id} was cancelled: schedule it again`);
  // The next block is at least one second after the latest: executable there when readyAt ≤ latest + 1.
  if (state === "waiting" && readyAt > (await latestTimestamp(ctx)) + 1n) {
    throw new UserError(
      `operation ${operation.id} is not executable yet: it becomes executable at ${await readyAtText(ctx, readyAt)}`,
    );
  }
  const executor = await timelockSigner(g, args.account, "executor");
  const { fn, args: callArgs } = executeArguments(operation);
  const receipt = await send(ctx, "execute", () => timelock.connect(executor).getFunction(fn)(...callArgs));
  const calls = operation.calls.map((c) => describeCall(g.contracts, c));
  const json = {
    network: ctx.networkName,
    id: operation.id,
    calls,
    executor: executor.address,
    txHash: receipt.hash,
    block: receipt.blockNumber,
  };
  const text = [
    `Executed ${operation.id}.`,
    formatKeyValues([...calls.map((c) => ["call", c] as const), ["transaction", receipt.hash]]),
  ].join("\n");
  return { text, json };
});
