/**
 * Rebuilds one holder's revenue history from the pool's events, exactly as `MiningPoolShare` accounts it: a
 * holder's magnified entitlement grows by each deposit's increment × their balance at that moment (see
 * `accounting.ts`), transfers leave it unchanged (INV-5) and a claim removes amount·2^128. Whole units accrued by a
 * deposit are the change in ⌊entitlement / 2^128⌋, so the accruals of a complete history add up to exactly claimed
 * + claimable.
 *
 * Claims are per token, not per source: they are attributed to sources oldest accrual first (FIFO), which is a
 * convention, not something the chain records. Pure: no chain access.
 */
import { depositIncrement, MAGNITUDE } from "./accounting.js";
import { compareEvents, type EventPosition, type PoolEvent } from "./events.js";

/** What one deposit credited the holder. */
export interface Accrual extends EventPosition {
  token: string;
  source: number;
  epoch: bigint;
  /** The whole deposit, for reference. */
  deposit: bigint;
  /** The holder's balance and the supply when the deposit landed. */
  balance: bigint;
  supply: bigint;
  /** Base units of `token` credited to the holder. */
  amount: bigint;
}

/** The part of a claim attributed to one source, and the epochs whose accruals it paid out. */
export interface ClaimPart {
  source: number;
  amount: bigint;
  firstEpoch: bigint;
  lastEpoch: bigint;
}

/** One of the holder's claims, split by source (FIFO). */
export interface Claim extends EventPosition {
  token: string;
  recipient: string;
  amount: bigint;
  parts: ClaimPart[];
  /** Any amount no recorded accrual explains (0 unless the event history is incomplete). */
  unattributed: bigint;
}

/** Per payout token totals, each split `[mining, ai]`. */
export interface TokenTotals {
  accrued: [bigint, bigint];
  claimed: bigint;
  claimedBySource: [bigint, bigint];
  unclaimedBySource: [bigint, bigint];
  /** ⌊entitlement / 2^128⌋ after the last event: what `claimable(holder, token)` should return. */
  claimable: bigint;
}

export interface HolderLedger {
  holder: string;
  balance: bigint;
  supply: bigint;
  accruals: Accrual[];
  claims: Claim[];
  /** Keyed by lowercase token address. */
  tokens: Map<string, TokenTotals>;
}

const ZERO = "0x0000000000000000000000000000000000000000";

interface TokenState {
  carry: bigint;
  entitlement: bigint;
  queue: Array<{ source: number; epoch: bigint; remaining: bigint }>;
  totals: TokenTotals;
}

function newTotals(): TokenTotals {
  return { accrued: [0n, 0n], claimed: 0n, claimedBySource: [0n, 0n], unclaimedBySource: [0n, 0n], claimable: 0n };
}

/**
 * Replays `events` (any order; they are sorted by block and log index) for `holder`. The history must start at
 * the pool's deployment for the supply, the carry and the accruals to be exact.
 */
export function buildHolderLedger(holder: string, events: readonly PoolEvent[]): HolderLedger {
  const me = holder.toLowerCase();
  const sorted = [...events].sort(compareEvents);
  const states = new Map<string, TokenState>();
  const stateOf = (token: string): TokenState => {
    const key = token.toLowerCase();
    let state = states.get(key);
    if (state === undefined) {
      state = { carry: 0n, entitlement: 0n, queue: [], totals: newTotals() };
      states.set(key, state);
    }
    return state;
  };
  let supply = 0n;
  let balance = 0n;
  const accruals: Accrual[] = [];
  const claims: Claim[] = [];

  for (const event of sorted) {
    if (event.kind === "transfer") {
      const from = event.from.toLowerCase();
      const to = event.to.toLowerCase();
      if (from === ZERO) supply += event.value;
      if (to === ZERO) supply -= event.value;
      if (from === me) balance -= event.value;
      if (to === me) balance += event.value;
    } else if (event.kind === "deposit") {
      const state = stateOf(event.token);
      if (supply === 0n) continue; // the contract refuses such a deposit; nothing to replay
      const { increment, carry } = depositIncrement(event.amount, supply, state.carry);
      state.carry = carry;
      const before = state.entitlement / MAGNITUDE;
      state.entitlement += increment * balance;
      const amount = state.entitlement / MAGNITUDE - before;
      if (amount === 0n) continue;
      const source = event.source === 1 ? 1 : 0;
      state.totals.accrued[source] += amount;
      state.queue.push({ source, epoch: event.epoch, remaining: amount });
      accruals.push({
        block: event.block,
        logIndex: event.logIndex,
        txHash: event.txHash,
        token: event.token,
        source: event.source,
        epoch: event.epoch,
        deposit: event.amount,
        balance,
        supply,
        amount,
      });
    } else if (event.account.toLowerCase() === me) {
      const state = stateOf(event.token);
      state.entitlement -= event.amount * MAGNITUDE;
      if (state.entitlement < 0n) state.entitlement = 0n; // incomplete history: never go negative
      state.totals.claimed += event.amount;
      let rest = event.amount;
      const parts: ClaimPart[] = [];
      while (rest > 0n && state.queue.length > 0) {
        const head = state.queue[0]!;
        const take = head.remaining < rest ? head.remaining : rest;
        head.remaining -= take;
        rest -= take;
        const same = parts.find((part) => part.source === head.source);
        if (same !== undefined) {
          same.amount += take;
          same.lastEpoch = head.epoch;
        } else {
          parts.push({ source: head.source, amount: take, firstEpoch: head.epoch, lastEpoch: head.epoch });
        }
        state.totals.claimedBySource[head.source === 1 ? 1 : 0] += take;
        if (head.remaining === 0n) state.queue.shift();
      }
      claims.push({
        block: event.block,
        logIndex: event.logIndex,
        txHash: event.txHash,
        token: event.token,
        recipient: event.recipient,
        amount: event.amount,
        parts,
        unattributed: rest,
      });
    }
  }

  const tokens = new Map<string, TokenTotals>();
  for (const [token, state] of states) {
    const totals = state.totals;
    totals.unclaimedBySource = [0n, 0n];
    for (const entry of state.queue) totals.unclaimedBySource[entry.source === 1 ? 1 : 0] += entry.remaining;
    totals.claimable = state.entitlement / MAGNITUDE;
    tokens.set(token, totals);
  }
  return { holder, balance, supply, accruals, claims, tokens };
}

/**
 * Splits the contract's `claimable` across sources. When the replayed history agrees with the contract
 * (`unclaimed` sums to `claimable`) the FIFO split is returned as is; otherwise `claimable` is shared in
 * proportion to `unclaimed` (all of it to mining when nothing is left unclaimed), and `exact` is false.
 */
export function splitClaimable(
  claimable: bigint,
  unclaimed: readonly [bigint, bigint],
): { bySource: [bigint, bigint]; exact: boolean } {
  const total = unclaimed[0] + unclaimed[1];
  if (total === claimable) return { bySource: [unclaimed[0], unclaimed[1]], exact: true };
  if (total === 0n) return { bySource: [claimable, 0n], exact: false };
  const mining = (claimable * unclaimed[0]) / total;
  return { bySource: [mining, claimable - mining], exact: false };
}
