import { readFile } from "node:fs/promises";
import path from "node:path";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { HardhatError } from "@nomicfoundation/hardhat-errors";
import type { ContractTransactionReceipt, ContractTransactionResponse, Interface } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { looksLikeAddress, parseAddress } from "../../src/cli/address.js";
import { UserError } from "../../src/cli/errors.js";
import { describeRevert, errorInterface } from "../../src/cli/revert.js";
import {
  DeploymentError,
  FUTURE_IDS,
  connectHashShare,
  deploymentIdFor,
  deployHashShareLocal,
  parametersPathFor,
  readDeployedAddresses,
  readHashShareParameters,
} from "../../src/deployment/index.js";
import {
  HashrateOracle__factory,
  MiningPoolShare__factory,
  MockERC20__factory,
  ShareSale__factory,
  type HashrateOracle,
  type MiningPoolShare,
  type MockERC20,
  type ShareSale,
} from "../../typechain-types/index.js";

/**
 * A standard ERC-20 with metadata. The typechain binding of the local mock is used only for its ABI, which is the
 * plain ERC-20 surface; its faucet is never called on a real token.
 */
export type Erc20 = MockERC20;

/** A payout or payment token, with the metadata the CLI converts amounts with. */
export interface TokenInfo {
  readonly address: string;
  readonly symbol: string;
  readonly decimals: number;
  readonly contract: Erc20;
}

/** Where the HashShare contracts of the selected network come from. */
export interface DeploymentInfo {
  /** Ignition deployment ID (`chain-<chainId>` unless HASHSHARE_DEPLOYMENT_ID says otherwise). */
  readonly id: string;
  /** The deployment folder; undefined for the ephemeral deployment of the in-process network. */
  readonly dir: string | undefined;
  readonly oracle: string;
  readonly pool: string;
  readonly sale: string;
  /** The `TimelockController` that administers the contracts; undefined when the deployment has none. */
  readonly timelock: string | undefined;
  /** First block of the deployment: event scans start here. */
  readonly fromBlock: number;
}

/** Everything a task needs after connecting: the network, the deployment and read-only contract bindings. */
export interface TaskContext {
  readonly hre: HardhatRuntimeEnvironment;
  readonly connection: NetworkConnection;
  readonly networkName: string;
  readonly chainId: bigint;
  /** The in-process network or a `hardhat node` (`localhost`): accounts are chosen by index. */
  readonly local: boolean;
  readonly inProcess: boolean;
  readonly deployment: DeploymentInfo;
  readonly oracle: HashrateOracle;
  readonly pool: MiningPoolShare;
  readonly sale: ShareSale;
  /** Every custom error of the HashShare contracts and of the OpenZeppelin code they inherit. */
  readonly errors: Interface;
}

const LOCAL_PARAMETERS = "ignition/parameters/local.json";

/** Prints a progress note on stderr (stdout stays clean for `--json`). */
export function note(message: string): void {
  console.error(message);
}

/** The deploy command to suggest for a network. */
export function deployCommand(networkName: string, local: boolean): string {
  return local
    ? `npx hardhat ignition deploy ignition/modules/HashShareLocal.ts --network ${networkName} --parameters ${LOCAL_PARAMETERS}`
    : `npx hardhat ignition deploy ignition/modules/HashShare.ts --network ${networkName} --parameters ignition/parameters/${networkName}.json`;
}

