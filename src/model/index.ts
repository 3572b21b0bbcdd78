/**
 * HashShare's economic model (ECONOMICS.md): pure, typed, deterministic, no chain access.
 * The simulator's entry points are `loadScenario` / `parseScenario` and `createSimulation` / `simulateDays`.
 */
export * from "./constants.js";
export * from "./rng.js";
export * from "./scenario.js";
export * from "./halving.js";
export * from "./difficulty.js";
export * from "./price.js";
export * from "./fees.js";
export * from "./mining.js";
export * from "./ai.js";
export * from "./settlement.js";
export * from "./market.js";
export * from "./allocation.js";
export * from "./policies.js";
export * from "./simulate.js";
