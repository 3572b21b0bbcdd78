/**
 * Deploys HashShare to a local chain with Ignition ("HashShareLocal": mock WBTC/USDC, oracle, pool, sale and, when the
 * parameters have a "Governance" section, the timelock that administers them), checks
 * the chain against the parameters, and prints the addresses.
 *
 *   npx hardhat run scripts/deploy-local.ts                      # the in-process network (gone when it exits)
 *   npx hardhat run --network localhost scripts/deploy-local.ts  # a running `npx hardhat node`
 *
 * On localhost Ignition journals to ignition/deployments/<deploymentId> (default `chain-31337`): running it again
 * resumes and deploys nothing new. Environment:
 *   HASHSHARE_PARAMETERS     parameters file (default ignition/parameters/local.json)
 *   HASHSHARE_DEPLOYMENT_ID  Ignition deployment ID (default chain-<chainId>)
 *   HASHSHARE_RESET=1        wipe that deployment's journal first (e.g. after restarting `hardhat node`)
 */
import { rm } from "node:fs/promises";

import hre from "hardhat";

import { displayPath, formatTable } from "../src/cli/output.js";
import {
  DeploymentError,
  deployHashShareLocal,
  parametersPathFor,
  readRecordedDeployment,
  resolveHashShareAddresses,
  verifyHashShareDeployment,
  type DeployedAddresses,
} from "../src/deployment/index.js";
import { deploymentFromBlock, printChecks, printVerdict, runDeploymentScript } from "../src/deployment/script.js";

await runDeploymentScript(
  hre,
  { defaultParameters: (_networkName, ignitionDir) => parametersPathFor("localhost", ignitionDir) },
  async (session) => {
    const { connection, networkName, inProcess, chainId, parametersPath, parameters, deploymentId, deploymentDir } =
      session;
    const provider = connection.ethers.provider;
    if (!inProcess) {
      if (process.env.HASHSHARE_RESET === "1") {
        await rm(deploymentDir, { recursive: true, force: true });
        console.log(`Wiped ${displayPath(deploymentDir)}`);
      } else {
        await assertJournalMatchesChain(deploymentDir, async (address) => (await provider.getCode(address)) !== "0x");
      }
    }

    console.log(`Deploying HashShareLocal to ${networkName} (chain ${chainId}) with ${displayPath(parametersPath)}`);
    const deployed = await deployHashShareLocal(connection, parameters, { deploymentId });
    if (!inProcess)
      assertRecordAgrees((await readRecordedDeployment(deploymentDir)).addresses, deployed, deploymentDir);

    const addresses = resolveHashShareAddresses(deployed, parameters);
    const report = await verifyHashShareDeployment(provider, addresses, parameters, {
      fromBlock: await deploymentFromBlock(session),
    });

    console.log(`\nPost-deploy check (${report.checks.length} checks):`);
    printChecks(report);

    const rows = Object.entries(deployed).sort(([a], [b]) => a.localeCompare(b));
    console.log(`\nDeployment ${inProcess ? "(in-process, not journaled)" : deploymentId} on chain ${chainId}:`);
    console.log(formatTable(["Future ID", "Address"], rows));
    if (!inProcess) console.log(`Addresses recorded in ${displayPath(deploymentDir)}`);
    printVerdict(report);
  },
);

/** Ignition's record of the deployment must agree with what it returned. */
function assertRecordAgrees(recorded: DeployedAddresses, deployed: DeployedAddresses, deploymentDir: string): void {
  for (const [futureId, address] of Object.entries(deployed)) {
    if (recorded[futureId] !== address) {
      throw new DeploymentError(`the Ignition record in ${displayPath(deploymentDir)} disagrees on ${futureId}`);
    }
  }
}

/**
 * A journal whose contracts are not on the chain (a restarted `hardhat node`) would make Ignition fail halfway:
 * say so up front instead. Nothing recorded yet is fine.
 */
async function assertJournalMatchesChain(
  deploymentDir: string,
  hasCode: (address: string) => Promise<boolean>,
): Promise<void> {
  let recorded: DeployedAddresses;
  try {
    recorded = (await readRecordedDeployment(deploymentDir)).addresses;
  } catch (error) {
    if (error instanceof DeploymentError) return;
    throw error;
  }
  for (const [futureId, address] of Object.entries(recorded)) {
    if (!(await hasCode(address))) {
      throw new DeploymentError(
        `${displayPath(deploymentDir)} records ${futureId} at ${address}, which has no code on this chain (was the node restarted?): rerun with HASHSHARE_RESET=1 to deploy afresh`,
      );
    }
  }
}
