/**
 * Post-deploy check: reads a HashShare deployment back from the chain and compares every parameter — every holder of
 * every role, the timelock as the only admin and its delay, quorum, maxChangeBps, pool and sale settings, payout and
 * payment tokens — one line per check, ✓ or ✗. Exits non-zero on any mismatch.
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
import hre, { network } from "hardhat";

import { displayPath } from "../src/cli/output.js";
import {
  DeploymentError,
  firstBlockOf,
  formatChecks,
  parametersPathFor,
  readRecordedDeployment,
  resolveHashShareAddresses,
  verifyHashShareDeployment,
} from "../src/deployment/index.js";
import { runDeploymentScript, scriptTarget } from "../src/deployment/script.js";

async function main(): Promise<void> {
  const connection = await network.create();
  const { ethers, networkConfig, networkName } = connection;
  if (networkConfig.type === "edr-simulated") {
    throw new DeploymentError(
      `network "${networkName}" is the in-process network, which starts empty: pass --network localhost (or run scripts/deploy-local.ts, which deploys and verifies)`,
    );
  }
  const ignitionDir = hre.config.paths.ignition;
  const { parametersPath, parameters, chainId, deploymentId, deploymentDir } = await scriptTarget(
    ethers.provider,
    ignitionDir,
    parametersPathFor(networkName, ignitionDir),
  );
  const recorded = await readRecordedDeployment(deploymentDir);
  if (recorded.chainId !== chainId) {
    throw new DeploymentError(`deployment ${deploymentId} was made on chain ${recorded.chainId}, not chain ${chainId}`);
  }
  const addresses = resolveHashShareAddresses(recorded.addresses, parameters);

  console.log(
    `Verifying deployment ${deploymentId} on ${networkName} (chain ${chainId}) against ${displayPath(parametersPath)}`,
  );
  const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters, {
    fromBlock: await firstBlockOf(ethers.provider, recorded),
  });
  for (const line of formatChecks(report.checks)) console.log(`  ${line}`);

  const failed = report.checks.filter((c) => !c.ok).length;
  if (failed > 0) {
    console.error(`✗ ${failed} of ${report.checks.length} checks failed`);
    process.exitCode = 1;
  } else {
    console.log(`✓ all ${report.checks.length} checks passed`);
  }
}

await runDeploymentScript(main);
