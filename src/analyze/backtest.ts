/**
 * `--backtest <date>`: the same pool, sale and policies run on the shipped history from that date, day by day — BTC
 * price and fees as they were, the network's actual difficulty — with the investor's figures on that one path and
 * the sale price held in BTC beside them.
 */
import { DAYS_PER_YEAR } from "../model/constants.js";
import { type BlockShape, type PathBlock, type SaleTerms } from "./block.js";
import { fanRows, type FanRow } from "./fan.js";
import { dateFrom, historyDaysFrom, type History, type PolicyName, type Scenario } from "./model.js";
import { simulateBlock } from "./path.js";
import { summarizeHold, summarizePolicies, type HoldSummary, type PolicySummary } from "./summary.js";

export interface BacktestOptions {
  scenario: Scenario;
  policies: readonly PolicyName[];
  history: History;
  start: string;
  /** Days wanted; fewer when the history ends sooner. */
  days: number;
  sale: SaleTerms;
  discountRate: number;
}

export interface BacktestResult {
  start: string;
  end: string;
  days: number;
  /** Fewer days than asked because the history ends. */
  truncated: boolean;
  /** The figures on the one historical path (every band is that path's value). */
  policies: PolicySummary[];
  hold: HoldSummary;
  /** Cumulative payouts per share, every day (`p50` is the value). */
  rows: FanRow[];
  block: PathBlock;
  shape: BlockShape;
}

/** Runs the backtest. @throws Error when the history does not cover the start date or lacks difficulty */
export function runBacktest(options: BacktestOptions): BacktestResult {
  // The model needs the day before the start (the network's state), so the start is at least the history's 2nd day.
  const available = historyDaysFrom(options.history, options.start);
  const days = Math.min(options.days, available);
  const sampleDays = Array.from({ length: days }, (_, d) => d);
  const block = simulateBlock({
    scenario: options.scenario,
    policies: options.policies,
    seed: "backtest",
    from: 0,
    to: 1,
    days,
    sampleDays,
    sale: options.sale,
    discountRate: options.discountRate,
    history: { data: options.history, start: options.start },
  });
  const shape: BlockShape = { policies: options.policies.length, samples: days };
  const years = days / DAYS_PER_YEAR;
  return {
    start: options.start,
    end: dateFrom(options.start, days - 1),
    days,
    truncated: days < options.days,
    policies: summarizePolicies(block, shape, options.policies, options.sale.priceUsd, years),
    hold: summarizeHold(block, options.sale.priceUsd),
    rows: fanRows(block, shape, options.policies, sampleDays, (day) => dateFrom(options.start, day)),
    block,
    shape,
  };
}
