/**
 * What never changes about a deployment and is not in its events: names, decimals, the pool's terms, the sale's
 * terms, the role IDs. Read once from the chain when the dashboard starts.
 */
import { id, type ContractRunner } from "ethers";

import { connectHashShare } from "../deployment/contracts.js";
import { MockERC20__factory } from "../../typechain-types/index.js";

export interface TokenFacts {
  readonly address: string;
  readonly symbol: string;
  readonly decimals: number;
}

export interface PoolFacts {
  readonly chainId: string;
  readonly network: string;
  readonly oracle: string;
  readonly pool: TokenFacts & { readonly name: string; readonly sharesPerTHs: bigint; readonly maxReportAge: number };
  readonly sale: {
    readonly address: string;
    readonly paymentToken: TokenFacts;
    readonly pricePerShare: bigint;
    readonly treasury: string;
    readonly startTime: number;
    readonly endTime: number;
    readonly maxSharesPerBuyer: bigint;
  };
  /** Payout tokens in `payoutTokens()` order. */
  readonly tokens: readonly TokenFacts[];
  /** Role ID → role name (`DEFAULT_ADMIN_ROLE`, `MINTER_ROLE`, …) of every role the contracts define. */
  readonly roleNames: Readonly<Record<string, string>>;
  /** Contract address → label (`pool`, `oracle`, `sale`). */
  readonly labels: Readonly<Record<string, string>>;
}

/** The role names HashShare's contracts and a TimelockController use. */
const ROLE_NAMES = [
  "MINTER_ROLE",
  "DISTRIBUTOR_ROLE",
  "PAUSER_ROLE",
  "REPORTER_ROLE",
  "PROPOSER_ROLE",
  "EXECUTOR_ROLE",
  "CANCELLER_ROLE",
];

async function tokenFacts(address: string, runner: ContractRunner): Promise<TokenFacts> {
  const token = MockERC20__factory.connect(address, runner);
  const [symbol, decimals] = await Promise.all([token.symbol(), token.decimals()]);
  return { address, symbol, decimals: Number(decimals) };
}

export async function readFacts(
  addresses: { oracle: string; pool: string; sale: string },
  runner: ContractRunner,
  chainId: bigint,
  network: string,
): Promise<PoolFacts> {
  const { pool, sale } = connectHashShare(addresses, runner);
  const [name, symbol, decimals, sharesPerTHs, maxReportAge, payout] = await Promise.all([
    pool.name(),
    pool.symbol(),
    pool.decimals(),
    pool.sharesPerTHs(),
    pool.maxReportAge(),
    pool.payoutTokens(),
  ]);
  const [paymentToken, pricePerShare, treasury, startTime, endTime, maxSharesPerBuyer] = await Promise.all([
    sale.paymentToken(),
    sale.pricePerShare(),
    sale.treasury(),
    sale.startTime(),
    sale.endTime(),
    sale.maxSharesPerBuyer(),
  ]);
  const roleNames: Record<string, string> = {
    "0x0000000000000000000000000000000000000000000000000000000000000000": "DEFAULT_ADMIN_ROLE",
  };
  for (const role of ROLE_NAMES) roleNames[id(role)] = role;
  return {
    chainId: chainId.toString(),
    network,
    oracle: addresses.oracle,
    pool: {
      address: addresses.pool,
      name,
      symbol,
      decimals: Number(decimals),
      sharesPerTHs,
      maxReportAge: Number(maxReportAge),
    },
    sale: {
      address: addresses.sale,
      paymentToken: await tokenFacts(paymentToken, runner),
      pricePerShare,
      treasury,
      startTime: Number(startTime),
      endTime: Number(endTime),
      maxSharesPerBuyer,
    },
    tokens: await Promise.all(payout.map((address) => tokenFacts(address, runner))),
    roleNames,
    labels: { [addresses.pool]: "pool", [addresses.oracle]: "oracle", [addresses.sale]: "sale" },
  };
}
