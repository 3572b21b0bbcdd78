/**
 * Deploys HashShare to a network with Ignition ("HashShare": oracle, pool and sale on the network's WBTC/USDC, behind
 * the timelock its parameters configure), runs the post-deploy check, and prints the addresses.
 *
 *   HASHSHARE_PARAMETERS=ignition/parameters/remote.json npx hardhat run --network remote scripts/deploy.ts
 *
 * Ignition journals to ignition/deployments/<deploymentId> (default `chain-<chainId>`): running it again resumes
 * where it stopped and deploys nothing twice. The module is built for the parameters' shape (reporter count,
 * timelock), which the Ignition CLI cannot do. Environment:
 *   HASHSHARE_PARAMETERS     parameters file (default ignition/parameters/<network>.json)
 *   HASHSHARE_DEPLOYMENT_ID  Ignition deployment ID (default chain-<chainId>)
 * For local chains (mock tokens), use scripts/deploy-local.ts.
 */
import hre, { network } from "hardhat";

import { displayPath } from "../src/cli/output.js";
import {
  DeploymentError,
  deployHashShare,
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
      `network "${networkName}" is the in-process network: pass --network <name>, or use scripts/deploy-local.ts (mock tokens)`,
    );
  }
  const ignitionDir = hre.config.paths.ignition;
  const { parametersPath, parameters, chainId, deploymentId, deploymentDir } = await scriptTarget(
    ethers.provider,
    ignitionDir,
    parametersPathFor(networkName, ignitionDir),
  );
  console.log(`Deploying HashShare to ${networkName} (chain ${chainId}) with ${displayPath(parametersPath)}`);
  const deployed = await deployHashShare(connection, parameters, { deploymentId, displayUi: true });
  const addresses = resolveHashShareAddresses(deployed, parameters);
  const fromBlock = await firstBlockOf(ethers.provider, await readRecordedDeployment(deploymentDir));
  const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters, { fromBlock });

  console.log(`\nPost-deploy check (${report.checks.length} checks):`);
  for (const line of formatChecks(report.checks)) console.log(`  ${line}`);
  for (const [futureId, address] of Object.entries(deployed).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${futureId.padEnd(28)} ${address}`);
  }
  if (!report.ok) {
    console.error(
      `\n✗ ${report.checks.filter((c) => !c.ok).length} of ${report.checks.length} post-deploy checks failed`,
    );
    process.exitCode = 1;
  } else {
    console.log(`\n✓ all ${report.checks.length} post-deploy checks passed`);
  }
}

await runDeploymentScript(main);
