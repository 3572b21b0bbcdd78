/**
 * The simulator: the v2 economic model (src/model) carried out on chain, day by day, with simulated investors —
 * planning (pure), the chain driver, setup and resume, the read-back, the summary and the outputs (daily.csv,
 * summary.json, chart, report page).
 */
export * from "./bands.js";
export * from "./chain.js";
export * from "./chain-client.js";
export * from "./chain-ops.js";
export * from "./chart.js";
export * from "./chart-bands.js";
export * from "./chart-panels.js";
export * from "./chart-policies.js";
export * from "./compare.js";
export * from "./decisions.js";
export * from "./interrupt.js";
export * from "./investor-report.js";
export * from "./investor-view.js";
export * from "./investors.js";
export * from "./journal.js";
export * from "./labels.js";
export * from "./model-day.js";
export * from "./options.js";
export * from "./outputs.js";
export * from "./page.js";
export * from "./plan.js";
export * from "./progress.js";
export * from "./readback.js";
export * from "./policy-comparison.js";
export * from "./report.js";
export * from "./resume.js";
export * from "./run.js";
export * from "./setup.js";
export * from "./stats.js";
export * from "./summary.js";
export * from "./table.js";
export * from "./tx-sender.js";
