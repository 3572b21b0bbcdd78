/**
 * The dashboard's running parts: the indexer following the chain, the in-memory projection kept in step with it,
 * and the listeners (server-sent events) told of every change. Used by the Hardhat task, the tests and the bench.
 */
import { EventEmitter } from "node:events";

import type { Database } from "../indexer/database.js";
import { Indexer, type IndexerOptions, type IndexerStatus } from "../indexer/indexer.js";
import type { PoolFacts } from "./facts.js";
import type { ViewContext } from "./investor.js";
import type { PriceBook } from "./prices.js";
import { PoolState } from "./state.js";

export interface DashboardOptions extends Omit<IndexerOptions, "db"> {
  readonly db: Database;
  readonly facts: PoolFacts;
  readonly prices: PriceBook;
  /** `MAX_PAUSE_DURATION` of the pool (undefined for a pool whose pause is unbounded). */
  readonly maxPauseDuration: number | undefined;
}

/** What a live page is sent on each change. */
export interface LiveUpdate {
  readonly indexed: number;
  readonly chainHead: number | null;
  readonly timestamp: number | null;
  readonly rpcOk: boolean;
  readonly error: string | null;
  readonly version: number;
}

export class DashboardService extends EventEmitter<{ update: [LiveUpdate] }> {
  readonly indexer: Indexer;
  readonly state: PoolState;
  readonly options: DashboardOptions;
  #stop = new AbortController();
  #running: Promise<void> | undefined;
  #refreshing: Promise<void> = Promise.resolve();

  constructor(options: DashboardOptions) {
    super();
    this.setMaxListeners(0);
    this.options = options;
    this.indexer = new Indexer(options);
    this.state = new PoolState(options.db, options.facts);
    this.indexer.on("progress", () => this.#schedule(false));
    this.indexer.on("reorg", () => this.#schedule(true));
    this.indexer.on("status", () => this.emit("update", this.live()));
  }

  /** Opens the index and loads what it already holds (the page works before the first pass ends). */
  async open(): Promise<void> {
    await this.indexer.open();
    await this.state.reload();
  }

  /** Starts following the chain in the background. */
  start(): void {
    this.#running ??= this.indexer.run(this.#stop.signal);
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#running;
    await this.#refreshing;
  }

  /** Resolves once the projection holds everything indexed so far. */
  async settled(): Promise<void> {
    await this.#refreshing;
  }

  #schedule(reload: boolean): void {
    this.#refreshing = this.#refreshing
      .then(() => (reload ? this.state.reload() : this.state.refresh().then(() => undefined)))
      .then(() => {
        this.emit("update", this.live());
      })
      .catch(() => undefined);
  }

  live(): LiveUpdate {
    const s: IndexerStatus = this.indexer.status;
    return {
      indexed: s.indexed,
      chainHead: s.chainHead ?? null,
      timestamp: s.indexedTimestamp ?? null,
      rpcOk: s.rpcOk,
      error: s.lastError ?? null,
      version: this.state.version,
    };
  }

  /** The context every view is computed in: "now" is the last indexed block's time. */
  viewContext(): ViewContext {
    const s = this.indexer.status;
    return {
      state: this.state,
      prices: this.options.prices,
      now: s.indexedTimestamp ?? Math.floor(Date.now() / 1000),
      block: s.indexed,
    };
  }
}
