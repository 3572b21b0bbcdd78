/**
 * Setting up a fresh run: the chain must be a Hardhat development chain that automines; the contracts are deployed
 * with Ignition (HashShareLocal: mocks, oracle, pool, sale), checked to be drivable (roles) and pristine (no shares,
 * revenue or report), and the journal that makes the run resumable is started.
 *
 * The sale is deployed at the scenario's price, not the parameters file's: the scenario's share is the chain's share
 * (1 TH/s of the fleet mining on day 0, src/model/sale.ts), so the Ignition parameters' `Sale.pricePerShare` is
 * replaced by `salePriceUsd` in USDC base units, and a `Pool.sharesPerTHs` other than one share per TH/s is refused.
 * A resumed run reads the price back from the chain (its journal's terms), never from the scenario.
 */
import { id } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { UserError } from "../cli/errors.js";
import { ONE_SHARE, unitsPerToken } from "../tokens.js";
import {
  deployHashShareLocal,
  readHashShareParameters,
  resolveHashShareAddresses,
  type HashShareParameters,
} from "../deployment/index.js";
import { SimulationError, type SimContracts } from "./chain.js";
import type { ChainClient, DevChainInfo } from "./chain-client.js";
import type { SimInterfaces } from "./chain-ops.js";
import type { Journal, RunArguments } from "./journal.js";
import type { PoolTerms, Roles } from "./plan.js";

/** The chain facts a run needs: a Hardhat development chain that mines one block per transaction. */
export async function requireDevChain(client: ChainClient, networkName: string): Promise<DevChainInfo> {
  const info = await client.devChainInfo();
  if (info === undefined) {
    throw new UserError(
      `network ${networkName} is not a Hardhat development chain: the simulator impersonates its investors and ` +
        `mints the mock tokens, so run it in-process (no --network) or against \`npx hardhat node\` (--network localhost)`,
    );
  }
  if (!(await client.automine())) {
    throw new UserError(`network ${networkName} does not automine: the simulator needs one block per transaction`);
  }
  return info;
}

/** What a fresh run needs to know to deploy. */
export interface SetupOptions {
  /** Ignition parameters (ignition/parameters/local.json). */
  parametersPath: string;
  /** Ignition deployment ID (http networks; the in-process network keeps no deployment files). */
  deploymentId?: string;
  /** The scenario's sale price, USD per share (1 TH/s): the price the sale is deployed at. */
  salePriceUsd: number;
}

/** A sale price in USD as the sale's `pricePerShare`: USDC base units per share (1e18 units), rounded to the unit. */
export function pricePerShareUnits(priceUsd: number): bigint {
  const units = Math.round(priceUsd * Number(unitsPerToken("usdc")));
  if (!Number.isSafeInteger(units) || units < 1) {
    throw new UserError(
      `the scenario's sale price ${priceUsd} USD is not a price the sale can take (USDC base units from 1 to ${Number.MAX_SAFE_INTEGER})`,
    );
  }
  return BigInt(units);
}

/**
 * The Ignition parameters of a run: the file's, with the sale at the scenario's price. Refuses a pool that does not
 * mint one share per TH/s (the scenario's unit).
 */
export function runParameters(file: HashShareParameters, salePriceUsd: number): HashShareParameters {
  if (file.pool.sharesPerTHs !== ONE_SHARE) {
    throw new UserError(
      `the simulator counts one share per TH/s, as the scenario does: Pool.sharesPerTHs must be ${ONE_SHARE.toString()}n, ` +
        `got ${file.pool.sharesPerTHs.toString()}n`,
    );
  }
  return { ...file, sale: { ...file.sale, pricePerShare: pricePerShareUnits(salePriceUsd) } };
}

async function readParameters(file: string): Promise<HashShareParameters> {
  try {
    return await readHashShareParameters(file);
  } catch (error) {
    throw new UserError(error instanceof Error ? error.message : String(error));
  }
}

async function deployContracts(
  connection: NetworkConnection,
  parameters: HashShareParameters,
  deploymentId: string | undefined,
): Promise<SimContracts> {
  try {
    const deployed = await deployHashShareLocal(connection, parameters, {
      ...(deploymentId === undefined ? {} : { deploymentId }),
    });
    const addresses = resolveHashShareAddresses(deployed, parameters);
    if (!addresses.mockTokens) {
      throw new UserError("the simulator needs the mock WBTC and USDC of HashShareLocal (it mints the revenue)");
    }
    const { oracle, pool, sale, wbtc, usdc } = addresses;
    return { oracle, pool, sale, wbtc, usdc };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `cannot deploy HashShareLocal on ${connection.networkName}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** The contracts, terms and roles of a fresh run: deploys HashShareLocal when the network has no deployment. */
export async function setUpContracts(
  connection: NetworkConnection,
  client: ChainClient,
  ifaces: SimInterfaces,
  options: SetupOptions,
): Promise<{ contracts: SimContracts; terms: PoolTerms; roles: Roles }> {
  const parameters = runParameters(await readParameters(options.parametersPath), options.salePriceUsd);
  const contracts = await deployContracts(connection, parameters, options.deploymentId);
  for (const [name, address] of Object.entries(contracts)) {
    if ((await client.code(address)) === "0x") {
      const deployment = options.deploymentId ?? `chain-${(await client.chainId()).toString()}`;
      throw new UserError(
        `the Ignition deployment ${deployment} records the ${name} at ${address} but this chain has no contract there ` +
          `(a restarted node?): remove ignition/deployments/${deployment} and run again`,
      );
    }
  }
  const { pool, sale, oracle } = ifaces;
  const terms: PoolTerms = {
    sharesPerTHs: await client.callUint(contracts.pool, pool.encodeFunctionData("sharesPerTHs")),
    pricePerShare: await client.callUint(contracts.sale, sale.encodeFunctionData("pricePerShare")),
    maxSharesPerBuyer: await client.callUint(contracts.sale, sale.encodeFunctionData("maxSharesPerBuyer")),
  };
  const quorum = Number(await client.callUint(contracts.oracle, oracle.encodeFunctionData("quorum")));
  const roles: Roles = {
    reporters: parameters.oracle.reporters.slice(0, quorum),
    minter: parameters.pool.minter,
    distributor: parameters.pool.distributor,
    treasury: parameters.sale.treasury,
  };
  if (roles.reporters.length < quorum) {
    throw new UserError(
      `the oracle's quorum is ${quorum} but the parameters list ${roles.reporters.length} reporter(s)`,
    );
  }
  await requireRoles(client, ifaces, contracts, roles);
  await requirePristine(connection.networkName, client, ifaces, contracts);
  return { contracts, terms, roles };
}

