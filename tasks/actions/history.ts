import { buildHolderLedger, type HolderLedger } from "../../src/pool/index.js";
import { UserError } from "../../src/cli/errors.js";
import { type TaskContext } from "../../src/connection/context.js";
import { payoutTokens, type TokenInfo } from "../../src/connection/tokens.js";
import { indexedPoolEvents } from "./dashboard-index.js";
import { poolEvents } from "./events.js";

/** A holder's ledger replayed from the pool's events, pinned to one block. */
export interface HolderHistory {
  readonly holder: string;
  readonly block: number;
  readonly timestamp: bigint;
  readonly tokens: TokenInfo[];
  readonly ledger: HolderLedger;
}

/**
 * Reads every pool event from the deployment's first block to the latest block — from the dashboard's index when
 * one exists, pinned to the block it holds — and replays them for `holder`.
 */
export async function loadHistory(ctx: TaskContext, holder: string): Promise<HolderHistory> {
  const indexed = await indexedPoolEvents(ctx);
  const latest = await ctx.connection.ethers.provider.getBlock(indexed?.block ?? "latest");
  if (latest === null) throw new UserError(`network ${ctx.networkName} returned no latest block`);
  const [tokens, events] = await Promise.all([payoutTokens(ctx), indexed?.events ?? poolEvents(ctx, latest.number)]);
  return {
    holder,
    block: latest.number,
    timestamp: BigInt(latest.timestamp),
    tokens,
    ledger: buildHolderLedger(holder, events),
  };
}
