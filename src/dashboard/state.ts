/**
 * The dashboard's in-memory projection of the index: balances, supply and backing over time, the oracle's reports,
 * deposits, sale purchases, claimers, pauses, roles and timelock operations. It is rebuilt from the database on a
 * reorg and extended with the new events after each indexed range, so every view reads memory, not SQL.
 */
import { ZeroAddress } from "ethers";

import { buildHolderLedger, type HolderLedger, type PoolEvent } from "../pool/index.js";
import type { Database } from "../indexer/database.js";
import { poolEventsOf, readEventsAfter, type StoredEvent } from "../indexer/reader.js";
import type { PoolFacts } from "./facts.js";

const ZERO = ZeroAddress.toLowerCase();

export interface Point {
  readonly block: number;
  readonly timestamp: number;
}

export interface TimelockOperation {
  readonly id: string;
  readonly timelock: string;
  readonly scheduledAt: number;
  readonly delay: number;
  readonly calls: Array<{ index: number; target: string; value: string; data: string }>;
  state: "pending" | "executed" | "cancelled";
  executedAt?: number;
}

export class PoolState {
  readonly facts: PoolFacts;
  readonly #db: Database;
  #last = { block: -1, logIndex: -1 };
  #version = 0;
  events: StoredEvent[] = [];
  /** Block number → timestamp, for every block with an event. */
  blockTimes = new Map<number, number>();
  balances = new Map<string, bigint>();
  supply = 0n;
  supplyPoints: Array<Point & { supply: bigint }> = [];
  finalized = new Map<string, Point & { hashrate: bigint }>();
  submissions = new Map<string, Array<Point & { reporter: string; hashrate: bigint }>>();
  deposits: Array<Point & { token: string; source: number; epoch: string; amount: bigint; txHash: string }> = [];
  purchases: StoredEvent[] = [];
  /** Purchases per lowercase buyer. */
  purchasesBy = new Map<string, StoredEvent[]>();
  claimers = new Map<string, string>();
  pauses: StoredEvent[] = [];
  skims: StoredEvent[] = [];
  roles = new Map<string, Map<string, Set<string>>>();
  timelockOps = new Map<string, TimelockOperation>();
  /** Mints, burns and deposits: what every holder's ledger replays. */
  shared: PoolEvent[] = [];
  /** Per lowercase account: its own transfers (mints and burns excepted) and its claims. */
  own = new Map<string, PoolEvent[]>();
  #ledgers = new Map<string, HolderLedger>();

  constructor(db: Database, facts: PoolFacts) {
    this.#db = db;
    this.facts = facts;
  }

  /** Changes every time the projection changes (for caches). */
  get version(): number {
    return this.#version;
  }

  /** Forgets everything (after a reorg) and reads the whole index again. */
  async reload(): Promise<void> {
    this.events = [];
    this.blockTimes = new Map();
    this.balances = new Map();
    this.supply = 0n;
    this.supplyPoints = [];
    this.finalized = new Map();
    this.submissions = new Map();
    this.deposits = [];
    this.purchases = [];
    this.purchasesBy = new Map();
    this.claimers = new Map();
    this.pauses = [];
    this.skims = [];
    this.roles = new Map();
    this.timelockOps = new Map();
    this.shared = [];
    this.own = new Map();
    this.#ledgers = new Map();
    this.#last = { block: -1, logIndex: -1 };
    this.#version += 1;
    await this.refresh();
  }

  /** Applies the events indexed since the last call. */
  async refresh(): Promise<number> {
    const added = await readEventsAfter(this.#db, this.#last.block, this.#last.logIndex);
    for (const event of added) this.#apply(event);
    if (added.length > 0) {
      const last = added[added.length - 1]!;
      this.#last = { block: last.block, logIndex: last.logIndex };
      this.#ledgers.clear();
      this.#version += 1;
    }
    return added.length;
  }

  /** The holder's ledger, replayed exactly as the pool accounts it (see src/cli/ledger.ts). */
  ledger(holder: string): HolderLedger {
    const key = holder.toLowerCase();
    let ledger = this.#ledgers.get(key);
    if (ledger === undefined) {
      ledger = buildHolderLedger(holder, [...this.shared, ...(this.own.get(key) ?? [])]);
      this.#ledgers.set(key, ledger);
    }
    return ledger;
  }

  #ownOf(account: string): PoolEvent[] {
    let list = this.own.get(account);
    if (list === undefined) {
      list = [];
      this.own.set(account, list);
    }
    return list;
  }

