import { isAddress } from "ethers";

import { parseAddress } from "../../src/cli/address.js";
import { skim } from "../../src/governance/actions.js";
import { findPayoutToken, loadToken, payoutTokens } from "../../src/connection/tokens.js";
import { resolveAddress } from "../../src/connection/accounts.js";
import { scheduleTask, type ScheduleArguments } from "./governance-schedule.js";

interface SkimArguments extends ScheduleArguments {
  token: string;
  to: string;
}

/** `governance schedule skim`: recover tokens sent to the pool that no holder is owed. */
export default scheduleTask<SkimArguments>(async (args, g) => {
  const to = await resolveAddress(g.ctx, args.to, "--to");
  const tokens = await payoutTokens(g.ctx);
  // A payout token by symbol or address; any other token by address (the pool owes nothing in it).
  const input = args.token.trim();
  const known = tokens.find(
    (t) => t.symbol.toLowerCase() === input.toLowerCase() || t.address.toLowerCase() === input.toLowerCase(),
  );
  const token =
    known ??
    (isAddress(input) ? await loadToken(g.ctx, parseAddress(input, "--token")) : findPayoutToken(tokens, input));
  return [skim(g.contracts, token.address, token.symbol, to)];
});
