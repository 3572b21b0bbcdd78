import { Contract, type ContractRunner } from "ethers";

import { TIMELOCK_ARTIFACT } from "../../ignition/modules/Timelock.js";

export { CANCELLER_ROLE, EXECUTOR_ROLE, PROPOSER_ROLE, TIMELOCK_ARTIFACT } from "../../ignition/modules/Timelock.js";

/** Binds OpenZeppelin's `TimelockController` at `address` (its ABI as OpenZeppelin ships it). */
export function connectTimelock(address: string, runner: ContractRunner): Contract {
  return new Contract(address, TIMELOCK_ARTIFACT.abi, runner);
}
