/**
 * The simulator's chain access: a thin JSON-RPC client for Hardhat development chains (the in-process network or
 * `hardhat node`), an encoder from planned operations to calldata, and a transaction sender.
 *
 * Speed: transactions go out as raw `eth_sendTransaction` requests with the gas limit and fees filled in, from
 * accounts the node signs for (its own, or impersonated investors), so nothing is signed in JavaScript, no gas is
 * estimated and no receipt is polled — on an automining Hardhat chain the request returns once the transaction is
 * mined, and a revert comes back as an error, which the sender decodes to the custom error's name and arguments.
 */
import type { Interface } from "ethers";
import type { EthereumProvider } from "hardhat/types/providers";

import { describeRevert, errorInterface } from "../cli/revert.js";
import {
  HashrateOracle__factory,
  MiningPoolShare__factory,
  MockERC20__factory,
  ShareSale__factory,
} from "../../typechain-types/index.js";
import { formatShares, formatTokenAmount } from "../cli/amount.js";
import { TOKEN_FACTS, type PayoutToken } from "../tokens.js";
import type { Op } from "./plan.js";

/** The contracts a run drives. */
export interface SimContracts {
  oracle: string;
  pool: string;
  sale: string;
  wbtc: string;
  usdc: string;
}

/** A failure of the run itself (a revert, a chain that disagrees with the plan): not a user mistake. */
export class SimulationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SimulationError";
  }
}

/** Gas limit of every simulator transaction: well above the largest (a first buy, ~200k), so none runs out. */
export const TX_GAS = 1_000_000n;
/** Fee cap: generous for a development chain (whose base fee falls towards 0 on near-empty blocks). */
export const TX_MAX_FEE_PER_GAS = 100_000_000_000n;
/** Balance given to each impersonated investor: enough gas for a lifetime of simulated activity. */
export const INVESTOR_ETH = 1000n * 10n ** 18n;

const hex = (value: bigint | number): string => `0x${value.toString(16)}`;
/** An ABI-encoded uint256 (or bool) return value; "0x" (no code) reads as 0. */
const decodeUint = (data: string): bigint => BigInt(data === "0x" ? 0 : data);

/** What `hardhat_metadata` tells about a Hardhat development chain. */
export interface DevChainInfo {
  chainId: bigint;
  /** Random per node instance: two chains never share it. */
  instanceId: string;
  clientVersion: string;
}

/** A block, as far as the simulator needs it. */
export interface BlockInfo {
  number: number;
  hash: string;
  timestamp: number;
}

interface RpcBlock {
  number: string;
  hash: string;
  timestamp: string;
}

/** Typed JSON-RPC calls to a development chain. */
export class ChainClient {
  readonly provider: EthereumProvider;

  constructor(provider: EthereumProvider) {
    this.provider = provider;
  }

  async request<T>(method: string, params: unknown[] = []): Promise<T> {
    return (await this.provider.request({ method, params })) as T;
  }

  async chainId(): Promise<bigint> {
    return BigInt(await this.request<string>("eth_chainId"));
  }

  /** The chain's Hardhat metadata, or undefined when it is not a Hardhat development chain. */
  async devChainInfo(): Promise<DevChainInfo | undefined> {
    await this.chainId(); // an unreachable node fails here, with the provider's own error
    try {
      const metadata = await this.request<{ clientVersion: string; chainId: number; instanceId: string }>(
        "hardhat_metadata",
      );
      return {
        chainId: BigInt(metadata.chainId),
        instanceId: metadata.instanceId,
        clientVersion: metadata.clientVersion,
      };
    } catch {
      return undefined;
    }
  }

  async automine(): Promise<boolean> {
    return this.request<boolean>("hardhat_getAutomine");
  }

  async accounts(): Promise<string[]> {
    return this.request<string[]>("eth_accounts");
  }

  async block(tag: number | "latest"): Promise<BlockInfo | undefined> {
    const block = await this.request<RpcBlock | null>("eth_getBlockByNumber", [
      tag === "latest" ? tag : hex(tag),
      false,
    ]);
    if (block === null) return undefined;
    return { number: Number(BigInt(block.number)), hash: block.hash, timestamp: Number(BigInt(block.timestamp)) };
  }

