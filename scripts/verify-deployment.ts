/**
 * Post-deploy check: reads a HashShare deployment back from the chain and compares every parameter — roles granted
 * and not granted, quorum, pool and sale settings, payout and payment tokens — one line per check, ✓ or ✗. Exits
 * non-zero on any mismatch.
 *
 *   npx hardhat run --network localhost scripts/verify-deployment.ts
 *   npx hardhat run --network <name> scripts/verify-deployment.ts
 *
 * Addresses come from ignition/deployments/<deploymentId>/deployed_addresses.json. Environment:
 *   HASHSHARE_PARAMETERS     parameters file (default ignition/parameters/local.json on localhost, else
 *                            ignition/parameters/<network>.json)
 *   HASHSHARE_DEPLOYMENT_ID  Ignition deployment ID (default chain-<chainId>)
 *
 * The in-process network starts empty, so there is nothing to verify there: `scripts/deploy-local.ts` deploys and
 * runs the same check in one go.
 */
import path from "node:path";

import hre, { network } from "hardhat";

import {
  DeploymentError,
  ParametersError,
  defaultDeploymentId,
  deploymentDirFor,
  formatChecks,
  parametersPathFor,
  readDeployedAddresses,
  readHashShareParameters,
  resolveHashShareAddresses,
  verifyHashShareDeployment,
} from "../src/deployment/index.js";

async function main(): Promise<void> {
  const connection = await network.create();
  const { ethers, networkConfig, networkName } = connection;
  if (networkConfig.type === "edr-simulated") {
    throw new DeploymentError(
      `network "${networkName}" is the in-process network, which starts empty: pass --network localhost (or run scripts/deploy-local.ts, which deploys and verifies)`,
    );
  }
  const ignitionDir = hre.config.paths.ignition;
  const parametersPath = path.resolve(process.env.HASHSHARE_PARAMETERS ?? parametersPathFor(networkName, ignitionDir));
  const parameters = await readHashShareParameters(parametersPath);
  const { chainId } = await ethers.provider.getNetwork();
  const deploymentId = process.env.HASHSHARE_DEPLOYMENT_ID ?? defaultDeploymentId(chainId);
  const deploymentDir = deploymentDirFor(ignitionDir, deploymentId);
  const addresses = resolveHashShareAddresses(await readDeployedAddresses(deploymentDir), parameters);

  console.log(
    `Verifying deployment ${deploymentId} on ${networkName} (chain ${chainId}) against ${displayPath(parametersPath)}`,
  );
  const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
  for (const line of formatChecks(report.checks)) console.log(`  ${line}`);

  const failed = report.checks.filter((c) => !c.ok).length;
  if (failed > 0) {
    console.error(`✗ ${failed} of ${report.checks.length} checks failed`);
    process.exitCode = 1;
  } else {
    console.log(`✓ all ${report.checks.length} checks passed`);
  }
}

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

/** `file` relative to the working directory when it lies inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
