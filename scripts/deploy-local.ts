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
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import hre, { network } from "hardhat";

import { displayPath, formatTable } from "../src/cli/output.js";
import {
  DeploymentError,
  deployHashShareLocal,
  firstBlockOf,
  formatChecks,
  readDeployedAddresses,
  readRecordedDeployment,
  resolveHashShareAddresses,
  verifyHashShareDeployment,
} from "../src/deployment/index.js";
import { runDeploymentScript, scriptTarget } from "../src/deployment/script.js";

async function main(): Promise<void> {
  const connection = await network.create();
  const { ethers, networkConfig, networkName } = connection;
  const ignitionDir = hre.config.paths.ignition;
  const { parametersPath, parameters, chainId, deploymentId, deploymentDir } = await scriptTarget(
    ethers.provider,
    ignitionDir,
    path.join(ignitionDir, "parameters", "local.json"),
  );
  const inProcess = networkConfig.type === "edr-simulated";

  if (!inProcess) {
    if (process.env.HASHSHARE_RESET === "1") {
      await rm(deploymentDir, { recursive: true, force: true });
      console.log(`Wiped ${displayPath(deploymentDir)}`);
    } else {
      await assertJournalMatchesChain(
        deploymentDir,
        async (address) => (await ethers.provider.getCode(address)) !== "0x",
      );
    }
  }

  console.log(`Deploying HashShareLocal to ${networkName} (chain ${chainId}) with ${displayPath(parametersPath)}`);
  const deployed = await deployHashShareLocal(connection, parameters, { deploymentId });

  if (!inProcess) {
    // The journal's record must agree with what Ignition returned.
    const recorded = await readDeployedAddresses(deploymentDir);
    for (const [futureId, address] of Object.entries(deployed)) {
      if (recorded[futureId] !== address) {
        throw new DeploymentError(`${deploymentDir}/deployed_addresses.json disagrees on ${futureId}`);
      }
    }
  }

  const addresses = resolveHashShareAddresses(deployed, parameters);
  const fromBlock = inProcess ? 0 : await firstBlockOf(ethers.provider, await readRecordedDeployment(deploymentDir));
  const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters, { fromBlock });

  console.log(`\nPost-deploy check (${report.checks.length} checks):`);
  for (const line of formatChecks(report.checks)) console.log(`  ${line}`);

  const rows = Object.entries(deployed).sort(([a], [b]) => a.localeCompare(b));
  console.log(`\nDeployment ${inProcess ? "(in-process, not journaled)" : deploymentId} on chain ${chainId}:`);
  console.log(formatTable(["Future ID", "Address"], rows));
  if (!inProcess) console.log(`Addresses recorded in ${displayPath(deploymentDir)}/deployed_addresses.json`);

  if (!report.ok) {
    const failed = report.checks.filter((c) => !c.ok).length;
    console.error(`\n✗ ${failed} of ${report.checks.length} post-deploy checks failed`);
    process.exitCode = 1;
  } else {
    console.log(`\n✓ all ${report.checks.length} post-deploy checks passed`);
  }
}

/**
 * A journal whose contracts are not on the chain (a restarted `hardhat node`) would make Ignition fail halfway:
 * say so up front instead.
 */
async function assertJournalMatchesChain(
  deploymentDir: string,
  hasCode: (address: string) => Promise<boolean>,
): Promise<void> {
  if (!existsSync(path.join(deploymentDir, "deployed_addresses.json"))) return;
  const recorded = await readDeployedAddresses(deploymentDir);
  for (const [futureId, address] of Object.entries(recorded)) {
    if (!(await hasCode(address))) {
      throw new DeploymentError(
        `${displayPath(deploymentDir)} records ${futureId} at ${address}, which has no code on this chain (was the node restarted?): rerun with HASHSHARE_RESET=1 to deploy afresh`,
      );
    }
  }
}

await runDeploymentScript(main);
