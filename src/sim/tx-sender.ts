/**
 * The transaction sender. Speed: transactions go out as raw `eth_sendTransaction` requests with the gas limit and fees
 * filled in, from accounts the node signs for (its own, or impersonated investors), so nothing is signed in
 * JavaScript, no gas is estimated and no receipt is polled — on an automining Hardhat chain the request returns once
 * the transaction is mined, and a revert comes back as an error, which the sender decodes to the custom error's name
 * and arguments.
 */
import type { Interface } from "ethers";

import { describeRevert } from "../cli/revert.js";
import { SimulationError } from "./chain.js";
import { ChainClient, hex } from "./chain-client.js";

/** Gas limit of every simulator transaction: well above the largest (a first buy, ~200k), so none runs out. */
export const TX_GAS = 1_000_000n;
/** Fee cap: generous for a development chain (whose base fee falls towards 0 on near-empty blocks). */
export const TX_MAX_FEE_PER_GAS = 100_000_000_000n;
/** Balance given to each impersonated investor: enough gas for a lifetime of simulated activity. */
export const INVESTOR_ETH = 1000n * 10n ** 18n;

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
