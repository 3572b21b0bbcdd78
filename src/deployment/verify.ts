import { Contract, getAddress, type Provider } from "ethers";

import { TOKEN_FACTS } from "../tokens.js";
import type { HashShareAddresses } from "./addresses.js";
import { connectHashShare } from "./contracts.js";
import type { HashShareParameters } from "./parameters.js";

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
  /** Extra addresses to include in the role checks (e.g. the deployer), with a label each. */
  readonly otherAccounts?: Readonly<Record<string, string>>;
  /** Expected decimals of the payout tokens; defaults to WBTC 8 and USDC 6. */
  readonly decimals?: { readonly wbtc: number; readonly usdc: number };
}

const TOKEN_ABI = ["function decimals() view returns (uint8)", "function symbol() view returns (string)"];

/**
 * Reads a HashShare deployment back from the chain and checks it against its parameters: every contract has code;
 * the oracle's quorum; the pool's name, symbol, sharesPerTHs, maxReportAge, payout tokens and oracle; the sale's
 * pool, payment token, price, treasury, window and cap; the payout tokens' decimals; and, for every role of every
 * contract, that each known address (admins, reporters, operators, treasury, the contracts themselves, and
 * `otherAccounts`) holds it exactly when it should — the sale's `MINTER_ROLE` on the pool among them.
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

  if (wbtcDeployed) {
    await check.equal("WBTC decimals", BigInt(decimals.wbtc), async () => BigInt(await wbtc.getFunction("decimals")()));
  }
  if (usdcDeployed) {
    await check.equal("USDC decimals", BigInt(decimals.usdc), async () => BigInt(await usdc.getFunction("decimals")()));
  }

  if (oracleDeployed) {
    await check.equal("Oracle quorum", BigInt(parameters.oracle.quorum), async () => await oracle.quorum());
  }

  if (poolDeployed) {
    const p = parameters.pool;
    await check.equal("Pool name", p.name, () => pool.name());
    await check.equal("Pool symbol", p.symbol, () => pool.symbol());
    await check.equal("Pool sharesPerTHs", p.sharesPerTHs, () => pool.sharesPerTHs());
    await check.equal("Pool maxReportAge", p.maxReportAge, () => pool.maxReportAge());
    await check.equal("Pool oracle", addresses.oracle, async () => getAddress(await pool.oracle()));
    await check.equal("Pool payoutTokens", [addresses.wbtc, addresses.usdc].join(", "), async () =>
      (await pool.payoutTokens()).map((token) => getAddress(token)).join(", "),
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

  // Role checks: every known address, against every role of every contract.
  const known = new LabelledAddresses();
  const { oracle: o, pool: p, sale: s } = parameters;
  const oneAdmin = getAddress(o.admin) === getAddress(p.admin) && getAddress(p.admin) === getAddress(s.admin);
  known.add(o.admin, oneAdmin ? "admin" : "oracle admin");
  known.add(p.admin, oneAdmin ? "admin" : "pool admin");
  known.add(s.admin, oneAdmin ? "admin" : "sale admin");
  o.reporters.forEach((reporter, i) => known.add(reporter, `reporter${i + 1}`));
  known.add(p.minter, "minter");
  known.add(p.distributor, "distributor");
  known.add(p.pauser, "pauser");
  known.add(s.treasury, "treasury");
  known.add(addresses.oracle, "oracle");
  known.add(addresses.pool, "pool");
  known.add(addresses.sale, "sale");
  for (const [label, address] of Object.entries(options.otherAccounts ?? {})) known.add(address, label);

  const roleChecks = async (
    contractLabel: string,
    roleName: string,
    readRole: () => Promise<string>,
    hasRole: (role: string, account: string) => Promise<boolean>,
    holders: readonly string[],
  ): Promise<void> => {
    let role: string;
    try {
      role = await readRole();
    } catch (error) {
      checks.push({ label: `${contractLabel} ${roleName}`, ok: false, detail: `cannot read: ${reason(error)}` });
      return;
    }
    const expected = new Set(holders.map((holder) => getAddress(holder)));
    for (const [address, labels] of known.entries()) {
      const shouldHold = expected.has(address);
      await check.that(
        `${contractLabel} ${roleName} ${shouldHold ? "granted to" : "not granted to"} ${address} (${labels})`,
        async () => {
          const holds = await hasRole(role, address);
          if (holds === shouldHold) return { ok: true, detail: "" };
          return { ok: false, detail: holds ? "granted on chain" : "not granted on chain" };
        },
      );
    }
  };

  if (oracleDeployed) {
    const hasRole = (role: string, account: string) => oracle.hasRole(role, account);
    await roleChecks("Oracle", "DEFAULT_ADMIN_ROLE", () => oracle.DEFAULT_ADMIN_ROLE(), hasRole, [
      parameters.oracle.admin,
    ]);
    await roleChecks("Oracle", "REPORTER_ROLE", () => oracle.REPORTER_ROLE(), hasRole, parameters.oracle.reporters);
  }
  if (poolDeployed) {
    const p = parameters.pool;
    const hasRole = (role: string, account: string) => pool.hasRole(role, account);
    await roleChecks("Pool", "DEFAULT_ADMIN_ROLE", () => pool.DEFAULT_ADMIN_ROLE(), hasRole, [p.admin]);
    await roleChecks("Pool", "MINTER_ROLE", () => pool.MINTER_ROLE(), hasRole, [p.minter, addresses.sale]);
    await roleChecks("Pool", "DISTRIBUTOR_ROLE", () => pool.DISTRIBUTOR_ROLE(), hasRole, [p.distributor]);
    await roleChecks("Pool", "PAUSER_ROLE", () => pool.PAUSER_ROLE(), hasRole, [p.pauser]);
  }
  if (saleDeployed) {
    const hasRole = (role: string, account: string) => sale.hasRole(role, account);
    await roleChecks("Sale", "DEFAULT_ADMIN_ROLE", () => sale.DEFAULT_ADMIN_ROLE(), hasRole, [parameters.sale.admin]);
  }

  return { ok: checks.every((c) => c.ok), checks };
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

  *entries(): Iterable<[string, string]> {
    for (const [address, labels] of this.#labels) yield [address, labels.join(", ")];
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const short = (error as Error & { shortMessage?: unknown }).shortMessage;
    return typeof short === "string" ? short : error.message.split("\n")[0]!;
  }
  return String(error);
}
