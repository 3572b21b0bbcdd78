/**
 * Compiles every contract from scratch and fails on any compiler warning (warnings are errors here).
 * Run: `npm run build:strict`.
 */
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["hardhat", "build", "--force", "--quiet"], { encoding: "utf8" });
const output = `${result.stdout}${result.stderr}`;
const warnings = output.split("\n").filter((line) => /^Warning\b/.test(line));
if (result.status !== 0) {
  process.stderr.write(output);
  console.error("build:strict: the compiler failed");
  process.exit(result.status ?? 1);
}
if (warnings.length > 0) {
  process.stderr.write(output);
  console.error(`build:strict: ${warnings.length} compiler warning(s); warnings are errors in this project`);
  process.exit(1);
}
console.log("build:strict: compiled with no warnings");
