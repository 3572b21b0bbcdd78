import type { TypedContractEvent, TypedDeferredTopicFilter, TypedEventLog } from "../../typechain-types/common.js";
import { poolEventsFromLogs, type PoolEvent } from "../../src/pool/index.js";
import { UserError } from "../../src/cli/errors.js";
import { type TaskContext } from "../../src/connection/context.js";
import { firstLine } from "../../src/connection/errors.js";
import { indexedEvents } from "./dashboard-index.js";

/** The environment variable that caps the block range of one `eth_getLogs` request. */
export const LOG_RANGE_VARIABLE = "HASHSHARE_LOG_BLOCK_RANGE";

/** Blocks per `eth_getLogs`: HASHSHARE_LOG_BLOCK_RANGE, else everything at once on local chains, 10,000 elsewhere. */
export function blockRange(ctx: TaskContext): number {
  const configured = process.env[LOG_RANGE_VARIABLE]?.trim();
  if (configured !== undefined && configured !== "") {
    const value = Number(configured);
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new UserError(`${LOG_RANGE_VARIABLE} must be a positive whole number of blocks, got "${configured}"`);
    }
    return value;
  }
  return ctx.local ? Number.MAX_SAFE_INTEGER : 10_000;
}

interface Queryable {
  queryFilter<TCEvent extends TypedContractEvent>(
    filter: TypedDeferredTopicFilter<TCEvent>,
    fromBlock?: number,
    toBlock?: number,
  ): Promise<Array<TypedEventLog<TCEvent>>>;
}

/**
 * Every log matching `filter` from the deployment's first block to `toBlock`, in chain order, fetched in ranges of
 * {@link blockRange} blocks.
 */
export async function queryEvents<TCEvent extends TypedContractEvent>(
  ctx: TaskContext,
  contract: Queryable,
  filter: TypedDeferredTopicFilter<TCEvent>,
  toBlock: number,
): Promise<Array<TypedEventLog<TCEvent>>> {
  const range = blockRange(ctx);
  const logs: Array<TypedEventLog<TCEvent>> = [];
  for (let from = ctx.deployment.fromBlock; from <= toBlock; from += range) {
    const to = Math.min(toBlock, from + range - 1);
    try {
      logs.push(...(await contract.queryFilter(filter, from, to)));
    } catch (error) {
      throw new UserError(
        `cannot read events of blocks ${from}-${to} on network ${ctx.networkName}: ${firstLine(error)} (lower ${LOG_RANGE_VARIABLE})`,
      );
    }
  }
  return logs;
}

/** The pool's share transfers, deposits and claims up to `toBlock`, as the pure ledger expects them. */
export async function poolEvents(ctx: TaskContext, toBlock: number): Promise<PoolEvent[]> {
  const { pool } = ctx;
  const [transfers, deposits, claims] = await Promise.all([
    queryEvents(ctx, pool, pool.filters.Transfer(), toBlock),
    queryEvents(ctx, pool, pool.filters.RevenueDeposited(), toBlock),
    queryEvents(ctx, pool, pool.filters.RevenueClaimed(), toBlock),
  ]);
  return poolEventsFromLogs({ transfers, deposits, claims });
}

/** Holders of each role, replayed from RoleGranted / RoleRevoked, then confirmed with `hasRole`. */
export async function roleHolders(
  ctx: TaskContext,
  contract: Queryable & {
    filters: {
      RoleGranted: TypedContractEvent;
      RoleRevoked: TypedContractEvent;
    };
    hasRole(role: string, account: string): Promise<boolean>;
  },
  roles: Readonly<Record<string, string>>,
  toBlock: number,
): Promise<Record<string, string[]>> {
  const changes = (await roleChangesFromIndex(ctx, contract)) ?? (await roleChangesFromChain(ctx, contract, toBlock));
  const holders = new Map<string, Set<string>>();
  for (const { role, account, grant } of changes) {
    const set = holders.get(role) ?? new Set<string>();
    if (grant) set.add(account);
    else set.delete(account);
    holders.set(role, set);
  }
  const result: Record<string, string[]> = {};
  for (const [name, role] of Object.entries(roles)) {
    const candidates = [...(holders.get(role) ?? [])];
    const confirmed = await Promise.all(
      candidates.map(async (account) => ((await contract.hasRole(role, account)) ? account : undefined)),
    );
    result[name] = confirmed.filter((account): account is string => account !== undefined);
  }
  return result;
}

interface RoleChange {
  role: string;
  account: string;
  grant: boolean;
}

/** RoleGranted / RoleRevoked of `contract` in chain order, from the chain. */
async function roleChangesFromChain(
  ctx: TaskContext,
  contract: Queryable & { filters: { RoleGranted: TypedContractEvent; RoleRevoked: TypedContractEvent } },
  toBlock: number,
): Promise<RoleChange[]> {
  const [granted, revoked] = await Promise.all([
    queryEvents(ctx, contract, contract.filters.RoleGranted(), toBlock),
    queryEvents(ctx, contract, contract.filters.RoleRevoked(), toBlock),
  ]);
  return [...granted.map((log) => ({ log, grant: true })), ...revoked.map((log) => ({ log, grant: false }))]
    .sort((a, b) => a.log.blockNumber - b.log.blockNumber || a.log.index - b.log.index)
    .map(({ log, grant }) => ({ role: String(log.args[0]), account: String(log.args[1]), grant }));
}

/** The same, from the dashboard's index when one exists (undefined otherwise). */
async function roleChangesFromIndex(ctx: TaskContext, contract: unknown): Promise<RoleChange[] | undefined> {
  const indexed = await indexedEvents(ctx);
  if (indexed === undefined) return undefined;
  const address = String(await (contract as { getAddress(): Promise<string> }).getAddress()).toLowerCase();
  return indexed.events
    .filter((e) => e.address.toLowerCase() === address && (e.name === "RoleGranted" || e.name === "RoleRevoked"))
    .map((e) => ({ role: String(e.args.role), account: String(e.args.account), grant: e.name === "RoleGranted" }));
}
