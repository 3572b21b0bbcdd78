/**
 * The admin actions an operator schedules through the timelock, as calls on the HashShare contracts, and the way
 * back: a scheduled call decoded into the same words. The task layer validates the operator's input; this module
 * only encodes and describes.
 */
import { Interface, getAddress, id, type InterfaceAbi } from "ethers";

import { HashrateOracle__factory, MiningPoolShare__factory, ShareSale__factory } from "../../typechain-types/index.js";
import { TIMELOCK_INTERFACE, type TimelockCall } from "./operations.js";

/** The contracts of a deployment an admin action can target. */
export interface GovernedContracts {
  readonly oracle: string;
  readonly pool: string;
  readonly sale: string;
  readonly timelock: string;
}

export type ContractName = keyof GovernedContracts;

/** The operational roles, with the contract each one lives on. */
export const ROLES = {
  reporter: { contract: "oracle", name: "REPORTER_ROLE", hash: id("REPORTER_ROLE") },
  minter: { contract: "pool", name: "MINTER_ROLE", hash: id("MINTER_ROLE") },
  distributor: { contract: "pool", name: "DISTRIBUTOR_ROLE", hash: id("DISTRIBUTOR_ROLE") },
  pauser: { contract: "pool", name: "PAUSER_ROLE", hash: id("PAUSER_ROLE") },
} as const satisfies Record<string, { contract: ContractName; name: string; hash: string }>;

export type RoleKey = keyof typeof ROLES;

/**
 * SPEC v2 functions an action encodes, by signature, so that the encoding does not depend on which build of the
 * contracts' ABI is at hand: the `AccessControlDefaultAdminRules` handover, claimers and skim.
 */
const ADMIN_RULES = ["function beginDefaultAdminTransfer(address newAdmin)"];
const POOL_V2 = [
  "function setClaimerFor(address holder, address claimer)",
  "function skim(address token, address to) returns (uint256)",
];

/** `abi` with the functions of `extra` it lacks. */
function withFunctions(abi: InterfaceAbi, extra: readonly string[]): Interface {
  const base = new Interface(abi);
  const missing = extra.filter(
    (fragment) => base.getFunction(fragment.replace(/^function /, "").split(" returns")[0]!) === null,
  );
  return new Interface([...base.fragments, ...missing]);
}

const INTERFACES: Record<Exclude<ContractName, "timelock">, Interface> = {
  oracle: withFunctions(HashrateOracle__factory.abi, ADMIN_RULES),
  pool: withFunctions(MiningPoolShare__factory.abi, [...ADMIN_RULES, ...POOL_V2]),
  sale: withFunctions(ShareSale__factory.abi, ADMIN_RULES),
};

/** A call of an admin action, with what it does in words. */
export interface AdminAction extends TimelockCall {
  readonly summary: string;
}

function call(contracts: GovernedContracts, name: Exclude<ContractName, "timelock">, fn: string, args: unknown[]) {
  return { target: contracts[name], value: 0n, data: INTERFACES[name].encodeFunctionData(fn, args) };
}

export function grantRole(contracts: GovernedContracts, role: RoleKey, account: string): AdminAction {
  const r = ROLES[role];
  return {
    ...call(contracts, r.contract, "grantRole", [r.hash, account]),
    summary: `grant ${r.name} on the ${r.contract} to ${account}`,
  };
}

export function revokeRole(contracts: GovernedContracts, role: RoleKey, account: string): AdminAction {
  const r = ROLES[role];
  return {
    ...call(contracts, r.contract, "revokeRole", [r.hash, account]),
    summary: `revoke ${r.name} on the ${r.contract} from ${account}`,
  };
}

export function setQuorum(contracts: GovernedContracts, quorum: bigint): AdminAction {
  return { ...call(contracts, "oracle", "setQuorum", [quorum]), summary: `set the oracle's quorum to ${quorum}` };
}

export function setMaxChangeBps(contracts: GovernedContracts, bps: bigint): AdminAction {
  return {
    ...call(contracts, "oracle", "setMaxChangeBps", [contracts.pool, bps]),
    summary: `set the pool's maxChangeBps to ${bps}`,
  };
}

export function setClaimerFor(contracts: GovernedContracts, holder: string, claimer: string): AdminAction {
  return {
    ...call(contracts, "pool", "setClaimerFor", [holder, claimer]),
    summary: `let ${claimer} claim the revenue of ${holder}`,
  };
}

export function skim(contracts: GovernedContracts, token: string, symbol: string, to: string): AdminAction {
  return { ...call(contracts, "pool", "skim", [token, to]), summary: `skim the pool's stray ${symbol} to ${to}` };
}

/** The admin handover: the timelock starts `beginDefaultAdminTransfer(newAdmin)` on the three contracts. */
export function transferAdmin(contracts: GovernedContracts, newAdmin: string): AdminAction[] {
  return (["oracle", "pool", "sale"] as const).map((name) => ({
    ...call(contracts, name, "beginDefaultAdminTransfer", [newAdmin]),
    summary: `start handing the ${name}'s admin to ${newAdmin}`,
  }));
}

const ROLE_NAMES = new Map<string, string>([
  ["0x0000000000000000000000000000000000000000000000000000000000000000", "DEFAULT_ADMIN_ROLE"],
  ...Object.values(ROLES).map((r) => [r.hash, r.name] as [string, string]),
  ...["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"].map((name) => [id(name), name] as [string, string]),
]);

/** A scheduled call in words: `pool.grantRole(MINTER_ROLE, 0x…)`; unknown targets and data are shown raw. */
export function describeCall(contracts: GovernedContracts, c: TimelockCall): string {
  const target = getAddress(c.target);
  const name = (Object.keys(contracts) as ContractName[]).find((key) => getAddress(contracts[key]) === target);
  const iface = name === undefined ? undefined : name === "timelock" ? TIMELOCK_INTERFACE : INTERFACES[name];
  const parsed = iface?.parseTransaction({ data: c.data, value: c.value });
  const value = c.value === 0n ? "" : `{value: ${c.value}}`;
  if (name === undefined || parsed == null) return `${name ?? target}${value}(${c.data})`;
  const args = Array.from(parsed.args, (arg: unknown) =>
    typeof arg === "string" ? (ROLE_NAMES.get(arg) ?? arg) : String(arg),
  );
  return `${name}.${parsed.name}${value}(${args.join(", ")})`;
}
