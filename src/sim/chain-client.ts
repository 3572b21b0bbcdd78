/**
 * Typed JSON-RPC calls to a Hardhat development chain (the in-process network or `hardhat node`): identity, blocks,
 * code, calls, nonces and the clock, as far as the simulator needs them.
 */
import type { EthereumProvider } from "hardhat/types/providers";

/** A quantity as JSON-RPC hex. */
export const hex = (value: bigint | number): string => `0x${value.toString(16)}`;
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
