import { UserError } from "../../src/cli/errors.js";
import { parseUint } from "../../src/cli/integer.js";
import { setMaxChangeBps } from "../../src/governance/actions.js";
import { scheduleTask, type ScheduleArguments } from "./governance-schedule.js";

interface SetMaxChangeBpsArguments extends ScheduleArguments {
  bps: string;
}

/** `governance schedule set-max-change-bps`: bound how far one finalized report of the pool may move. */
export default scheduleTask<SetMaxChangeBpsArguments>(async (args, g) => {
  const bps = parseUint(args.bps, 32, "--bps");
  if (bps === 0n) throw new UserError("--bps 0 would leave the pool's hashrate unbounded: give at least 1");
  return [setMaxChangeBps(g.contracts, bps)];
});
