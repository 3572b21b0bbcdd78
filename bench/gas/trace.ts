/**
 * Storage accounting of one transaction from its opcode trace (`debug_traceTransaction`): every SLOAD, SSTORE,
 * TLOAD and TSTORE with the contract it touched and what it cost (cold 2,100 / warm 100 reads; 20,000 new,
 * 2,900 changed, 100 already-changed writes, plus 2,100 when the slot was cold), and every LOG. It explains where
 * a design's gas goes, slot by slot, next to `bench/gas.ts`'s totals.
 */
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";

interface StructLog {
  op: string;
  gasCost: number;
  depth: number;
  stack?: string[];
}

export interface Access {
  /** Name of the contract whose storage it is (or its address). */
  contract: string;
  op: "SLOAD" | "SSTORE" | "TLOAD" | "TSTORE";
  slot: bigint;
  gas: number;
}

export interface TxAccount {
  gasUsed: bigint;
  accesses: Access[];
  /** Gas of every LOG opcode, by contract. */
  logs: { contract: string; gas: number }[];
}

const CALLS = new Set(["CALL", "STATICCALL", "DELEGATECALL", "CALLCODE"]);
const STORAGE = new Set(["SLOAD", "SSTORE", "TLOAD", "TSTORE"]);

/** Traces `hash` and lists its storage accesses and logs; `names` maps lower-case addresses to contract names. */
export async function accountTx(
  ethers: HardhatEthers,
  hash: string,
  names: ReadonlyMap<string, string>,
): Promise<TxAccount> {
  const tx = await ethers.provider.getTransaction(hash);
  const receipt = await ethers.provider.getTransactionReceipt(hash);
  if (tx === null || receipt === null || tx.to === null) throw new Error(`trace: ${hash} is not a mined call`);
  const trace = (await ethers.provider.send("debug_traceTransaction", [
    hash,
    { disableMemory: true, disableStorage: true },
  ])) as { structLogs: StructLog[] };
  // The contract whose storage each call depth uses (DELEGATECALL keeps the caller's).
  const frames: string[] = [tx.to.toLowerCase()];
  const name = (address: string) => names.get(address) ?? address;
  const accesses: Access[] = [];
  const logs: { contract: string; gas: number }[] = [];
  for (const log of trace.structLogs) {
    const stack = log.stack ?? [];
    const top = (i: number) => BigInt(stack[stack.length - 1 - i] ?? "0x0");
    const self = frames[log.depth - 1];
    if (STORAGE.has(log.op)) {
      accesses.push({ contract: name(self), op: log.op as Access["op"], slot: top(0), gas: log.gasCost });
    } else if (log.op.startsWith("LOG")) {
      logs.push({ contract: name(self), gas: log.gasCost });
    } else if (CALLS.has(log.op)) {
      const target = `0x${top(1).toString(16).padStart(40, "0")}`;
      frames[log.depth] = log.op === "DELEGATECALL" || log.op === "CALLCODE" ? self : target;
    }
  }
  return { gasUsed: receipt.gasUsed, accesses, logs };
}

/** What an access is, for people: "cold read (2100)", "write (2900)", "transient write (100)", … */
function kindOf(access: Access): string {
  if (access.op === "SLOAD") return `${access.gas >= 2100 ? "cold" : "warm"} read (${access.gas})`;
  if (access.op === "SSTORE") return `write (${access.gas})`;
  return `transient ${access.op === "TLOAD" ? "read" : "write"} (${access.gas})`;
}

/** The storage accesses of `contract` grouped by kind ("2 × cold read (2100) = 4200"), and their total gas. */
export function summarize(account: TxAccount, contract: string): { parts: string[]; gas: number } {
  const groups = new Map<string, { count: number; gas: number }>();
  for (const access of account.accesses.filter((a) => a.contract === contract)) {
    const group = groups.get(kindOf(access)) ?? { count: 0, gas: 0 };
    groups.set(kindOf(access), { count: group.count + 1, gas: group.gas + access.gas });
  }
  const parts = [...groups.entries()].map(([kind, { count, gas }]) => `${count} × ${kind} = ${gas}`);
  return { parts, gas: [...groups.values()].reduce((sum, group) => sum + group.gas, 0) };
}