/** Turns the errors of connecting to a network into one clear line, or returns undefined for anything else. */
export function connectionError(error: unknown, networkName: string): UserError | undefined {
  if (HardhatError.isHardhatError(error, HardhatError.ERRORS.CORE.GENERAL.ENV_VAR_NOT_FOUND)) {
    const name = String(error.messageArguments.name);
    return new UserError(
      `network ${networkName} needs the variable ${name}: set it in .env or the environment (see .env.example)`,
    );
  }
  if (
    HardhatError.isHardhatError(
      error,
      HardhatError.ERRORS.HARDHAT_KEYSTORE.GENERAL.KEY_NOT_FOUND_DURING_TESTS_WITH_DEV_KEYSTORE,
    )
  ) {
    // Under `hardhat test` (HH_TEST=true) the keystore plugin only reads the development keystore.
    const name = String(error.messageArguments.key);
    return new UserError(
      `network ${networkName} needs the variable ${name}: set it in .env or the environment (see .env.example)`,
    );
  }
  if (HardhatError.isHardhatError(error, HardhatError.ERRORS.CORE.NETWORK.NETWORK_NOT_FOUND)) {
    return new UserError(`unknown network "${networkName}": use one configured in hardhat.config.ts`);
  }
  if (HardhatError.isHardhatError(error, HardhatError.ERRORS.CORE.NETWORK.INVALID_URL)) {
    return new UserError(`network ${networkName} has an invalid RPC URL: check HASHSHARE_RPC_URL`);
  }
  if (
    HardhatError.isHardhatError(error, HardhatError.ERRORS.CORE.NETWORK.CONNECTION_REFUSED) ||
    HardhatError.isHardhatError(error, HardhatError.ERRORS.CORE.NETWORK.NETWORK_TIMEOUT)
  ) {
    const hint =
      networkName === "localhost"
        ? " (start one with: npx hardhat node)"
        : " (check HASHSHARE_RPC_URL and your connection)";
    return new UserError(`cannot reach the JSON-RPC node of network ${networkName}${hint}`);
  }
  if (HardhatError.isHardhatError(error, HardhatError.ERRORS.CORE.GENERAL.INVALID_URL)) {
    return new UserError(`network ${networkName} has an invalid RPC URL: check HASHSHARE_RPC_URL`);
  }
  if (HardhatError.isHardhatError(error)) {
    // Any other Hardhat error while connecting (e.g. a malformed private key): its first line is the message.
    return new UserError(`network ${networkName}: ${error.formattedMessage.split("\n")[0]}`);
  }
  return undefined;
}

interface JournalFacts {
  chainId: bigint | undefined;
  fromBlock: number | undefined;
}

/** Reads the chain ID and the first confirmed block of an Ignition journal (undefined when absent). */
async function readJournal(dir: string): Promise<JournalFacts> {
  let text: string;
  try {
    text = await readFile(path.join(dir, "journal.jsonl"), "utf8");
  } catch {
    return { chainId: undefined, fromBlock: undefined };
  }
  let chainId: bigint | undefined;
  let fromBlock: number | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let entry: { type?: unknown; chainId?: unknown; receipt?: { blockNumber?: unknown } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.type === "DEPLOYMENT_INITIALIZE" && typeof entry.chainId === "number") chainId = BigInt(entry.chainId);
    const block = entry.receipt?.blockNumber;
    if (entry.type === "TRANSACTION_CONFIRM" && typeof block === "number") {
      fromBlock = fromBlock === undefined ? block : Math.min(fromBlock, block);
    }
  }
  return { chainId, fromBlock };
}

/** The deployment of an http network, read from Ignition's folder and checked against the chain. */
async function fileDeployment(
  hre: HardhatRuntimeEnvironment,
  connection: NetworkConnection,
  chainId: bigint,
  local: boolean,
): Promise<DeploymentInfo> {
  const id = deploymentIdFor(chainId);
  const dir = path.join(hre.config.paths.ignition, "deployments", id);
  const name = connection.networkName;
  const journal = await readJournal(dir);
  let deployed;
  try {
    deployed = await readDeployedAddresses(dir);
  } catch (error) {
    if (error instanceof DeploymentError) {
      throw new UserError(
        `no HashShare deployment for network ${name} (chain ${chainId}) in ${path.relative(hre.config.paths.root, dir)}: deploy with: ${deployCommand(name, local)}`,
      );
    }
    throw error;
  }
  if (journal.chainId !== undefined && journal.chainId !== chainId) {
    throw new UserError(
      `wrong chain: deployment ${id} was made on chain ${journal.chainId} but network ${name} is chain ${chainId}`,
    );
  }
  const required = (futureId: string): string => {
    const address = deployed[futureId];
    if (address === undefined) {
      throw new UserError(`deployment ${id} has no "${futureId}": finish it with: ${deployCommand(name, local)}`);
    }
    return address;
  };
  const addresses = {
    oracle: required(FUTURE_IDS.oracle),
    pool: required(FUTURE_IDS.pool),
    sale: required(FUTURE_IDS.sale),
  };
  for (const [label, address] of Object.entries(addresses)) {
    const code = await connection.provider.request({ method: "eth_getCode", params: [address, "latest"] });
    if (code === "0x" || code === "0x0") {
      throw new UserError(
        `no ${label} contract at ${address} on network ${name} (chain ${chainId}): deployment ${id} is stale (node restarted?); redeploy with: ${deployCommand(name, local)} --reset`,
      );
    }
  }
  return { id, dir, ...addresses, timelock: deployed[FUTURE_IDS.timelock], fromBlock: journal.fromBlock ?? 0 };
}

