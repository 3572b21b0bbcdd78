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
import hre from "hardhat";

import { displayPath } from "../src/cli/output.js";
import {
  assertRecordedOn,
  firstBlockOf,
  parametersPathFor,
  readRecordedDeployment,
  resolveHashShareAddresses,
  verifyHashShareDeployment,
} from "../src/deployment/index.js";
import { printChecks, printVerdict, runDeploymentScript } from "../src/deployment/script.js";

await runDeploymentScript(
  hre,
  {
    refuseInProcess: (networkName) =>
      `network "${networkName}" is the in-process network, which starts empty: pass --network localhost (or run scripts/deploy-local.ts, which deploys and verifies)`,
    defaultParameters: parametersPathFor,
  },
  async ({ connection, networkName, chainId, parametersPath, parameters, deploymentId, deploymentDir }) => {
    const recorded = await readRecordedDeployment(deploymentDir);
    assertRecordedOn(recorded, deploymentId, { networkName, chainId });
    const addresses = resolveHashShareAddresses(recorded.addresses, parameters);

    console.log(
      `Verifying deployment ${deploymentId} on ${networkName} (chain ${chainId}) against ${displayPath(parametersPath)}`,
    );
    const provider = connection.ethers.provider;
    const report = await verifyHashShareDeployment(provider, addresses, parameters, {
      fromBlock: await firstBlockOf(provider, recorded),
    });
    printChecks(report);
    printVerdict(report, "checks");
  },
);