/** Refuses a deployment whose roles the parameters' accounts do not hold. */
async function requireRoles(
  client: ChainClient,
  ifaces: SimInterfaces,
  contracts: SimContracts,
  roles: Roles,
): Promise<void> {
  const hasRole = async (to: string, role: string, account: string): Promise<boolean> =>
    (await client.callUint(to, ifaces.pool.encodeFunctionData("hasRole", [id(role), account]))) === 1n;
  const checks: Array<[() => Promise<boolean>, string]> = [
    [() => hasRole(contracts.pool, "MINTER_ROLE", roles.minter), `${roles.minter} lacks MINTER_ROLE on the pool`],
    [
      () => hasRole(contracts.pool, "DISTRIBUTOR_ROLE", roles.distributor),
      `${roles.distributor} lacks DISTRIBUTOR_ROLE on the pool`,
    ],
    ...roles.reporters.map(
      (reporter) =>
        [() => hasRole(contracts.oracle, "REPORTER_ROLE", reporter), `${reporter} lacks REPORTER_ROLE`] as [
          () => Promise<boolean>,
          string,
        ],
    ),
  ];
  for (const [check, problem] of checks) {
    if (!(await check())) throw new UserError(`the deployment cannot be driven: ${problem}`);
  }
}

/** A fresh run needs a pristine pool: no shares, no revenue, no report. */
async function requirePristine(
  networkName: string,
  client: ChainClient,
  ifaces: SimInterfaces,
  contracts: SimContracts,
): Promise<void> {
  const supply = await client.callUint(contracts.pool, ifaces.pool.encodeFunctionData("totalSupply"));
  const deposited = await client.callUint(
    contracts.pool,
    ifaces.pool.encodeFunctionData("totalDeposited", [contracts.wbtc]),
  );
  const latest = ifaces.oracle.decodeFunctionResult(
    "latestHashrate",
    await client.call(contracts.oracle, ifaces.oracle.encodeFunctionData("latestHashrate", [contracts.pool])),
  );
  if (supply !== 0n || deposited !== 0n || latest[2] !== 0n) {
    throw new UserError(
      `the pool ${contracts.pool} on ${networkName} already has shares, revenue or hashrate reports (an earlier run?): ` +
        `resume that run with its own --out, or start from a fresh chain (restart the node)`,
    );
  }
}

/** Whether `connection` is the in-process network (which ends with the command), not a node over http. */
export function isInProcess(connection: NetworkConnection): boolean {
  return connection.networkConfig.type === "edr-simulated";
}

/**
 * The Ignition deployment ID of a fresh run on a node: its own, new for every fresh run, so that it never meets the
 * deployments of other runs or of the README walkthrough (`chain-<chainId>`) — Ignition would try to reconcile
 * with them — and always starts from a pristine pool. Named after the policy, the node instance and the block the
 * run starts at.
 */
export async function freshDeploymentId(client: ChainClient, info: DevChainInfo, policy: string): Promise<string> {
  const latest = await client.block("latest");
  const instance = info.instanceId.replace(/^0x/, "").slice(0, 8);
  return `simulate-${policy}-${instance}-${latest?.number ?? 0}`;
}

/** The journal of a fresh run, before its first day. */
export async function newJournal(input: {
  networkName: string;
  inProcess: boolean;
  deploymentId: string | undefined;
  client: ChainClient;
  info: DevChainInfo;
  args: RunArguments;
  contracts: SimContracts;
  terms: PoolTerms;
  roles: Roles;
}): Promise<Journal> {
  const { client, contracts, terms, roles } = input;
  const deployBlock = await client.deploymentBlock(contracts.pool);
  const block = deployBlock === undefined ? undefined : await client.block(deployBlock);
  const latest = await client.block("latest");
  if (block === undefined || latest === undefined) throw new SimulationError(`the pool ${contracts.pool} has no code`);
  return {
    version: 1,
    arguments: input.args,
    chain: {
      network: input.networkName,
      chainId: input.info.chainId.toString(),
      instanceId: input.info.instanceId,
      pool: contracts.pool,
      deployBlock: block.number,
      deployBlockHash: block.hash,
      inProcess: input.inProcess,
      ...(input.deploymentId === undefined ? {} : { deploymentId: input.deploymentId }),
    },
    contracts,
    terms: {
      sharesPerTHs: terms.sharesPerTHs.toString(),
      pricePerShare: terms.pricePerShare.toString(),
      maxSharesPerBuyer: terms.maxSharesPerBuyer.toString(),
    },
    roles: { ...roles, reporters: [...roles.reporters] },
    startTimestamp: latest.timestamp + 1,
    completedDays: 0,
    checkpoint: null,
    finished: false,
  };
}
