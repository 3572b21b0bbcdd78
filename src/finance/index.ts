/**
 * The investor's maths, in one place: NPV and IRR of daily cash flows (terminal value 0), payback day, yield per
 * year on the price paid, and percentiles. Pure, no chain, no clock. Used by `hardhat analyze` and the simulator's
 * report.
 */
export * from "./brent.js";
export * from "./cashflows.js";
export * from "./npv.js";
export * from "./irr.js";
export * from "./payback.js";
export * from "./percentile.js";
