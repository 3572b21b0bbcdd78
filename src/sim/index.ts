/**
 * The simulator: the economic model (src/model) carried out on chain, day by day, with simulated investors —
 * planning (pure), the chain driver, the resumable journal, and the outputs (daily.csv, summary.json, chart).
 */
export * from "./chain.js";
export * from "./chart.js";
export * from "./compare.js";
export * from "./investors.js";
export * from "./journal.js";
export * from "./ledger.js";
export * from "./options.js";
export * from "./plan.js";
export * from "./progress.js";
export * from "./report.js";
export * from "./run.js";
export * from "./table.js";
