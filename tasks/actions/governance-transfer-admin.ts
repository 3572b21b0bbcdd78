import { transferAdmin } from "../../src/governance/actions.js";
import { resolveAddress } from "../../src/connection/accounts.js";
import { scheduleTask, type ScheduleArguments } from "./governance-schedule.js";

interface TransferAdminArguments extends ScheduleArguments {
  to: string;
}

/**
 * `governance schedule transfer-admin`: the timelock starts handing the admin of the oracle, the pool and the sale
 * to `--to` (`beginDefaultAdminTransfer`), which accepts on each contract once their admin delay has passed.
 */
export default scheduleTask<TransferAdminArguments>(async (args, g) => {
  const to = await resolveAddress(g.ctx, args.to, "--to");
  return transferAdmin(g.contracts, to);
});
