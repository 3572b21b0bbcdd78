import { hexlify, randomBytes } from "ethers";

import { UserError } from "../../src/cli/errors.js";
import { parseUint } from "../../src/cli/integer.js";
import { formatDuration, formatKeyValues } from "../../src/cli/output.js";
import type { AdminAction } from "../../src/governance/actions.js";
import { describeCall } from "../../src/governance/actions.js";
import { describeRevert } from "../../src/cli/revert.js";
import { firstLine } from "../../src/connection/errors.js";
import { send } from "../../src/connection/transactions.js";
import { governanceContext, readyAtText, timelockSigner, type GovernanceContext } from "./governance-context.js";
import { taskAction, type CommonArguments, type TaskOutput } from "./run.js";

/** The options every `governance schedule …` task has. */
export interface ScheduleArguments extends CommonArguments {
  account: string;
  delay: string;
}

/**
 * Builds a `governance schedule <action>` task: `build` checks the action's own options and returns its calls; the
 * wrapper checks the proposer and the delay, runs every call as the timelock would (an `eth_call` from the timelock's
 * address, so that a call that would revert is refused now, with its decoded error, rather than after the delay),
 * schedules the calls as one operation with a fresh salt, and prints its ID and when it becomes executable.
 */
export function scheduleTask<ArgumentsT extends ScheduleArguments>(
  build: (args: ArgumentsT, g: GovernanceContext) => Promise<AdminAction[]>,
) {
  return taskAction<ArgumentsT>(async (args, session): Promise<TaskOutput> => {
    const g = await governanceContext(session);
    const { ctx, timelock } = g;
    const proposer = await timelockSigner(g, args.account, "proposer");
    const minDelay = BigInt(await timelock.getFunction("getMinDelay")());
    const delay = args.delay.trim() === "" ? minDelay : parseUint(args.delay, 256, "--delay");
    if (delay < minDelay) {
      throw new UserError(
        `--delay ${delay} is shorter than the timelock's minimum delay of ${minDelay}s (${formatDuration(minDelay)})`,
      );
    }
    const actions = await build(args, g);
    const provider = ctx.connection.ethers.provider;
    for (const action of actions) {
      try {
        await provider.call({ from: g.contracts.timelock, to: action.target, data: action.data });
      } catch (error) {
        const decoded = describeRevert(error, ctx.errors) ?? firstLine(error);
        throw new UserError(`cannot schedule "${action.summary}": the call would revert: ${decoded}`);
      }
    }

    const salt = hexlify(randomBytes(32));
    const predecessor = `0x${"0".repeat(64)}`;
    const signed = timelock.connect(proposer);
    const single = actions.length === 1 ? actions[0] : undefined;
    const id = String(
      single !== undefined
        ? await timelock.getFunction("hashOperation")(single.target, single.value, single.data, predecessor, salt)
        : await timelock.getFunction("hashOperationBatch")(
            actions.map((a) => a.target),
            actions.map((a) => a.value),
            actions.map((a) => a.data),
            predecessor,
            salt,
          ),
    );
    const receipt = await send(ctx, "schedule", () =>
      single !== undefined
        ? signed.getFunction("schedule")(single.target, single.value, single.data, predecessor, salt, delay)
        : signed.getFunction("scheduleBatch")(
            actions.map((a) => a.target),
            actions.map((a) => a.value),
            actions.map((a) => a.data),
            predecessor,
            salt,
            delay,
          ),
    );
    const readyAt = BigInt(await timelock.getFunction("getTimestamp")(id, { blockTag: receipt.blockNumber }));
    const calls = actions.map((a) => describeCall(g.contracts, a));
    const json = {
      network: ctx.networkName,
      id,
      summary: actions.map((a) => a.summary),
      calls,
      delay,
      readyAt,
      proposer: proposer.address,
      timelock: g.contracts.timelock,
      txHash: receipt.hash,
      block: receipt.blockNumber,
    };
    const text = [
      `Scheduled ${id}: ${actions.map((a) => a.summary).join("; ")}.`,
      formatKeyValues([
        ...calls.map((c) => ["call", c] as const),
        ["executable at", await readyAtText(ctx, readyAt)],
        ["then run", `npx hardhat governance execute --id ${id} --network ${ctx.networkName}`],
        ["transaction", receipt.hash],
      ]),
    ].join("\n");
    return { text, json };
  });
}
