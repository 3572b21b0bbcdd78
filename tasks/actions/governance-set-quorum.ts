import { UserError } from "../../src/cli/errors.js";
import { parseUint } from "../../src/cli/integer.js";
import { setQuorum } from "../../src/governance/actions.js";
import { scheduleTask, type ScheduleArguments } from "./governance-schedule.js";

interface SetQuorumArguments extends ScheduleArguments {
  quorum: string;
}

/** `governance schedule set-quorum`: change how many reporters finalize an epoch. */
export default scheduleTask<SetQuorumArguments>(async (args, g) => {
  const quorum = parseUint(args.quorum, 8, "--quorum");
  if (quorum === 0n) throw new UserError("--quorum must be at least 1");
  return [setQuorum(g.contracts, quorum)];
});
