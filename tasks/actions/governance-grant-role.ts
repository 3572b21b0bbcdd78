import { grantRole } from "../../src/governance/actions.js";
import { parseRole } from "./governance-roles.js";
import { resolveAddress } from "../../src/connection/accounts.js";
import { scheduleTask, type ScheduleArguments } from "./governance-schedule.js";

interface GrantRoleArguments extends ScheduleArguments {
  role: string;
  to: string;
}

/** `governance schedule grant-role`: grant an operational role through the timelock. */
export default scheduleTask<GrantRoleArguments>(async (args, g) => {
  const role = parseRole(args.role);
  const to = await resolveAddress(g.ctx, args.to, "--to");
  return [grantRole(g.contracts, role, to)];
});