  async code(address: string, tag: number | "latest" = "latest"): Promise<string> {
    return this.request<string>("eth_getCode", [address, tag === "latest" ? tag : hex(tag)]);
  }

  /** The first block at which `address` has code (binary search over history), or undefined if it has none. */
  async deploymentBlock(address: string): Promise<number | undefined> {
    const latest = await this.block("latest");
    if (latest === undefined || (await this.code(address, latest.number)) === "0x") return undefined;
    let lo = 0;
    let hi = latest.number;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if ((await this.code(address, mid)) === "0x") lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async transactionCount(address: string): Promise<number> {
    return Number(BigInt(await this.request<string>("eth_getTransactionCount", [address, "pending"])));
  }

  async call(to: string, data: string): Promise<string> {
    return this.request<string>("eth_call", [{ to, data }, "latest"]);
  }

  /** An `eth_call` of a view that returns one uint256 (or bool). */
  async callUint(to: string, data: string): Promise<bigint> {
    return decodeUint(await this.call(to, data));
  }

  /** Reads uint256 views through raw `eth_call`s, `concurrency` at a time, in order. */
  async callUints(calls: ReadonlyArray<{ to: string; data: string }>, concurrency = 64): Promise<bigint[]> {
    const results: bigint[] = new Array<bigint>(calls.length);
    for (let start = 0; start < calls.length; start += concurrency) {
      const chunk = calls.slice(start, start + concurrency);
      const values = await Promise.all(chunk.map((call) => this.callUint(call.to, call.data)));
      values.forEach((value, i) => (results[start + i] = value));
    }
    return results;
  }

  /** Sets the timestamp of the next block when it is later than the latest block's. */
  async advanceTimeTo(timestamp: number): Promise<void> {
    const latest = await this.block("latest");
    if (latest !== undefined && timestamp > latest.timestamp) {
      await this.request("evm_setNextBlockTimestamp", [timestamp]);
    }
  }
}

/** The contract interfaces the simulator encodes and decodes with. */
export interface SimInterfaces {
  oracle: Interface;
  pool: ReturnType<typeof MiningPoolShare__factory.createInterface>;
  sale: ReturnType<typeof ShareSale__factory.createInterface>;
  token: ReturnType<typeof MockERC20__factory.createInterface>;
  /** Every custom error of the contracts, for decoding reverts. */
  errors: Interface;
}

export function simInterfaces(): SimInterfaces {
  return {
    oracle: HashrateOracle__factory.createInterface(),
    pool: MiningPoolShare__factory.createInterface(),
    sale: ShareSale__factory.createInterface(),
    token: MockERC20__factory.createInterface(),
    errors: errorInterface([
      MiningPoolShare__factory.abi,
      HashrateOracle__factory.abi,
      ShareSale__factory.abi,
      MockERC20__factory.abi,
    ]),
  };
}

/** The transaction that carries out `op`. */
export function encodeOp(op: Op, contracts: SimContracts, ifaces: SimInterfaces): { to: string; data: string } {
  const tokenAddress = (token: PayoutToken): string => (token === "wbtc" ? contracts.wbtc : contracts.usdc);
  switch (op.kind) {
    case "report":
      return {
        to: contracts.oracle,
        data: ifaces.oracle.encodeFunctionData("reportHashrate", [contracts.pool, op.epoch, op.hashrateThs]),
      };
    case "approve":
      return {
        to: tokenAddress(op.token),
        data: ifaces.token.encodeFunctionData("approve", [
          op.spender === "pool" ? contracts.pool : contracts.sale,
          (1n << 256n) - 1n,
        ]),
      };
    case "faucet":
      return { to: tokenAddress(op.token), data: ifaces.token.encodeFunctionData("mint", [op.to, op.amount]) };
    case "buy":
      return { to: contracts.sale, data: ifaces.sale.encodeFunctionData("buy", [op.shares, op.cost]) };
    case "mint":
      return { to: contracts.pool, data: ifaces.pool.encodeFunctionData("mint", [op.to, op.shares]) };
    case "transfer":
      return { to: contracts.pool, data: ifaces.pool.encodeFunctionData("transfer", [op.to, op.shares]) };
    case "deposit":
      return {
        to: contracts.pool,
        data: ifaces.pool.encodeFunctionData("depositRevenue", [
          tokenAddress(op.token),
          op.amount,
          op.source,
          op.epoch,
        ]),
      };
    case "claim":
      return { to: contracts.pool, data: ifaces.pool.encodeFunctionData("claim", [tokenAddress(op.token)]) };
    case "claimAll":
      return { to: contracts.pool, data: ifaces.pool.encodeFunctionData("claimAll") };
  }
}

/** A person-readable description of an operation, for errors. */
export function describeOp(op: Op): string {
  const shares = (value: bigint): string => `${formatShares(value)} shares`;
  const amount = (token: PayoutToken, value: bigint): string => formatTokenAmount(value, token);
  switch (op.kind) {
    case "report":
      return `${op.from} reports ${op.hashrateThs} TH/s for epoch ${op.epoch}`;
    case "approve":
      return `${op.from} approves the ${op.spender} for ${TOKEN_FACTS[op.token].symbol}`;
    case "faucet":
      return `${op.from} takes ${amount(op.token, op.amount)} from the faucet`;
    case "buy":
      return `${op.from} buys ${shares(op.shares)} for ${amount("usdc", op.cost)}`;
    case "mint":
      return `${op.from} mints ${shares(op.shares)} to ${op.to}`;
    case "transfer":
      return `${op.from} sends ${shares(op.shares)} to ${op.to}`;
    case "deposit":
      return `${op.from} deposits ${amount(op.token, op.amount)} (source ${op.source}, epoch ${op.epoch})`;
    case "claim":
      return `${op.from} claims its ${TOKEN_FACTS[op.token].symbol}`;
    case "claimAll":
      return `${op.from} claims all`;
  }
}

/**
 * Sends transactions from accounts the node signs for. Investors (addresses nobody holds a key for) are
 * impersonated and given gas money the first time they act. Nonces are read once per account and then counted
 * locally, so a day's starting nonces can be journaled without a round trip per account.
 */
export class TxSender {
  readonly client: ChainClient;
  readonly #owned: Set<string>;
  readonly #nonces = new Map<string, number>();
  #sent = 0;

