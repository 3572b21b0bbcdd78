/**
 * HashShare's economic model, v2 (docs/ECONOMICS.md): pure, typed, deterministic, no chain access.
 *
 * Entry points: `loadScenario` / `parseScenario` (validated scenario, fitted network parameters filled in),
 * `simulatePath` (one seeded path, columnar daily output, decisions with their values), `rowOf` (one day as an
 * object), `loadHistory` (any CSV of the shipped history's columns), `fitNetwork` and `backtestNetwork`.
 */
export * from "./path-types.js";
export * from "./path.js";
export * from "./rows.js";
export * from "./scenario.js";
export * from "./history.js";
export * from "./history-series.js";
export * from "./network.js";
export * from "./fit.js";
export * from "./backtest.js";
export * from "./fleet.js";
export * from "./deals.js";
export * from "./valuation.js";
export * from "./policies.js";
export * from "./realism.js";
export * from "./sale.js";
export * from "./scenario-schema.js";
