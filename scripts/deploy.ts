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
import hre from "hardhat";

import { displayPath } from "../src/cli/output.js";
import {
  deployHashShare,
  parametersPathFor,
  resolveHashShareAddresses,
  verifyHashShareDeployment,
} from "../src/deployment/index.js";
import { deploymentFromBlock, printChecks, printVerdict, runDeploymentScript } from "../src/deployment/script.js";

await runDeploymentScript(
  hre,
  {
    refuseInProcess: (networkName) =>
      `network "${networkName}" is the in-process network: pass --network <name>, or use scripts/deploy-local.ts (mock tokens)`,
    defaultParameters: parametersPathFor,
  },
  async (session) => {
    const { connection, networkName, chainId, parametersPath, parameters, deploymentId } = session;
    console.log(`Deploying HashShare to ${networkName} (chain ${chainId}) with ${displayPath(parametersPath)}`);
    const deployed = await deployHashShare(connection, parameters, { deploymentId, displayUi: true });
    const addresses = resolveHashShareAddresses(deployed, parameters);
    const report = await verifyHashShareDeployment(connection.ethers.provider, addresses, parameters, {
      fromBlock: await deploymentFromBlock(session),
    });

    console.log(`\nPost-deploy check (${report.checks.length} checks):`);
    printChecks(report);
    for (const [futureId, address] of Object.entries(deployed).sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`${futureId.padEnd(28)} ${address}`);
    }
    printVerdict(report);
  },
);
