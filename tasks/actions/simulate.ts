import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { SimulateTaskArguments } from "./simulate-run.js";

/**
 * `simulate`, stage one: compile the contracts (and generate their typechain bindings) before anything imports
 * them, so that `npm run demo` works on a fresh clone; then run stage two.
 */
export default async function simulateAction(
  args: SimulateTaskArguments,
  hre: HardhatRuntimeEnvironment,
): Promise<unknown> {
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
  const { default: run } = await import("./simulate-run.js");
  return run(args, hre);
}
