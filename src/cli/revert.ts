import { ErrorFragment, Interface, type InterfaceAbi, type Result } from "ethers";

/**
 * One interface holding every custom error of the given ABIs, deduplicated by selector (the same error, e.g.
 * `ZeroAddress()`, is declared by several contracts; OpenZeppelin's errors come with the contracts that inherit
 * them). Functions and events are left out: this interface only decodes revert data.
 */
export function errorInterface(abis: readonly InterfaceAbi[]): Interface {
  const bySelector = new Map<string, ErrorFragment>();
  for (const abi of abis) {
    for (const fragment of Interface.from(abi).fragments) {
      if (fragment instanceof ErrorFragment && !bySelector.has(fragment.selector)) {
        bySelector.set(fragment.selector, fragment);
      }
    }
  }
  return new Interface([...bySelector.values()]);
}

/** Formats one decoded error argument: integers in decimal, strings quoted, arrays and tuples in brackets. */
function formatValue(value: unknown): string {
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value.startsWith("0x") ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  return String(value);
}

/** `Name(arg, …)` for a decoded error. */
export function formatError(name: string, args: Result | readonly unknown[]): string {
  return `${name}(${Array.from(args, formatValue).join(", ")})`;
}

/**
 * Decodes revert data (`0x` + 4-byte selector + ABI-encoded arguments) against `iface` to `Name(arg, …)`.
 * `Error(string)` and `Panic(uint256)` are decoded too. Returns undefined for empty or unknown data.
 */
export function decodeRevertData(data: string, iface: Interface): string | undefined {
  if (!/^0x[0-9a-fA-F]*$/.test(data) || data.length < 10) return undefined;
  try {
    const parsed = iface.parseError(data);
    return parsed === null ? undefined : formatError(parsed.name, parsed.args);
  } catch {
    return undefined;
  }
}

const MAX_DEPTH = 6;

/**
 * Finds revert data in an error thrown by ethers, a Hardhat provider or a JSON-RPC node: the first `data` field
 * (searched through `data`, `error`, `info`, `cause`, `payload` and `revert`) that holds hex with at least a
 * selector. Returns undefined when there is none.
 */
export function findRevertData(error: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH || error === null || typeof error !== "object") return undefined;
  const record = error as Record<string, unknown>;
  const data = record.data;
  if (typeof data === "string" && /^0x[0-9a-fA-F]{8}/.test(data)) return data;
  for (const key of ["data", "error", "info", "cause", "payload"]) {
    const found = findRevertData(record[key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Describes why a call or transaction reverted as `Name(arg, …)`, decoding the revert data found in `error`
 * against `iface`. Falls back to ethers' own decoded `revert` (when the contract's ABI knew the error), and
 * returns undefined when the error carries no decodable revert.
 */
export function describeRevert(error: unknown, iface: Interface): string | undefined {
  const data = findRevertData(error);
  if (data !== undefined) {
    const decoded = decodeRevertData(data, iface);
    if (decoded !== undefined) return decoded;
    return `unknown custom error ${data.slice(0, 10)}`;
  }
  if (error !== null && typeof error === "object" && "revert" in error) {
    const revert = (error as { revert?: { name?: unknown; args?: unknown } }).revert;
    if (revert !== undefined && revert !== null && typeof revert.name === "string" && Array.isArray(revert.args)) {
      return formatError(revert.name, revert.args);
    }
  }
  return undefined;
}
