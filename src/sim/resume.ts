/**
 * Resuming: the journal in the output directory is read (or forgotten with --fresh), refused when it holds a run
 * with other arguments or on another chain, and on the day a crash interrupted, the operations the chain already
 * holds are found from the senders' nonces (see `journal.ts`).
 */
import { mkdirSync, rmSync } from "node:fs";

import { UserError } from "../cli/errors.js";
import { TOKEN_FACTS } from "../tokens.js";
import type { SimContracts } from "./chain.js";
import type { ChainClient } from "./chain-client.js";
import type { SimInterfaces } from "./chain-ops.js";
import {
  argumentDifferences,
  isInProcessJournal,
  journalPath,
  readJournal,
  type Journal,
  type RunArguments,
} from "./journal.js";
import type { DayPlan, PoolTerms } from "./plan.js";

/** The journal in `out`, or undefined when there is none (or `fresh` asks to forget it). */
export function openJournal(out: string, fresh: boolean): Journal | undefined {
  mkdirSync(out, { recursive: true });
  if (fresh) rmSync(journalPath(out), { force: true });
  try {
    return readJournal(out);
  } catch (error) {
    throw new UserError(`${error instanceof Error ? error.message : String(error)}: pass --fresh to start over`);
  }
}

/** The pool's and the sale's terms as the journal records them. */
export function journalTerms(journal: Journal): PoolTerms {
  return {
    sharesPerTHs: BigInt(journal.terms.sharesPerTHs),
    pricePerShare: BigInt(journal.terms.pricePerShare),
    maxSharesPerBuyer: BigInt(journal.terms.maxSharesPerBuyer),
  };
}

/** Refuses a journal whose arguments are not these. */
export function checkArguments(journal: Journal, args: RunArguments, out: string): void {
  const differences = argumentDifferences(journal.arguments, args);
  if (differences.length > 0) {
    throw new UserError(
      `${out} holds a run with other arguments (${differences.join(", ")}): rerun with the same arguments to resume it, ` +
        `or pass --fresh to start over, or choose another --out`,
    );
  }
}

/** Whether this chain is the journal's: same chain ID, node instance, deployment block hash, and the pool there. */
export async function isJournalChain(journal: Journal, client: ChainClient, instanceId: string): Promise<boolean> {
  const chainId = (await client.chainId()).toString();
  const block = await client.block(journal.chain.deployBlock);
  return (
    chainId === journal.chain.chainId &&
    instanceId === journal.chain.instanceId &&
    block !== undefined &&
    block.hash === journal.chain.deployBlockHash &&
    (await client.code(journal.chain.pool)) !== "0x"
  );
}

/**
 * What to do with the journal found in `out`: resume it (same arguments, same chain), or start a new run when it
 * holds a run on an earlier in-process chain (gone with its command: nothing can be resumed there; `warn` says so);
 * anything else is refused with the way out.
 */
export async function reconcileJournal(
  journal: Journal,
  args: RunArguments,
  client: ChainClient,
  instanceId: string,
  out: string,
  warn: (message: string) => void,
): Promise<"resume" | "new"> {
  if (isInProcessJournal(journal) && !(await isJournalChain(journal, client, instanceId))) {
    warn(
      `${out} holds a run on an earlier in-process chain, which ended with its command: starting a new run ` +
        `(run against \`npx hardhat node\` with --network localhost for a run that can be resumed)`,
    );
    return "new";
  }
  await checkJournal(journal, args, client, instanceId, out);
  return "resume";
}

/** Refuses a journal whose arguments or chain are not these. */
export async function checkJournal(
  journal: Journal,
  args: RunArguments,
  client: ChainClient,
  instanceId: string,
  out: string,
): Promise<void> {
  checkArguments(journal, args, out);
  if (!(await isJournalChain(journal, client, instanceId))) {
    throw new UserError(
      `${out} holds a run on another chain (chain ${journal.chain.chainId}, pool ${journal.chain.pool} deployed in block ` +
        `${journal.chain.deployBlock}) and this chain is not it (a fresh in-process chain, or a restarted node): ` +
        `pass --fresh to start over there, or choose another --out`,
    );
  }
}

/**
 * The indexes of `plan`'s operations that a crashed run already sent: per sender, as many of its operations (in
 * plan order) as its nonce moved since the checkpoint. Deposits are cross-checked with `isEpochFunded`.
 */
export async function alreadySent(
  plan: DayPlan,
  checkpoint: Record<string, number>,
  current: Record<string, number>,
  client: ChainClient,
  ifaces: SimInterfaces,
  contracts: SimContracts,
): Promise<Set<number>> {
  const bySender = new Map<string, number[]>();
  plan.ops.forEach((op, index) => {
    const list = bySender.get(op.from) ?? [];
    list.push(index);
    bySender.set(op.from, list);
  });
  const done = new Set<number>();
  const day = plan.result.day;
  for (const [from, indexes] of bySender) {
    const before = checkpoint[from];
    const now = current[from];
    if (before === undefined || now === undefined || now - before < 0 || now - before > indexes.length) {
      throw new UserError(
        `the chain does not match the journal on day ${day}: ${from} sent ${now === undefined || before === undefined ? "?" : now - before} ` +
          `transaction(s) since the day began, the plan has ${indexes.length}; pass --fresh to start over`,
      );
    }
    for (const index of indexes.slice(0, now - before)) done.add(index);
  }
  for (let i = 0; i < done.size; i++) {
    if (!done.has(i)) {
      throw new UserError(
        `the chain does not match the journal on day ${day}: operation ${i} is missing; pass --fresh to start over`,
      );
    }
  }
  for (const [index, op] of plan.ops.entries()) {
    if (op.kind !== "deposit") continue;
    const token = op.token === "wbtc" ? contracts.wbtc : contracts.usdc;
    const funded =
      (await client.callUint(
        contracts.pool,
        ifaces.pool.encodeFunctionData("isEpochFunded", [token, op.source, op.epoch]),
      )) === 1n;
    if (funded !== done.has(index)) {
      throw new UserError(
        `the chain does not match the journal: epoch ${op.epoch} of ${TOKEN_FACTS[op.token].symbol} (source ${op.source}) is ` +
          `${funded ? "" : "not "}funded; pass --fresh to start over`,
      );
    }
  }
  return done;
}
