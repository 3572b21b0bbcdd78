/**
 * The pool's events as the replays need them: share transfers (mints from the zero address), revenue deposits and
 * claims, in chain order. Pure: no chain access.
 */

export interface EventPosition {
  block: number;
  logIndex: number;
  txHash: string;
}

/** A share-token `Transfer` (mints come from the zero address). */
export interface TransferEvent extends EventPosition {
  kind: "transfer";
  from: string;
  to: string;
  value: bigint;
}

/** A `RevenueDeposited(token, source, epoch, amount)`. */
export interface DepositEvent extends EventPosition {
  kind: "deposit";
  token: string;
  source: number;
  epoch: bigint;
  amount: bigint;
}

/** A `RevenueClaimed(account, token, recipient, amount)`. */
export interface ClaimEvent extends EventPosition {
  kind: "claim";
  account: string;
  token: string;
  recipient: string;
  amount: bigint;
}

export type PoolEvent = TransferEvent | DepositEvent | ClaimEvent;

/** Where an ethers event log stands in the chain. */
interface LogPosition {
  blockNumber: number;
  index: number;
  transactionHash: string;
}

/** The pool's `Transfer`, `RevenueDeposited` and `RevenueClaimed` logs, as typechain's `queryFilter` returns them. */
export interface PoolLogs {
  transfers: ReadonlyArray<LogPosition & { args: { from: string; to: string; value: bigint } }>;
  deposits: ReadonlyArray<LogPosition & { args: { token: string; source: bigint; epoch: bigint; amount: bigint } }>;
  claims: ReadonlyArray<LogPosition & { args: { account: string; token: string; recipient: string; amount: bigint } }>;
}

/** The pool's event logs as the events {@link buildHolderLedger} replays (in any order: it sorts them). */
export function poolEventsFromLogs(logs: PoolLogs): PoolEvent[] {
  const position = (log: LogPosition): EventPosition => ({
    block: log.blockNumber,
    logIndex: log.index,
    txHash: log.transactionHash,
  });
  return [
    ...logs.transfers.map((log): TransferEvent => ({
      kind: "transfer",
      ...position(log),
      from: log.args.from,
      to: log.args.to,
      value: log.args.value,
    })),
    ...logs.deposits.map((log): DepositEvent => ({
      kind: "deposit",
      ...position(log),
      token: log.args.token,
      source: Number(log.args.source),
      epoch: log.args.epoch,
      amount: log.args.amount,
    })),
    ...logs.claims.map((log): ClaimEvent => ({
      kind: "claim",
      ...position(log),
      account: log.args.account,
      token: log.args.token,
      recipient: log.args.recipient,
      amount: log.args.amount,
    })),
  ];
}

/** Orders events as the chain did: by block, then by log index. */
export function compareEvents(a: EventPosition, b: EventPosition): number {
  return a.block - b.block || a.logIndex - b.logIndex;
}
