import type {
  ArgumentType,
  CallableContractFuture,
  Future,
  IgnitionModule,
  IgnitionModuleBuilder,
} from "@nomicfoundation/ignition-core";
import { ZeroHash, id } from "ethers";

import TimelockModule from "./Timelock.js";

/**
 * Who holds `DEFAULT_ADMIN_ROLE` of the contracts, and so who sends their setup calls:
 * - `direct`: the module's `admin` parameter, which must be the deploying account (development networks);
 * - `timelock`: the "Timelock" module's `TimelockController`; each module's setup calls go through it as one batch,
 *   scheduled and executed while its delay is still 0 (see `Timelock.ts`).
 */
export type Governance = "direct" | "timelock";

/** One admin call of a module's setup: `contract.fn(...args)`, with the future ID it gets in direct mode. */
export interface AdminCall {
  readonly id: string;
  readonly contract: CallableContractFuture<string>;
  readonly fn: string;
  readonly args: ArgumentType[];
}

/** The admin of a module's contract: the `admin` parameter (direct) or the timelock future. */
export function adminOf(m: IgnitionModuleBuilder, governance: Governance) {
  return governance === "direct" ? m.getParameter<string>("admin") : m.useModule(TimelockModule).timelock;
}

/**
 * Sends a module's setup calls as its admin. Direct: one call future each (`<Module>#<id>`). Timelock: one batch,
 * `<Module>#<batchId>Schedule` then `<Module>#<batchId>Execute`, with a salt named after the batch so that each
 * module's batch is a distinct timelock operation. Returns the last future, for `after`.
 */
export function sendAdminCalls(
  m: IgnitionModuleBuilder,
  governance: Governance,
  batchId: string,
  calls: readonly AdminCall[],
  after: Array<Future | IgnitionModule> = [],
): Future {
  if (governance === "direct") {
    let last: Future | undefined;
    for (const call of calls) last = m.call(call.contract, call.fn, call.args, { id: call.id, after });
    if (last === undefined) throw new RangeError(`${batchId}: no admin calls`);
    return last;
  }
  const { timelock } = m.useModule(TimelockModule);
  return timelockBatch(m, timelock, batchId, calls, after);
}

/** Schedules and executes `calls` through `timelock` (whose delay must still be 0) as one batch. */
export function timelockBatch(
  m: IgnitionModuleBuilder,
  timelock: CallableContractFuture<string>,
  batchId: string,
  calls: readonly AdminCall[],
  after: Array<Future | IgnitionModule> = [],
): Future {
  const targets = calls.map((call) => call.contract);
  const values = calls.map(() => 0n);
  const payloads = calls.map((call) =>
    m.encodeFunctionCall(call.contract, call.fn, call.args, { id: `${call.id}Data` }),
  );
  const salt = id(`HashShare ${batchId}`);
  const schedule = m.call(timelock, "scheduleBatch", [targets, values, payloads, ZeroHash, salt, 0n], {
    id: `${batchId}Schedule`,
    after,
  });
  return m.call(timelock, "executeBatch", [targets, values, payloads, ZeroHash, salt], {
    id: `${batchId}Execute`,
    after: [schedule],
  });
}
