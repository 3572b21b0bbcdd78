/**
 * What a run drives on chain (`SimContracts`) and how it fails (`SimulationError`). The chain access itself is in
 * chain-client.ts (JSON-RPC), chain-ops.ts (operations to calldata) and tx-sender.ts (sending).
 */
/** The contracts a run drives. */
export interface SimContracts {
  oracle: string;
  pool: string;
  sale: string;
  wbtc: string;
  usdc: string;
}

/** A failure of the run itself (a revert, a chain that disagrees with the plan): not a user mistake. */
export class SimulationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SimulationError";
  }
}
