/**
 * `hardhat analyze`: the pure model over many seeded paths, and what an investor is told about a share bought at the
 * sale price (see docs/ANALYZE.md).
 */
export * from "./analyze.js";
export * from "./block.js";
export * from "./fan.js";
export * from "./model.js";
export * from "./runner.js";
export * from "./worker-script.js";
export * from "./summary.js";
export * from "./tornado.js";
export * from "./charts.js";
export * from "./options.js";
export * from "./outputs.js";
export * from "./progress.js";
export * from "./path.js";
export * from "./backtest.js";
