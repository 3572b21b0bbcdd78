import { setClaimerFor } from "../../src/governance/actions.js";
import { UserError } from "../../src/cli/errors.js";
import { resolveAddress } from "../../src/connection/accounts.js";
import { scheduleTask, type ScheduleArguments } from "./governance-schedule.js";

interface SetClaimerForArguments extends ScheduleArguments {
  holder: string;
  claimer: string;
}

/** `governance schedule set-claimer-for`: name who claims for a contract holder that cannot claim itself. */
export default scheduleTask<SetClaimerForArguments>(async (args, g) => {
  const holder = await resolveAddress(g.ctx, args.holder, "--holder");
  const claimer = await resolveAddress(g.ctx, args.claimer, "--claimer");
  const code = await g.ctx.connection.ethers.provider.getCode(holder);
  if (code === "0x") {
    throw new UserError(`--holder ${holder} is not a contract: an account names its own claimer (setClaimer)`);
  }
  return [setClaimerFor(g.contracts, holder, claimer)];
});