  private constructor(client: ChainClient, owned: Set<string>) {
    this.client = client;
    this.#owned = owned;
  }

  static async create(client: ChainClient): Promise<TxSender> {
    const owned = new Set((await client.accounts()).map((account) => account.toLowerCase()));
    return new TxSender(client, owned);
  }

  /** Transactions sent through this sender. */
  get sent(): number {
    return this.#sent;
  }

  /** Makes `address` able to send (impersonation and gas for investors) and returns its next nonce. */
  async prepare(address: string): Promise<number> {
    const known = this.#nonces.get(address);
    if (known !== undefined) return known;
    if (!this.#owned.has(address.toLowerCase())) {
      await this.client.request("hardhat_impersonateAccount", [address]);
      await this.client.request("hardhat_setBalance", [address, hex(INVESTOR_ETH)]);
    }
    const nonce = await this.client.transactionCount(address);
    this.#nonces.set(address, nonce);
    return nonce;
  }

  /** The locally counted next nonce of a prepared account. */
  nonceOf(address: string): number {
    const nonce = this.#nonces.get(address);
    if (nonce === undefined) throw new Error(`TxSender: ${address} was not prepared`);
    return nonce;
  }

  /** Sends one transaction from a prepared account; a revert throws with the decoded custom error. */
  async send(from: string, to: string, data: string, describe: () => string, errors: Interface): Promise<void> {
    const nonce = this.nonceOf(from);
    try {
      await this.client.request("eth_sendTransaction", [
        {
          from,
          to,
          data,
          gas: hex(TX_GAS),
          maxFeePerGas: hex(TX_MAX_FEE_PER_GAS),
          maxPriorityFeePerGas: "0x0",
        },
      ]);
    } catch (error) {
      const reason =
        describeRevert(error, errors) ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
      throw new SimulationError(`${describe()}: reverted with ${reason}`, { cause: error });
    }
    this.#nonces.set(from, nonce + 1);
    this.#sent += 1;
  }
}
