import { Contract, ZeroAddress, ZeroHash, getAddress, type Provider } from "ethers";

import { TOKEN_FACTS } from "../tokens.js";
import { REPORTER_ROLE } from "../../ignition/modules/Oracle.js";
import { DISTRIBUTOR_ROLE, MINTER_ROLE, PAUSER_ROLE } from "../../ignition/modules/Pool.js";
import type { HashShareAddresses } from "./addresses.js";
import { connectHashShare } from "./contracts.js";
import type { HashShareParameters } from "./parameters.js";
import { roleMembers, type LogScan } from "./roles.js";
import { CANCELLER_ROLE, EXECUTOR_ROLE, PROPOSER_ROLE, connectTimelock } from "./timelock.js";

/** One post-deploy check: what was read back from the chain against what the parameters say. */
export interface DeploymentCheck {
  /** What is checked, e.g. `Pool sharesPerTHs` or `Pool MINTER_ROLE granted to 0x… (sale)`. */
  readonly label: string;
  readonly ok: boolean;
  /** The value read (when ok), or what was expected and what was found. */
  readonly detail: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly checks: readonly DeploymentCheck[];
}

export interface VerifyOptions {
  /** Expected decimals of the payout tokens; defaults to WBTC 8 and USDC 6. */
  readonly decimals?: { readonly wbtc: number; readonly usdc: number };
  /** First block of the deployment: role events are read from here (default 0). */
  readonly fromBlock?: number;
  /** Blocks per `eth_getLogs` request (default 10,000; some RPC providers allow fewer). */
  readonly logBlockRange?: number;
}

const TOKEN_ABI = ["function decimals() view returns (uint8)", "function symbol() view returns (string)"];
/** `AccessControlDefaultAdminRules` views, read when the contracts have them. */
const ADMIN_RULES_ABI = [
  "function defaultAdmin() view returns (address)",
  "function pendingDefaultAdmin() view returns (address newAdmin, uint48 schedule)",
];
const DEFAULT_ADMIN_ROLE = ZeroHash;

/**
 * Reads a HashShare deployment back from the chain and checks it against its parameters: every contract has code;
 * the oracle's quorum and the pool's `maxChangeBps` (never 0); the pool's and the sale's settings; the payout
 * tokens' decimals; for every role of every contract, the exact set of holders (replayed from the role events, so
 * an unexpected holder is found whoever it is); and, where the parameters configure a timelock, that the timelock is
 * the only `DEFAULT_ADMIN_ROLE` holder of the three contracts and of itself (no externally owned account, no pending
 * handover), its delay, and its proposer, canceller and executor.
 *
 * Never throws for a mismatch or a failed read: each one is a failed check.
 */
