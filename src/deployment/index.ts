/**
 * The HashShare deployment library: parameters files, deployed addresses, deploying the Ignition modules, and the
 * post-deploy check that reads the chain back against the parameters.
 */
export * from "./addresses.js";
export * from "./contracts.js";
export * from "./deploy.js";
export * from "./ids.js";
export * from "./journal.js";
export * from "./locate.js";
export * from "./parameters.js";
export * from "./roles.js";
export * from "./timelock.js";
export * from "./verify.js";