/** On the in-process network nothing persists between commands: deploy a fresh local HashShare for this one. */
async function ephemeralDeployment(
  hre: HardhatRuntimeEnvironment,
  connection: NetworkConnection,
): Promise<DeploymentInfo> {
  const parameters = await readHashShareParameters(parametersPathFor("default", hre.config.paths.ignition));
  const deployed = await deployHashShareLocal(connection, parameters);
  note(
    `note: network ${connection.networkName} is in-process; deployed a fresh HashShare that ends with this command (use --network localhost to keep state)`,
  );
  return {
    id: "in-process",
    dir: undefined,
    oracle: deployed[FUTURE_IDS.oracle]!,
    pool: deployed[FUTURE_IDS.pool]!,
    sale: deployed[FUTURE_IDS.sale]!,
    timelock: deployed[FUTURE_IDS.timelock],
    fromBlock: 0,
  };
}

/**
 * Connects to the network chosen with `--network`, checks it answers, finds the HashShare deployment for its
 * chain and binds the contracts. Every failure is a one-line {@link UserError}: a missing variable, an
 * unreachable RPC, a missing or stale deployment, a deployment made on another chain.
 */
export async function openContext(
  hre: HardhatRuntimeEnvironment,
  opened: (c: NetworkConnection) => void,
): Promise<TaskContext> {
  const requested = hre.globalOptions.network ?? "default";
  let connection: NetworkConnection;
  try {
    connection = await hre.network.create();
  } catch (error) {
    throw connectionError(error, String(requested)) ?? setupError(error, String(requested));
  }
  opened(connection);
  const networkName = connection.networkName;
  let chainId: bigint;
  try {
    chainId = BigInt(String(await connection.provider.request({ method: "eth_chainId" })));
  } catch (error) {
    throw connectionError(error, networkName) ?? setupError(error, networkName);
  }
  try {
    // Makes Hardhat parse the configured keys now, so that a malformed key is reported as such.
    await connection.provider.request({ method: "eth_accounts" });
  } catch (error) {
    throw connectionError(error, networkName) ?? setupError(error, networkName);
  }
  const inProcess = connection.networkConfig.type === "edr-simulated";
  const local = inProcess || networkName === "localhost";
  const deployment = inProcess
    ? await ephemeralDeployment(hre, connection)
    : await fileDeployment(hre, connection, chainId, local);
  return {
    hre,
    connection,
    networkName,
    chainId,
    local,
    inProcess,
    deployment,
    ...connectHashShare(deployment, connection.ethers.provider),
    errors: errorInterface([HashrateOracle__factory.abi, MiningPoolShare__factory.abi, ShareSale__factory.abi]),
  };
}

/**
 * Any other failure while connecting, as one line. A malformed HASHSHARE_PRIVATE_KEY surfaces here: Hardhat parses
 * the configured keys when the connection is set up.
 */
function setupError(error: unknown, networkName: string): UserError {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  if (/LocalAccountsHandler|fromPrivateKey|private key/i.test(stack)) {
    return new UserError(
      `network ${networkName}: HASHSHARE_PRIVATE_KEY is not a valid private key (expected 0x and 64 hex digits)`,
    );
  }
  return new UserError(`cannot reach the JSON-RPC node of network ${networkName}: ${firstLine(error)}`);
}

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  const short = (error as { shortMessage?: unknown } | null)?.shortMessage;
  if (typeof short === "string") return short;
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * The signer chosen with `--account`: empty for the first account; an index (local networks only — elsewhere the
 * only account is the configured key); or an address the network can sign for.
 */
