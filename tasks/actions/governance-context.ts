import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { ZeroAddress, type Contract } from "ethers";

import { UserError } from "../../src/cli/errors.js";
import { errorInterface } from "../../src/cli/revert.js";
import { formatDuration, formatTimestamp } from "../../src/cli/output.js";
import {
  CANCELLER_ROLE,
  EXECUTOR_ROLE,
  PROPOSER_ROLE,
  TIMELOCK_ARTIFACT,
  connectTimelock,
} from "../../src/deployment/index.js";
import type { GovernedContracts } from "../../src/governance/actions.js";
import {
  operationStatus,
  readScheduledOperations,
  type OperationStatus,
  type ScheduledOperation,
} from "../../src/governance/operations.js";
import { blockRange } from "./events.js";
import { selectSigner } from "../../src/connection/accounts.js";
import { latestTimestamp } from "../../src/connection/clock.js";
import { type TaskContext } from "../../src/connection/context.js";
import type { Session } from "./run.js";

/** A task context whose deployment has a timelock, bound to it. */
export interface GovernanceContext {
  readonly ctx: TaskContext;
  readonly timelock: Contract;
  readonly contracts: GovernedContracts;
}

/** Opens the context and the deployment's timelock; a deployment without one is a one-line error. */
export async function governanceContext(session: Session): Promise<GovernanceContext> {
  const opened = await session.context();
  // Reverts bubbled up through the timelock are the target's errors: decode the timelock's and the targets'.
  const ctx: TaskContext = { ...opened, errors: errorInterface([opened.errors.fragments, TIMELOCK_ARTIFACT.abi]) };
  const address = ctx.deployment.timelock;
  if (address === undefined) {
    throw new UserError(
      `deployment ${ctx.deployment.id} has no timelock: its contracts are administered by an account directly (deploy with a "Governance" section in the parameters to put a timelock in charge)`,
    );
  }
  const { oracle, pool, sale } = ctx.deployment;
  return {
    ctx,
    timelock: connectTimelock(address, ctx.connection.ethers.provider),
    contracts: { oracle, pool, sale, timelock: address },
  };
}

const ROLE_NAMES = { proposer: PROPOSER_ROLE, executor: EXECUTOR_ROLE, canceller: CANCELLER_ROLE } as const;

/**
 * The signer chosen with `--account`, refused unless it holds `role` on the timelock (for executors, the role held
 * by `address(0)` opens execution to anyone).
 */
export async function timelockSigner(
  g: GovernanceContext,
  spec: string,
  role: keyof typeof ROLE_NAMES,
): Promise<HardhatEthersSigner> {
  const signer = await selectSigner(g.ctx, spec);
  const hash = ROLE_NAMES[role];
  const hasRole = g.timelock.getFunction("hasRole");
  const open = role === "executor" && ((await hasRole(hash, ZeroAddress)) as boolean);
  if (!open && !((await hasRole(hash, signer.address)) as boolean)) {
    throw new UserError(
      `account ${signer.address} is not ${role === "executor" ? "an" : "a"} ${role} of the timelock ${g.contracts.timelock} (it lacks ${role.toUpperCase()}_ROLE)`,
    );
  }
  return signer;
}

/** Every operation scheduled on the deployment's timelock, latest first, each with where it stands now. */
export async function scheduledOperations(
  g: GovernanceContext,
): Promise<Array<ScheduledOperation & { status: OperationStatus }>> {
  const provider = g.ctx.connection.ethers.provider;
  const toBlock = await provider.getBlockNumber();
  const operations = await readScheduledOperations(provider, g.contracts.timelock, {
    fromBlock: g.ctx.deployment.fromBlock,
    toBlock,
    blockRange: blockRange(g.ctx),
  });
  return Promise.all(operations.map(async (op) => ({ ...op, status: await operationStatus(g.timelock, op.id) })));
}

/** The scheduled operation with ID `spec` (0x and 64 hex digits, or a unique prefix of at least 10 characters). */
export async function findOperation(
  g: GovernanceContext,
  spec: string,
): Promise<ScheduledOperation & { status: OperationStatus }> {
  const input = spec.trim().toLowerCase();
  if (input === "") throw new UserError("--id is missing: give an operation ID (see governance list)");
  if (!/^0x[0-9a-f]{8,64}$/.test(input)) {
    throw new UserError(`--id "${spec.trim()}" is not an operation ID (0x and up to 64 hex digits, at least 8)`);
  }
  const operations = await scheduledOperations(g);
  const ids = [...new Set(operations.map((op) => op.id.toLowerCase()))].filter((id) => id.startsWith(input));
  if (ids.length === 0) {
    throw new UserError(
      `no operation ${spec.trim()} was scheduled on the timelock ${g.contracts.timelock} (see governance list)`,
    );
  }
  if (ids.length > 1) throw new UserError(`--id ${spec.trim()} matches ${ids.length} operations: give more digits`);
  return operations.find((op) => op.id.toLowerCase() === ids[0])!;
}

/** When an operation becomes (or became) executable, in words: `2026-11-29T15:00:00Z (in 1d 23h)`. */
export async function readyAtText(ctx: TaskContext, readyAt: bigint): Promise<string> {
  const now = await latestTimestamp(ctx);
  const when = formatTimestamp(readyAt);
  return readyAt > now
    ? `${when} (in ${formatDuration(readyAt - now)})`
    : `${when} (${formatDuration(now - readyAt)} ago)`;
}