export async function verifyHashShareDeployment(
  provider: Provider,
  addresses: HashShareAddresses,
  parameters: HashShareParameters,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const checks: DeploymentCheck[] = [];
  const check = new Checker(checks);
  const { oracle, pool, sale } = connectHashShare(addresses, provider);
  const wbtc = new Contract(addresses.wbtc, TOKEN_ABI, provider);
  const usdc = new Contract(addresses.usdc, TOKEN_ABI, provider);
  const decimals = options.decimals ?? { wbtc: TOKEN_FACTS.wbtc.decimals, usdc: TOKEN_FACTS.usdc.decimals };
  const governance = parameters.governance;

  const hasCode = async (label: string, address: string): Promise<boolean> =>
    check.that(`${label} deployed at ${address}`, async () => {
      const code = await provider.getCode(address);
      return code === "0x" ? { ok: false, detail: "no contract code at this address" } : { ok: true, detail: "" };
    });

  const [oracleDeployed, poolDeployed, saleDeployed, wbtcDeployed, usdcDeployed] = [
    await hasCode("Oracle (HashrateOracle)", addresses.oracle),
    await hasCode("Pool (MiningPoolShare)", addresses.pool),
    await hasCode("Sale (ShareSale)", addresses.sale),
    await hasCode(addresses.mockTokens ? "WBTC (MockWBTC)" : "WBTC", addresses.wbtc),
    await hasCode(addresses.mockTokens ? "USDC (MockUSDC)" : "USDC", addresses.usdc),
  ];
  let timelockDeployed = false;
  if (governance !== undefined) {
    if (addresses.timelock === undefined) {
      checks.push({ label: "Timelock", ok: false, detail: "the parameters configure one but the deployment has none" });
    } else {
      timelockDeployed = await hasCode("Timelock (TimelockController)", addresses.timelock);
    }
  }

  if (wbtcDeployed) {
    await check.equal("WBTC decimals", BigInt(decimals.wbtc), async () => BigInt(await wbtc.getFunction("decimals")()));
  }
  if (usdcDeployed) {
    await check.equal("USDC decimals", BigInt(decimals.usdc), async () => BigInt(await usdc.getFunction("decimals")()));
  }

  if (oracleDeployed) {
    await check.equal("Oracle quorum", BigInt(parameters.oracle.quorum), async () => await oracle.quorum());
    await check.that("Oracle maxChangeBps of the pool", async () => {
      const bps = await oracle.maxChangeBps(addresses.pool);
      if (bps === 0n) return { ok: false, detail: "0: the pool's hashrate change is unbounded" };
      const expected = BigInt(parameters.pool.maxChangeBps);
      return bps === expected
        ? { ok: true, detail: `${bps} bps` }
        : { ok: false, detail: `expected ${expected}, got ${bps}` };
    });
  }

  if (poolDeployed) {
    const p = parameters.pool;
    await check.equal("Pool name", p.name, () => pool.name());
    await check.equal("Pool symbol", p.symbol, () => pool.symbol());
    await check.equal("Pool sharesPerTHs", p.sharesPerTHs, () => pool.sharesPerTHs());
    await check.equal("Pool maxReportAge", p.maxReportAge, () => pool.maxReportAge());
    await check.equal("Pool oracle", addresses.oracle, async () => getAddress(await pool.oracle()));
    await check.equal("Pool payoutTokens", [addresses.wbtc, addresses.usdc].join(", "), async () =>
      (await pool.payoutTokens()).map((token: string) => getAddress(token)).join(", "),
    );
  }

  if (saleDeployed) {
    const s = parameters.sale;
    await check.equal("Sale pool", addresses.pool, async () => getAddress(await sale.pool()));
    await check.equal("Sale paymentToken", s.usdc ?? addresses.usdc, async () => getAddress(await sale.paymentToken()));
    await check.equal("Sale pricePerShare", s.pricePerShare, () => sale.pricePerShare());
    await check.equal("Sale treasury", s.treasury, async () => getAddress(await sale.treasury()));
    await check.equal("Sale startTime", s.startTime, () => sale.startTime());
    await check.equal("Sale endTime", s.endTime, () => sale.endTime());
    await check.equal("Sale maxSharesPerBuyer", s.maxSharesPerBuyer, () => sale.maxSharesPerBuyer());
  }

  // Every role holder, replayed from the role events, against the exact set the parameters call for.
  const toBlock = await provider.getBlockNumber();
  const scan = { fromBlock: options.fromBlock ?? 0, toBlock, blockRange: options.logBlockRange ?? 10_000 };
  const names = new LabelledAddresses();
  const { oracle: o, pool: p, sale: s } = parameters;
  o.reporters.forEach((reporter, i) => names.add(reporter, `reporter${i + 1}`));
  names.add(p.minter, "minter");
  names.add(p.distributor, "distributor");
  names.add(p.pauser, "pauser");
  names.add(addresses.sale, "sale");
  if (governance !== undefined) {
    names.add(governance.proposer, "proposer");
    names.add(governance.executor, "executor");
  }
  if (addresses.timelock !== undefined) names.add(addresses.timelock, "timelock");
  for (const admin of [o.admin, p.admin, s.admin]) if (admin !== undefined) names.add(admin, "admin");

  const holders = async (label: string, address: string, role: string, expected: readonly (string | undefined)[]) =>
    check.that(`${label} holders`, async () => {
      const members = await roleMembers(provider, address, role, scan);
      const want = [...new Set(expected.filter((a) => a !== undefined).map((a) => getAddress(a)))].sort();
      for (const member of members) {
        if (!(await hasRoleOn(provider, address, role, member))) {
          return { ok: false, detail: `the events say ${member} holds it but hasRole says not` };
        }
      }
      const shown = (list: readonly string[]) => (list.length === 0 ? "nobody" : list.map(names.describe).join(", "));
      return members.join() === want.join()
        ? { ok: true, detail: shown(members) }
        : { ok: false, detail: `expected ${shown(want)}, got ${shown(members)}` };
    });

  const admin = (own: string | undefined) => (governance === undefined ? own : addresses.timelock);
  if (oracleDeployed) {
    await holders("Oracle DEFAULT_ADMIN_ROLE", addresses.oracle, DEFAULT_ADMIN_ROLE, [admin(o.admin)]);
    await holders("Oracle REPORTER_ROLE", addresses.oracle, REPORTER_ROLE, o.reporters);
  }
  if (poolDeployed) {
    await holders("Pool DEFAULT_ADMIN_ROLE", addresses.pool, DEFAULT_ADMIN_ROLE, [admin(p.admin)]);
    await holders("Pool MINTER_ROLE", addresses.pool, MINTER_ROLE, [p.minter, addresses.sale]);
    await holders("Pool DISTRIBUTOR_ROLE", addresses.pool, DISTRIBUTOR_ROLE, [p.distributor]);
    await holders("Pool PAUSER_ROLE", addresses.pool, PAUSER_ROLE, [p.pauser]);
  }
  if (saleDeployed) {
    await holders("Sale DEFAULT_ADMIN_ROLE", addresses.sale, DEFAULT_ADMIN_ROLE, [admin(s.admin)]);
  }

  if (governance !== undefined && addresses.timelock !== undefined && timelockDeployed) {
    const timelock = connectTimelock(addresses.timelock, provider);
    const t = addresses.timelock;
    await check.equal("Timelock minDelay (seconds)", governance.minDelay, async () =>
      BigInt(await timelock.getFunction("getMinDelay")()),
    );
    await holders("Timelock DEFAULT_ADMIN_ROLE", t, DEFAULT_ADMIN_ROLE, [t]);
    await holders("Timelock PROPOSER_ROLE", t, PROPOSER_ROLE, [governance.proposer]);
    await holders("Timelock CANCELLER_ROLE", t, CANCELLER_ROLE, [governance.proposer]);
    await holders("Timelock EXECUTOR_ROLE", t, EXECUTOR_ROLE, [governance.executor]);
    const deployed = [
      ["Oracle", addresses.oracle, oracleDeployed],
      ["Pool", addresses.pool, poolDeployed],
      ["Sale", addresses.sale, saleDeployed],
    ] as const;
    for (const [label, address, ok] of deployed) {
      if (ok) await adminIsTimelock(check, provider, label, address, t, scan);
    }
  }

  return { ok: checks.every((c) => c.ok), checks };
}