export async function selectSigner(ctx: TaskContext, spec: string): Promise<HardhatEthersSigner> {
  const name = ctx.networkName;
  let signers: HardhatEthersSigner[];
  try {
    signers = await ctx.connection.ethers.getSigners();
  } catch (error) {
    // The configured key is only parsed when the accounts are first listed.
    if (ctx.local) throw error;
    throw new UserError(
      `network ${name}: HASHSHARE_PRIVATE_KEY is not a valid private key (expected 0x and 64 hex digits): ${firstLine(error)}`,
    );
  }
  if (signers.length === 0) {
    throw new UserError(
      ctx.local
        ? `network ${name} has no accounts`
        : `network ${name} has no account: set HASHSHARE_PRIVATE_KEY (see .env.example)`,
    );
  }
  const input = spec.trim();
  if (input === "") return signers[0]!;
  if (/^\d+$/.test(input)) {
    const index = Number(input);
    if (!ctx.local && index !== 0) {
      throw new UserError(
        `--account ${input}: accounts are chosen by index only on local networks; network ${name} signs with HASHSHARE_PRIVATE_KEY (--account 0)`,
      );
    }
    const signer = signers[index];
    if (signer === undefined) {
      throw new UserError(
        `unknown account --account ${input}: network ${name} has ${signers.length} accounts (0 to ${signers.length - 1})`,
      );
    }
    return signer;
  }
  if (looksLikeAddress(input)) {
    const address = parseAddress(input, "--account");
    const signer = signers.find((s) => s.address === address);
    if (signer === undefined)
      throw new UserError(`unknown account --account ${address}: network ${name} cannot sign for it`);
    return signer;
  }
  throw new UserError(`--account "${input}" is not an account index or an address`);
}

/** The account a read-only task reports on: any address, or a signer chosen as in {@link selectSigner}. */
export async function selectHolder(ctx: TaskContext, spec: string): Promise<string> {
  const input = spec.trim();
  if (looksLikeAddress(input)) return parseAddress(input, "--account");
  return (await selectSigner(ctx, input)).address;
}

/** Binds an ERC-20 and reads its symbol and decimals. */
export async function loadToken(ctx: TaskContext, address: string): Promise<TokenInfo> {
  const contract = MockERC20__factory.connect(address, ctx.connection.ethers.provider);
  const [symbol, decimals] = await Promise.all([contract.symbol(), contract.decimals()]);
  return { address, symbol, decimals: Number(decimals), contract };
}

/** The pool's payout tokens, in `payoutTokens()` order. */
export async function payoutTokens(ctx: TaskContext): Promise<TokenInfo[]> {
  const addresses = await ctx.pool.payoutTokens();
  return Promise.all(addresses.map((address) => loadToken(ctx, address)));
}

/** A payout token by symbol (case-insensitive, e.g. `wbtc`) or address; anything else is refused. */
export function findPayoutToken(tokens: readonly TokenInfo[], spec: string, label = "--token"): TokenInfo {
  const input = spec.trim();
  const known = tokens.map((t) => `${t.symbol.toLowerCase()} (${t.address})`).join(", ");
  const byAddress = looksLikeAddress(input) ? parseAddress(input, label) : undefined;
  const token = tokens.find((t) =>
    byAddress !== undefined
      ? t.address.toLowerCase() === byAddress.toLowerCase()
      : t.symbol.toLowerCase() === input.toLowerCase(),
  );
  if (token === undefined) throw new UserError(`unknown token ${label} ${input}: the pool pays in ${known}`);
  return token;
}

/**
 * Sends one transaction and waits for it. Gas estimation runs the call first, so a revert is caught before
 * anything is sent and reported as `<what> reverted: Name(arg, …)`.
 */
export async function send(
  ctx: TaskContext,
  what: string,
  submit: () => Promise<ContractTransactionResponse>,
): Promise<ContractTransactionReceipt> {
  let tx: ContractTransactionResponse;
  try {
    tx = await submit();
  } catch (error) {
    throw transactionError(ctx, what, error);
  }
  note(`${what}: sent ${tx.hash}`);
  let receipt: ContractTransactionReceipt | null;
  try {
    receipt = await tx.wait();
  } catch (error) {
    throw transactionError(ctx, what, error, tx.hash);
  }
  if (receipt === null) throw new UserError(`${what}: transaction ${tx.hash} was dropped`);
  return receipt;
}

/** A failed call or transaction as one line: the decoded custom error when there is one. */
export function transactionError(ctx: TaskContext, what: string, error: unknown, hash?: string): UserError {
  const decoded = describeRevert(error, ctx.errors);
  const where = hash === undefined ? "" : ` (transaction ${hash})`;
  if (decoded !== undefined) return new UserError(`${what} reverted: ${decoded}${where}`);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "INSUFFICIENT_FUNDS") return new UserError(`${what}: the account has not enough ether to pay for gas`);
  return new UserError(`${what} failed: ${firstLine(error)}${where}`);
}

/** The timestamp of the latest block: "now" as the contracts see it. */
export async function latestTimestamp(ctx: TaskContext): Promise<bigint> {
  const block = await ctx.connection.ethers.provider.getBlock("latest");
  if (block === null) throw new UserError(`network ${ctx.networkName} returned no latest block`);
  return BigInt(block.timestamp);
}