  #apply(e: StoredEvent): void {
    this.events.push(e);
    this.blockTimes.set(e.block, e.timestamp);
    const a = e.args;
    const point = { block: e.block, timestamp: e.timestamp };
    const isPool = e.address === this.facts.pool.address;
    if (isPool && (e.name === "Transfer" || e.name === "RevenueDeposited" || e.name === "RevenueClaimed")) {
      const [pe] = poolEventsOf([e], this.facts.pool.address);
      if (pe !== undefined) this.#applyPool(pe, point);
      return;
    }
    switch (e.name) {
      case "HashrateSubmitted": {
        const epoch = String(a.epoch);
        const list = this.submissions.get(epoch) ?? [];
        list.push({ ...point, reporter: String(a.reporter), hashrate: BigInt(String(a.hashrateTHs)) });
        this.submissions.set(epoch, list);
        break;
      }
      case "HashrateFinalized":
        this.finalized.set(String(a.epoch), { ...point, hashrate: BigInt(String(a.hashrateTHs)) });
        break;
      case "SharesPurchased": {
        this.purchases.push(e);
        const buyer = String(a.buyer).toLowerCase();
        const list = this.purchasesBy.get(buyer) ?? [];
        list.push(e);
        this.purchasesBy.set(buyer, list);
        break;
      }
      case "ClaimerSet":
        this.claimers.set(String(a.holder).toLowerCase(), String(a.claimer));
        break;
      case "Paused":
      case "Unpaused":
        this.pauses.push(e);
        break;
      case "Skimmed":
        this.skims.push(e);
        break;
      case "RoleGranted":
      case "RoleRevoked": {
        const contract = this.roles.get(e.address) ?? new Map<string, Set<string>>();
        const holders = contract.get(String(a.role)) ?? new Set<string>();
        if (e.name === "RoleGranted") holders.add(String(a.account));
        else holders.delete(String(a.account));
        contract.set(String(a.role), holders);
        this.roles.set(e.address, contract);
        break;
      }
      case "CallScheduled": {
        const id = String(a.id);
        const op = this.timelockOps.get(id) ?? {
          id,
          timelock: e.address,
          scheduledAt: e.timestamp,
          delay: Number(a.delay),
          calls: [],
          state: "pending" as const,
        };
        op.calls.push({
          index: Number(a.index),
          target: String(a.target),
          value: String(a.value),
          data: String(a.data),
        });
        this.timelockOps.set(id, op);
        break;
      }
      case "CallExecuted": {
        const op = this.timelockOps.get(String(a.id));
        if (op !== undefined) {
          op.state = "executed";
          op.executedAt = e.timestamp;
        }
        break;
      }
      case "Cancelled": {
        const op = this.timelockOps.get(String(a.id));
        if (op !== undefined) op.state = "cancelled";
        break;
      }
    }
  }

  #applyPool(pe: PoolEvent, point: Point): void {
    if (pe.kind === "transfer") {
      const from = pe.from.toLowerCase();
      const to = pe.to.toLowerCase();
      if (from !== ZERO) this.balances.set(from, (this.balances.get(from) ?? 0n) - pe.value);
      if (to !== ZERO) this.balances.set(to, (this.balances.get(to) ?? 0n) + pe.value);
      if (from === ZERO || to === ZERO) {
        this.supply += from === ZERO ? pe.value : -pe.value;
        this.supplyPoints.push({ ...point, supply: this.supply });
        this.shared.push(pe);
      } else {
        this.#ownOf(from).push(pe);
        if (to !== from) this.#ownOf(to).push(pe);
      }
    } else if (pe.kind === "deposit") {
      this.shared.push(pe);
      this.deposits.push({
        ...point,
        token: pe.token,
        source: pe.source,
        epoch: pe.epoch.toString(),
        amount: pe.amount,
        txHash: pe.txHash,
      });
    } else {
      this.#ownOf(pe.account.toLowerCase()).push(pe);
    }
  }
}
