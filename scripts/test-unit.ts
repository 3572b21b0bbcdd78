/**
 * Every unit, property, fuzz and invariant test (mocha + Solidity) with coverage, then the coverage gate.
 * On CI (`CI` set) the Solidity tests use the `ci` profile: many more fuzz runs and invariant runs × depth.
 * Run: `npm run test:unit`.
 */
import { spawnSync } from "node:child_process";

const onCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
const profile = onCi ? ["--test-profile", "ci"] : [];
console.log(`test:unit: Solidity test profile ${onCi ? "ci" : "default"}`);

const run = (command: string, args: string[]): number => spawnSync(command, args, { stdio: "inherit" }).status ?? 1;

const tests = run("npx", ["hardhat", "test", "--coverage", ...profile]);
if (tests !== 0) process.exit(tests);
process.exit(run("node", ["scripts/check-coverage.ts"]));
