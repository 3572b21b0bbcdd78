import { revokeRole } from "../../src/governance/actions.js";
import { parseRole } from "./governance-roles.js";
import { resolveAddress } from "../../src/connection/accounts.js";
import { scheduleTask, type ScheduleArguments } from "./governance-schedule.js";

interface RevokeRoleArguments extends ScheduleArguments {
  role: string;
  from: string;
}

/** `governance schedule revoke-role`: revoke an operational role through the timelock. */
export default scheduleTask<RevokeRoleArguments>(async (args, g) => {
  const role = parseRole(args.role);
  const from = await resolveAddress(g.ctx, args.from, "--from");
  return [revokeRole(g.contracts, role, from)];
});