/**
 * No externally owned account holds `DEFAULT_ADMIN_ROLE` of a contract: every holder has code and is the timelock;
 * where the contract follows `AccessControlDefaultAdminRules`, `defaultAdmin()` is the timelock and no handover is
 * pending.
 */
async function adminIsTimelock(
  check: Checker,
  provider: Provider,
  label: string,
  address: string,
  timelock: string,
  scan: LogScan,
): Promise<void> {
  await check.that(`${label} DEFAULT_ADMIN_ROLE held by no externally owned account`, async () => {
    const members = await roleMembers(provider, address, DEFAULT_ADMIN_ROLE, scan);
    for (const member of members) {
      if ((await provider.getCode(member)) === "0x") return { ok: false, detail: `${member} has no code` };
    }
    return members.length === 1 && members[0] === getAddress(timelock)
      ? { ok: true, detail: "only the timelock" }
      : { ok: false, detail: `held by ${members.join(", ") || "nobody"}` };
  });
  const rules = new Contract(address, ADMIN_RULES_ABI, provider);
  let defaultAdmin: string;
  try {
    defaultAdmin = getAddress(await rules.getFunction("defaultAdmin")());
  } catch {
    return; // a plain AccessControl contract: the role events above are the whole story
  }
  await check.equal(`${label} defaultAdmin()`, getAddress(timelock), async () => defaultAdmin);
  await check.equal(`${label} pendingDefaultAdmin()`, ZeroAddress, async () => {
    const [pending] = (await rules.getFunction("pendingDefaultAdmin")()) as [string, bigint];
    return getAddress(pending);
  });
}

async function hasRoleOn(provider: Provider, address: string, role: string, account: string): Promise<boolean> {
  const contract = new Contract(address, ["function hasRole(bytes32, address) view returns (bool)"], provider);
  return (await contract.getFunction("hasRole")(role, account)) as boolean;
}

/** One line per check: `✓ label = value` or `✗ label: expected …, got …`. */
export function formatChecks(checks: readonly DeploymentCheck[]): string[] {
  return checks.map((c) => {
    if (!c.ok) return `✗ ${c.label}: ${c.detail}`;
    return c.detail === "" ? `✓ ${c.label}` : `✓ ${c.label} = ${c.detail}`;
  });
}

type Comparable = string | bigint;

class Checker {
  readonly #checks: DeploymentCheck[];

  constructor(checks: DeploymentCheck[]) {
    this.#checks = checks;
  }

  /** Runs `test`; a throw is a failed check. Returns whether it passed. */
  async that(label: string, test: () => Promise<{ ok: boolean; detail: string }>): Promise<boolean> {
    let result: { ok: boolean; detail: string };
    try {
      result = await test();
    } catch (error) {
      result = { ok: false, detail: `cannot read: ${reason(error)}` };
    }
    this.#checks.push({ label, ...result });
    return result.ok;
  }

  async equal(label: string, expected: Comparable, read: () => Promise<Comparable>): Promise<boolean> {
    return this.that(label, async () => {
      const actual = await read();
      return actual === expected
        ? { ok: true, detail: String(actual) }
        : { ok: false, detail: `expected ${String(expected)}, got ${String(actual)}` };
    });
  }
}

/** Addresses, each with the roles it plays in the parameters ("pool admin, minter, treasury"). */
class LabelledAddresses {
  readonly #labels = new Map<string, string[]>();

  add(address: string, label: string): void {
    const key = getAddress(address);
    const labels = this.#labels.get(key) ?? [];
    if (!labels.includes(label)) labels.push(label);
    this.#labels.set(key, labels);
  }

  /** `0x… (minter, pauser)`, or the bare address when it plays no named part. */
  readonly describe = (address: string): string => {
    const labels = this.#labels.get(getAddress(address));
    return labels === undefined ? address : `${address} (${labels.join(", ")})`;
  };
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const short = (error as Error & { shortMessage?: unknown }).shortMessage;
    return typeof short === "string" ? short : error.message.split("\n")[0]!;
  }
  return String(error);
}
