/** Sending a transaction from a task: revert caught before anything is sent, decoded to its custom error. */
import type { ContractTransactionReceipt, ContractTransactionResponse, Interface } from "ethers";

import { UserError } from "../cli/errors.js";
import { describeRevert } from "../cli/revert.js";
import { firstLine } from "./errors.js";
import { note } from "./note.js";

/** What decoding a failure needs: every custom error the contracts involved can raise. */
export interface Decoder {
  readonly errors: Interface;
}

/**
 * Sends one transaction and waits for it. Gas estimation runs the call first, so a revert is caught before
 * anything is sent and reported as `<what> reverted: Name(arg, …)`.
 */
export async function send(
  ctx: Decoder,
  what: string,
  submit: () => Promise<ContractTransactionResponse>,
): Promise<ContractTransactionReceipt> {
  let tx: ContractTransactionResponse;
  try {
    tx = await submit();
  } catch (error) {
    throw transactionError(ctx, what, error);
  }
  note(`${what}: sent ${tx.hash}`);
  let receipt: ContractTransactionReceipt | null;
  try {
    receipt = await tx.wait();
  } catch (error) {
    throw transactionError(ctx, what, error, tx.hash);
  }
  if (receipt === null) throw new UserError(`${what}: transaction ${tx.hash} was dropped`);
  return receipt;
}

/** A failed call or transaction as one line: the decoded custom error when there is one. */
export function transactionError(ctx: Decoder, what: string, error: unknown, hash?: string): UserError {
  const decoded = describeRevert(error, ctx.errors);
  const where = hash === undefined ? "" : ` (transaction ${hash})`;
  if (decoded !== undefined) return new UserError(`${what} reverted: ${decoded}${where}`);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "INSUFFICIENT_FUNDS") return new UserError(`${what}: the account has not enough ether to pay for gas`);
  return new UserError(`${what} failed: ${firstLine(error)}${where}`);
}
