/** The indexer's view of a JSON-RPC node: an EIP-1193 `request`, as Hardhat's network connection provides. */

export interface Rpc {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/** A log as `eth_getLogs` returns it (hex quantities). `blockTimestamp` is given by recent nodes (EDR, Geth). */
export interface RawLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  blockHash: string;
  blockTimestamp?: string;
  transactionHash: string;
  logIndex: string;
  removed?: boolean;
}

/** A block header, as far as the indexer needs it. */
export interface Header {
  number: number;
  hash: string;
  timestamp: number;
}

export const toHex = (value: number): string => `0x${value.toString(16)}`;

export async function blockNumber(rpc: Rpc): Promise<number> {
  return Number(BigInt(String(await rpc.request({ method: "eth_blockNumber", params: [] }))));
}

/** The header of block `number`, or undefined when the chain has no such block (yet, or any more). */
export async function header(rpc: Rpc, number: number): Promise<Header | undefined> {
  const block = (await rpc.request({ method: "eth_getBlockByNumber", params: [toHex(number), false] })) as {
    number: string;
    hash: string;
    timestamp: string;
  } | null;
  if (block === null || block === undefined) return undefined;
  return { number: Number(BigInt(block.number)), hash: block.hash, timestamp: Number(BigInt(block.timestamp)) };
}

/** `eth_getLogs` for `addresses` and any of `topics` (as topic0) over [from, to]. */
export async function getLogs(
  rpc: Rpc,
  addresses: readonly string[],
  topics: readonly string[],
  from: number,
  to: number,
): Promise<RawLog[]> {
  return (await rpc.request({
    method: "eth_getLogs",
    params: [{ address: [...addresses], topics: [[...topics]], fromBlock: toHex(from), toBlock: toHex(to) }],
  })) as RawLog[];
}

/** True when `address` holds code (a contract) at the latest block. */
export async function isContract(rpc: Rpc, address: string): Promise<boolean> {
  const code = String(await rpc.request({ method: "eth_getCode", params: [address, "latest"] }));
  return code !== "0x" && code !== "0x0";
}

/** An EIP-1193 `request` over plain HTTP JSON-RPC (keep-alive `fetch`): for scripts and benchmarks outside a task. */
export function httpRpc(url: string): Rpc {
  let id = 0;
  return {
    async request({ method, params = [] }) {
      id += 1;
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id, method, params }),
      });
      const body = (await response.json()) as { result?: unknown; error?: { message: string } };
      if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
      return body.result;
    },
  };
}
