import { formatTimestamp } from "../../src/cli/output.js";
import { describeCall } from "../../src/governance/actions.js";
import { governanceContext, readyAtText, scheduledOperations } from "./governance-context.js";
import { taskAction, type CommonArguments } from "./run.js";

interface ListArguments extends CommonArguments {
  all: boolean;
}

/**
 * `governance list`: the timelock's pending operations (waiting or ready), latest first, each with its calls in
 * words and the time it becomes executable; `--all` adds executed and cancelled ones. Read from the timelock's
 * events and its on-chain state, so it needs nothing from the command that scheduled them.
 */
export default taskAction<ListArguments>(async (args, session) => {
  const g = await governanceContext(session);
  const minDelay = BigInt(await g.timelock.getFunction("getMinDelay")());
  const operations = (await scheduledOperations(g)).filter(
    (op, i, all) => all.findIndex((other) => other.id === op.id) === i, // an ID scheduled again: its latest
  );
  const shown = operations
    .map((op) => ({ ...op, state: op.status.state === "unset" ? "cancelled" : op.status.state }))
    .filter((op) => args.all || op.state === "waiting" || op.state === "ready");
  const json = {
    network: g.ctx.networkName,
    timelock: g.contracts.timelock,
    minDelay,
    operations: shown.map((op) => ({
      id: op.id,
      state: op.state,
      readyAt: op.status.readyAt > 1n ? op.status.readyAt : null,
      readyAtIso: op.status.readyAt > 1n ? formatTimestamp(op.status.readyAt) : null,
      calls: op.calls.map((c) => describeCall(g.contracts, c)),
      scheduledBlock: op.scheduledBlock,
      scheduledTx: op.scheduledTx,
    })),
  };
  const lines = [
    `${shown.length === 0 ? "No" : shown.length} ${args.all ? "" : "pending "}operation${shown.length === 1 ? "" : "s"} on the timelock ${g.contracts.timelock} (minimum delay ${minDelay}s).`,
  ];
  for (const op of shown) {
    lines.push("", `${op.id}  ${op.state}`);
    if (op.state === "waiting" || op.state === "ready") {
      lines.push(`  executable at  ${await readyAtText(g.ctx, op.status.readyAt)}`);
    }
    for (const c of op.calls) lines.push(`  call           ${describeCall(g.contracts, c)}`);
    lines.push(`  scheduled in   block ${op.scheduledBlock}, transaction ${op.scheduledTx}`);
  }
  return { text: lines.join("\n"), json };
});
