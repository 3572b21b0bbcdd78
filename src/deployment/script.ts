/**
 * The opening and closing shared by the deployment scripts (`scripts/deploy.ts`, `scripts/deploy-local.ts`,
 * `scripts/verify-deployment.ts`): connect to the network, read the parameters file, name the Ignition deployment,
 * then print the post-deploy check and set the exit code. A script's expected failures are one line.
 */
import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { DeploymentError, deploymentDirFor } from "./addresses.js";
import { deploymentIdFor } from "./ids.js";
import { firstBlockOf, readRecordedDeployment } from "./journal.js";
import { ParametersError, readHashShareParameters, type HashShareParameters } from "./parameters.js";
import { formatChecks, type VerificationReport } from "./verify.js";

/** The environment variable that names a parameters file other than the network's default. */
export const PARAMETERS_VARIABLE = "HASHSHARE_PARAMETERS";

/** What a deployment script deploys or verifies, on the network it runs on. */
export interface ScriptSession {
  readonly connection: NetworkConnection;
  readonly networkName: string;
  /** The in-process network: nothing is journaled and everything ends with the script. */
  readonly inProcess: boolean;
  readonly chainId: bigint;
  /** The parameters file (absolute: HASHSHARE_PARAMETERS, else the script's default) and its validated contents. */
  readonly parametersPath: string;
  readonly parameters: HashShareParameters;
  /** The Ignition deployment ID on this chain (HASHSHARE_DEPLOYMENT_ID, else `chain-<chainId>`) and its folder. */
  readonly deploymentId: string;
  readonly deploymentDir: string;
}

/** How a script opens. */
export interface ScriptOptions {
  /** Why the script refuses the in-process network (printed as the error); undefined when it runs there too. */
  readonly refuseInProcess?: (networkName: string) => string;
  /** The parameters file when HASHSHARE_PARAMETERS is not set. */
  readonly defaultParameters: (networkName: string, ignitionDir: string) => string;
}

/** Connects to the script's `--network`, reads the parameters file and names the deployment. */
export async function openScriptSession(
  hre: HardhatRuntimeEnvironment,
  options: ScriptOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ScriptSession> {
  const connection = await hre.network.create();
  const { networkName } = connection;
  const inProcess = connection.networkConfig.type === "edr-simulated";
  if (inProcess && options.refuseInProcess !== undefined) {
    throw new DeploymentError(options.refuseInProcess(networkName));
  }
  const ignitionDir = hre.config.paths.ignition;
  const parametersPath = path.resolve(env[PARAMETERS_VARIABLE] ?? options.defaultParameters(networkName, ignitionDir));
  const parameters = await readHashShareParameters(parametersPath);
  const { chainId } = await connection.ethers.provider.getNetwork();
  const deploymentId = deploymentIdFor(chainId, env);
  const deploymentDir = deploymentDirFor(ignitionDir, deploymentId);
  return { connection, networkName, inProcess, chainId, parametersPath, parameters, deploymentId, deploymentDir };
}

/** The first block of the session's deployment, where the check's event scans start (0 on the in-process network). */
export async function deploymentFromBlock(session: ScriptSession): Promise<number> {
  if (session.inProcess) return 0;
  return firstBlockOf(session.connection.ethers.provider, await readRecordedDeployment(session.deploymentDir));
}

/** Prints every check of a post-deploy check, ✓ or ✗, indented. */
export function printChecks(report: VerificationReport): void {
  for (const line of formatChecks(report.checks)) console.log(`  ${line}`);
}

/** Prints the verdict of a post-deploy check: ✓ on stdout, or ✗ on stderr with exit code 1. */
export function printVerdict(report: VerificationReport, what = "post-deploy checks"): void {
  const total = report.checks.length;
  const failed = report.checks.filter((c) => !c.ok).length;
  if (failed > 0) {
    console.error(`\n✗ ${failed} of ${total} ${what} failed`);
    process.exitCode = 1;
  } else {
    console.log(`\n✓ all ${total} ${what} passed`);
  }
}

/**
 * Runs a script: opens its session, then `main`. A {@link ParametersError} or {@link DeploymentError} (a bad
 * parameters file, a missing or stale deployment, a refused network) becomes one line `Error: …` on stderr and exit
 * code 1; anything else is a bug and propagates with its stack.
 */
export async function runDeploymentScript(
  hre: HardhatRuntimeEnvironment,
  options: ScriptOptions,
  main: (session: ScriptSession) => Promise<void>,
): Promise<void> {
  try {
    await main(await openScriptSession(hre, options));
  } catch (error) {
    if (error instanceof ParametersError || error instanceof DeploymentError) {
      console.error(`Error: ${error.message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
