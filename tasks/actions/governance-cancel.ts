import { UserError } from "../../src/cli/errors.js";
import { formatKeyValues } from "../../src/cli/output.js";
import { describeCall } from "../../src/governance/actions.js";
import { send } from "../../src/connection/transactions.js";
import { findOperation, governanceContext, timelockSigner } from "./governance-context.js";
import { taskAction, type CommonArguments } from "./run.js";

interface CancelArguments extends CommonArguments {
  id: string;
  account: string;
}

/** `governance cancel`: drops a pending operation (needs CANCELLER_ROLE on the timelock). */
export default taskAction<CancelArguments>(async (args, session) => {
  const g = await governanceContext(session);
  const operation = await findOperation(g, args.id);
  const { state } = operation.status;
  if (state === "done") throw new UserError(`operation ${operation.id} was already executed: it cannot be cancelled`);
  if (state === "unset") throw new UserError(`operation ${operation.id} is already cancelled`);
  const canceller = await timelockSigner(g, args.account, "canceller");
  const receipt = await send(g.ctx, "cancel", () => g.timelock.connect(canceller).getFunction("cancel")(operation.id));
  const calls = operation.calls.map((c) => describeCall(g.contracts, c));
  const json = {
    network: g.ctx.networkName,
    id: operation.id,
    calls,
    canceller: canceller.address,
    txHash: receipt.hash,
    block: receipt.blockNumber,
  };
  const text = [
    `Cancelled ${operation.id}.`,
    formatKeyValues([...calls.map((c) => ["call", c] as const), ["transaction", receipt.hash]]),
  ].join("\n");
  return { text, json };
});
