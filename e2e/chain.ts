/**
 * One end-to-end chain: a node (started here, or the one HASHSHARE_E2E_RPC_URL points at), HashShare deployed to it
 * with the Ignition CLI over JSON-RPC, read-only bindings of its contracts, and a runner for HashShare tasks on it.
 */
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider } from "ethers";

import { connectHashShare, readDeployedAddresses, resolveHashShareAddresses } from "../src/deployment/index.js";
import {
  MockERC20__factory,
  type HashrateOracle,
  type MiningPoolShare,
  type MockERC20,
  type ShareSale,
} from "../typechain-types/index.js";
import {
  E2E_CONFIG,
  ROOT,
  freePort,
  hardhat,
  removeDeployment,
  rpc,
  startNode,
  type CommandResult,
  type NodeKind,
  type RunningNode,
} from "./harness.js";

export interface Chain {
  readonly url: string;
  readonly deploymentId: string;
  readonly provider: JsonRpcProvider;
  /** The node's accounts (the default test mnemonic on both nodes). */
  readonly accounts: string[];
  readonly oracle: HashrateOracle;
  readonly pool: MiningPoolShare;
  readonly sale: ShareSale;
  readonly wbtc: MockERC20;
  readonly usdc: MockERC20;
  /** The timelock that administers the contracts. */
  readonly timelock: string | undefined;
  /** The node this suite started (undefined for an external one). */
  readonly node: RunningNode | undefined;
}

/** The node the suites run against: `external` when HASHSHARE_E2E_RPC_URL is set, else each of `kinds`. */
export function suiteNodes(kinds: readonly NodeKind[]): Array<NodeKind | "external"> {
  const external = process.env.HASHSHARE_E2E_RPC_URL;
  return external !== undefined && external !== "" ? ["external"] : [...kinds];
}

/** Starts a node of `kind` and deploys HashShareLocal to it with `parametersFile`. */
export async function openChain(kind: NodeKind | "external", parametersFile: string): Promise<Chain> {
  const node = kind === "external" ? undefined : await startNode(await freePort(), kind);
  const url = node?.url ?? process.env.HASHSHARE_E2E_RPC_URL!;
  const deploymentId = `e2e-${kind}-${new URL(url).port}-${process.pid}`;
  await removeDeployment(deploymentId);
  const deployed = await hardhat(
    [
      "--config",
      E2E_CONFIG,
      "--network",
      "localhost",
      "ignition",
      "deploy",
      "ignition/modules/HashShareLocal.ts",
      "--parameters",
      parametersFile,
      "--deployment-id",
      deploymentId,
    ],
    { HASHSHARE_E2E_RPC_URL: url },
    600_000, // a first run compiles the contracts, slowly on a busy machine
  );
  expect(deployed.code, `ignition deploy failed:\n${deployed.stdout}\n${deployed.stderr}`).to.equal(0);
  const addresses = resolveHashShareAddresses(
    await readDeployedAddresses(path.join(ROOT, "ignition", "deployments", deploymentId)),
  );
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 });
  const accounts = await Promise.all(
    (await rpc<string[]>(url, "eth_accounts")).map(async (a) => (await provider.getSigner(a)).address),
  );
  return {
    url,
    deploymentId,
    provider,
    accounts,
    ...connectHashShare(addresses, provider),
    wbtc: MockERC20__factory.connect(addresses.wbtc, provider),
    usdc: MockERC20__factory.connect(addresses.usdc, provider),
    timelock: addresses.timelock,
    node,
  };
}

/** Stops the chain's node and removes its deployment folder. */
export async function closeChain(chain: Chain | undefined): Promise<void> {
  if (chain === undefined) return;
  chain.provider.destroy();
  await removeDeployment(chain.deploymentId);
  await chain.node?.stop();
}

/** Runs a HashShare task on `localhost` (the chain's node) and its deployment. */
export function runTask(
  chain: Chain,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CommandResult> {
  return hardhat(["--config", E2E_CONFIG, "--network", "localhost", ...args], {
    HASHSHARE_E2E_RPC_URL: chain.url,
    HASHSHARE_DEPLOYMENT_ID: chain.deploymentId,
    ...env,
  });
}

/** Moves the node's clock forward by `seconds` and mines a block there (both nodes implement these methods). */
export async function warp(chain: Chain, seconds: number): Promise<void> {
  await rpc(chain.url, "evm_increaseTime", [seconds]);
  await rpc(chain.url, "evm_mine");
}

/** The JSON a task printed on stdout. */
export function json<T = Record<string, unknown>>(result: CommandResult): T {
  expect(result.code, `exit code; stderr: ${result.stderr}`).to.equal(0);
  return JSON.parse(result.stdout) as T;
}

/** Stderr without the progress notes tasks print while sending ("<what>: sent 0x…"). */
export function errorLines(result: CommandResult): string[] {
  return result.stderr
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line !== "" && !/^npm warn/i.test(line));
}
