/**
 * From planned operations to calldata: the contract interfaces the simulator encodes and decodes with, the encoder of
 * each operation, and its description for error messages.
 */
import type { Interface } from "ethers";

import { errorInterface } from "../cli/revert.js";
import {
  HashrateOracle__factory,
  MiningPoolShare__factory,
  MockERC20__factory,
  ShareSale__factory,
} from "../../typechain-types/index.js";
import { formatShares, formatTokenAmount } from "../cli/amount.js";
import { TOKEN_FACTS, type PayoutToken } from "../tokens.js";
import type { SimContracts } from "./chain.js";
import type { Op } from "./plan.js";

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
