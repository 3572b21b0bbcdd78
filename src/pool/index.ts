/**
 * The pool's maths off chain: the contract's revenue arithmetic, its events, one holder's history replayed from
 * them, and an exact mirror of the whole pool's books. Pure: no chain access.
 */
export * from "./accounting.js";
export * from "./events.js";
export * from "./holder-ledger.js";
export * from "./shadow.js";
