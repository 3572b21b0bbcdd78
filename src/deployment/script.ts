/**
 * The edge shared by the deployment scripts (`scripts/deploy-local.ts`, `scripts/verify-deployment.ts`): where the
 * parameters file and the deployment come from, and how a script's expected failures are reported.
 */
import path from "node:path";

import { DeploymentError, deploymentDirFor } from "./addresses.js";
import { deploymentIdFor } from "./ids.js";
import { ParametersError, readHashShareParameters, type HashShareParameters } from "./parameters.js";

/** The environment variable that names a parameters file other than the network's default. */
export const PARAMETERS_VARIABLE = "HASHSHARE_PARAMETERS";

/** The parameters file a script reads, absolute: HASHSHARE_PARAMETERS when set, else `fallback`. */
function scriptParametersPath(fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env[PARAMETERS_VARIABLE] ?? fallback);
}

/** What a deployment script deploys or verifies. */
export interface ScriptTarget {
  /** The parameters file (absolute) and its validated contents. */
  readonly parametersPath: string;
  readonly parameters: HashShareParameters;
  readonly chainId: bigint;
  /** The Ignition deployment ID on this chain (HASHSHARE_DEPLOYMENT_ID, else `chain-<chainId>`) and its folder. */
  readonly deploymentId: string;
  readonly deploymentDir: string;
}

/**
 * Reads the parameters file (HASHSHARE_PARAMETERS, else `defaultParametersPath`), then asks the chain its ID to name
 * the Ignition deployment under `ignitionDir`.
 */
export async function scriptTarget(
  provider: { getNetwork(): Promise<{ chainId: bigint }> },
  ignitionDir: string,
  defaultParametersPath: string,
): Promise<ScriptTarget> {
  const parametersPath = scriptParametersPath(defaultParametersPath);
  const parameters = await readHashShareParameters(parametersPath);
  const { chainId } = await provider.getNetwork();
  const deploymentId = deploymentIdFor(chainId);
  return {
    parametersPath,
    parameters,
    chainId,
    deploymentId,
    deploymentDir: deploymentDirFor(ignitionDir, deploymentId),
  };
}

/**
 * Runs a script's `main`. A {@link ParametersError} or {@link DeploymentError} (a bad parameters file, a missing or
 * stale deployment) becomes one line `Error: …` on stderr and exit code 1; anything else is a bug and propagates with
 * its stack.
 */
export async function runDeploymentScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ParametersError || error instanceof DeploymentError) {
      console.error(`Error: ${error.message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
