import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { HardhatArtifactResolver } from "@nomicfoundation/hardhat-ignition/helpers";
import {
  DeploymentResultType,
  deploy,
  type DeploymentResult,
  type IgnitionModule,
  type IgnitionModuleResult,
  type SuccessfulDeploymentResult,
} from "@nomicfoundation/ignition-core";
import { expect } from "chai";
import hre, { network } from "hardhat";

import HashShareModule from "../../ignition/modules/HashShare.js";
import HashShareLocalModule, { createHashShareLocalModule } from "../../ignition/modules/HashShareLocal.js";
import MocksModule from "../../ignition/modules/Mocks.js";
import OracleModule, { REPORTER_ROLE, createOracleModule } from "../../ignition/modules/Oracle.js";
import PoolModule from "../../ignition/modules/Pool.js";
import SaleModule from "../../ignition/modules/Sale.js";
import { createGovernanceModule } from "../../ignition/modules/Governance.js";
import TimelockModule, { CANCELLER_ROLE, EXECUTOR_ROLE, PROPOSER_ROLE } from "../../ignition/modules/Timelock.js";
import {
  CALL_FUTURE_IDS,
  DeploymentError,
  TIMELOCK_CALL_FUTURE_IDS,
  assertDeployerIsAdmin,
  connectTimelock,
  FUTURE_IDS,
  MODULE_IDS,
  deployHashShare,
  deployHashShareLocal,
  localModuleFor,
  readDeployedAddresses,
  readHashShareParameters,
  resolveHashShareAddresses,
  toDeploymentParameters,
  verifyHashShareDeployment,
  type DeployedAddresses,
  type HashShareParameters,
} from "../../src/deployment/index.js";

const LOCAL_JSON = path.resolve("ignition", "parameters", "local.json");
const ONE_SHARE = 10n ** 18n;
const ONE_USDC = 10n ** 6n;

const connection = await network.create();
const { ethers } = connection;
const [admin, reporter1, reporter2, reporter3, buyer, outsider] = await ethers.getSigners();

/** Every future ID of a module and of the modules it uses. */
function allFutureIds(module: IgnitionModule): string[] {
  const ids = new Set<string>();
  const visit = (m: IgnitionModule): void => {
    for (const future of m.futures) ids.add(future.id);
    for (const sub of m.submodules) visit(sub);
  };
  visit(module);
  return [...ids].sort();
}

/** local.json, with three reporters and a quorum of two. */
async function threeReporterParameters(): Promise<HashShareParameters> {
  const parameters = await readHashShareParameters(LOCAL_JSON);
  return {
    ...parameters,
    oracle: {
      ...parameters.oracle,
      quorum: 2,
      reporters: [reporter1!.address, reporter2!.address, reporter3!.address],
    },
  };
}

/** local.json without a timelock: account 0 is the admin of the three contracts. */
async function directParameters(): Promise<HashShareParameters> {
  const { governance: _governance, ...parameters } = await readHashShareParameters(LOCAL_JSON);
  return {
    oracle: { ...parameters.oracle, admin: admin!.address },
    pool: { ...parameters.pool, admin: admin!.address },
    sale: { ...parameters.sale, admin: admin!.address },
  };
}

async function blockNumber(): Promise<number> {
  return ethers.provider.getBlockNumber();
}

/**
 * Deploys with Ignition's journal in `deploymentDir`, as `ignition.deploy` does on an http network (on the
 * in-process network the helper keeps no journal, so resuming is tested through ignition-core directly).
 */
async function deployJournaled<ContractNameT extends string>(
  deploymentDir: string,
  module: IgnitionModule<string, ContractNameT, IgnitionModuleResult<ContractNameT>>,
  parameters: HashShareParameters,
): Promise<DeploymentResult> {
  const accounts = (await connection.provider.request({ method: "eth_accounts" })) as string[];
  return deploy({
    artifactResolver: new HardhatArtifactResolver(hre.artifacts),
    provider: connection.provider,
    deploymentDir,
    ignitionModule: module,
    deploymentParameters: toDeploymentParameters(parameters),
    accounts,
  });
}

function successful(result: DeploymentResult): SuccessfulDeploymentResult {
  if (result.type !== DeploymentResultType.SUCCESSFUL_DEPLOYMENT) {
    expect.fail(`deployment failed: ${JSON.stringify(result)}`);
  }
  return result;
}

function addressesOf(result: SuccessfulDeploymentResult): DeployedAddresses {
  return Object.fromEntries(Object.entries(result.contracts).map(([id, contract]) => [id, contract.address]));
}

describe("Ignition modules", function () {
  describe("future IDs", function () {
    it("without a timelock, HashShareLocal has exactly the documented futures", function () {
      expect(allFutureIds(createHashShareLocalModule({ reporterCount: 1, governance: "direct" }))).to.deep.equal(
        [
          FUTURE_IDS.mockWBTC,
          FUTURE_IDS.mockUSDC,
          FUTURE_IDS.oracle,
          CALL_FUTURE_IDS.grantReporterRole(1),
          FUTURE_IDS.pool,
          CALL_FUTURE_IDS.grantMinterRole,
          CALL_FUTURE_IDS.grantDistributorRole,
          CALL_FUTURE_IDS.grantPauserRole,
          CALL_FUTURE_IDS.setMaxChangeBps,
          FUTURE_IDS.sale,
          CALL_FUTURE_IDS.grantSaleMinterRole,
        ].sort(),
      );
    });

    it("behind a timelock, every setup call is encoded into a scheduled and executed batch", function () {
      const ids = allFutureIds(HashShareLocalModule);
      const sent = ids.filter((id) => !id.endsWith("Data"));
      expect(sent).to.deep.equal(
        [...Object.values(FUTURE_IDS), ...Object.values(TIMELOCK_CALL_FUTURE_IDS).flat()].sort(),
      );
      for (const id of Object.values(CALL_FUTURE_IDS).map((c) => (typeof c === "string" ? c : c(1)))) {
        expect(ids).to.include(`${id}Data`);
      }
    });

    it("HashShare has the same futures as HashShareLocal, without the mocks", function () {
      expect(allFutureIds(HashShareModule)).to.deep.equal(
        allFutureIds(HashShareLocalModule).filter((id) => !id.startsWith(`${MODULE_IDS.mocks}#`)),
      );
    });

    it("a module built for three reporters grants each one in its own call", function () {
      const ids = allFutureIds(createHashShareLocalModule({ reporterCount: 3, governance: "direct" }));
      expect(ids.filter((id) => id.startsWith("Oracle#grantReporterRole"))).to.deep.equal([
        CALL_FUTURE_IDS.grantReporterRole(1),
        CALL_FUTURE_IDS.grantReporterRole(2),
        CALL_FUTURE_IDS.grantReporterRole(3),
      ]);
    });

    it("uses the module IDs that parameters files are keyed by", function () {
      expect([
        MocksModule.id,
        OracleModule.id,
        PoolModule.id,
        SaleModule.id,
        TimelockModule.id,
        createGovernanceModule([]).id,
        HashShareModule.id,
      ]).to.deep.equal([
        MODULE_IDS.mocks,
        MODULE_IDS.oracle,
        MODULE_IDS.pool,
        MODULE_IDS.sale,
        MODULE_IDS.timelock,
        MODULE_IDS.governance,
        MODULE_IDS.hashShare,
      ]);
      expect(HashShareLocalModule.id).to.equal(MODULE_IDS.hashShareLocal);
    });

    it("refuses to build an oracle module for no reporters", function () {
      expect(() => createOracleModule({ reporterCount: 0, governance: "direct" })).to.throw(
        RangeError,
        "reporterCount must be an integer from 1 to 255",
      );
    });
  });

  describe("HashShareLocal", function () {
    it("deploys straight from ignition/parameters/local.json, as `hardhat ignition deploy` would", async function () {
      const { mockWBTC, mockUSDC, oracle, pool, sale } = await connection.ignition.deploy(HashShareLocalModule, {
        parameters: LOCAL_JSON,
      });
      const poolAddress = await pool.getAddress();
      const saleAddress = await sale.getAddress();
      const shares = await ethers.getContractAt("MiningPoolShare", poolAddress);
      const shareSale = await ethers.getContractAt("ShareSale", saleAddress);
      const hashrateOracle = await ethers.getContractAt("HashrateOracle", await oracle.getAddress());
      expect(await shares.oracle()).to.equal(await oracle.getAddress());
      expect(await shares.payoutTokens()).to.deep.equal([await mockWBTC.getAddress(), await mockUSDC.getAddress()]);
      expect(await shareSale.pool()).to.equal(poolAddress);
      expect(await shareSale.paymentToken()).to.equal(await mockUSDC.getAddress());
      expect(await shares.hasRole(await shares.MINTER_ROLE(), saleAddress)).to.equal(true);
      expect(await hashrateOracle.hasRole(REPORTER_ROLE, reporter1!.address)).to.equal(true);
      expect(await hashrateOracle.REPORTER_ROLE()).to.equal(REPORTER_ROLE);
    });

    it("with three reporters and a quorum of two: reports finalize, a buyer buys through the sale", async function () {
      const parameters = await threeReporterParameters();
      const deployed = await deployHashShareLocal(connection, parameters);
      const addresses = resolveHashShareAddresses(deployed, parameters);
      const oracle = await ethers.getContractAt("HashrateOracle", addresses.oracle);
      const pool = await ethers.getContractAt("MiningPoolShare", addresses.pool);
      const sale = await ethers.getContractAt("ShareSale", addresses.sale);
      const usdc = await ethers.getContractAt("MockUSDC", addresses.usdc);

      for (const reporter of [reporter1!, reporter2!, reporter3!]) {
        expect(await oracle.hasRole(REPORTER_ROLE, reporter.address)).to.equal(true);
      }
      const epoch = await oracle.currentEpoch();
      await expect(oracle.connect(outsider!).reportHashrate(addresses.pool, epoch, 1_000n))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(outsider!.address, REPORTER_ROLE);

      await oracle.connect(reporter1!).reportHashrate(addresses.pool, epoch, 1_000n);
      expect((await oracle.latestHashrate(addresses.pool)).hashrateTHs).to.equal(0n);
      await expect(oracle.connect(reporter2!).reportHashrate(addresses.pool, epoch, 1_000n))
        .to.emit(oracle, "HashrateFinalized")
        .withArgs(addresses.pool, epoch, 1_000n);
      expect(await pool.mintableShares()).to.equal(1_000n * ONE_SHARE);

      await usdc.mint(buyer!.address, 1_000n * ONE_USDC);
      await usdc.connect(buyer!).approve(addresses.sale, 500n * ONE_USDC);
      await expect(sale.connect(buyer!).buy(10n * ONE_SHARE, 500n * ONE_USDC)).to.changeTokenBalances(
        ethers,
        usdc,
        [buyer!, admin!],
        [-500n * ONE_USDC, 500n * ONE_USDC],
      );
      expect(await pool.balanceOf(buyer!.address)).to.equal(10n * ONE_SHARE);
    });

    it("refuses, before sending anything, parameters whose admin is not the deploying account", async function () {
      const parameters = await directParameters();
      const before = await blockNumber();
      const error = await deployHashShareLocal(connection, {
        ...parameters,
        pool: { ...parameters.pool, admin: outsider!.address },
      }).then(
        () => expect.fail("expected a DeploymentError"),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DeploymentError);
      expect((error as Error).message).to.equal(
        `Pool.admin is ${outsider!.address} but the deploying account is ${admin!.address}: the deployer sends the role grants, so it must be the admin`,
      );
      expect(await blockNumber()).to.equal(before);
    });
  });

  describe("behind a timelock", function () {
    it("makes the timelock the only admin, hands it to the proposer and executor and sets the delay", async function () {
      const local = await readHashShareParameters(LOCAL_JSON);
      const parameters: HashShareParameters = {
        ...local,
        governance: { minDelay: 3_600n, proposer: reporter2!.address, executor: reporter3!.address },
      };
      const addresses = resolveHashShareAddresses(await deployHashShareLocal(connection, parameters), parameters);
      const timelock = connectTimelock(addresses.timelock!, ethers.provider);
      const hasRole = (role: string, account: string) => timelock.getFunction("hasRole")(role, account);
      expect(await timelock.getFunction("getMinDelay")()).to.equal(3_600n);
      expect(await hasRole(PROPOSER_ROLE, reporter2!.address)).to.equal(true);
      expect(await hasRole(CANCELLER_ROLE, reporter2!.address)).to.equal(true);
      expect(await hasRole(EXECUTOR_ROLE, reporter3!.address)).to.equal(true);
      for (const role of [PROPOSER_ROLE, CANCELLER_ROLE, EXECUTOR_ROLE, ethers.ZeroHash]) {
        expect(await hasRole(role, admin!.address)).to.equal(false);
      }

      const pool = await ethers.getContractAt("MiningPoolShare", addresses.pool);
      await expect(pool.connect(admin!).grantRole(await pool.MINTER_ROLE(), outsider!.address))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(admin!.address, ethers.ZeroHash);
      const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
      expect(report.checks.filter((c) => !c.ok)).to.deep.equal([]);
    });

    it("keeps the deployer's timelock roles when the parameters name it (local.json)", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      const addresses = resolveHashShareAddresses(await deployHashShareLocal(connection, parameters), parameters);
      const timelock = connectTimelock(addresses.timelock!, ethers.provider);
      for (const role of [PROPOSER_ROLE, CANCELLER_ROLE, EXECUTOR_ROLE]) {
        expect(await timelock.getFunction("hasRole")(role, admin!.address)).to.equal(true);
      }
    });

    it("refuses a delay of 0 outside development chains, before sending anything", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      expect(() => assertDeployerIsAdmin(parameters, admin!.address, 31_337n)).not.to.throw();
      expect(() => assertDeployerIsAdmin(parameters, admin!.address, 1n)).to.throw(
        DeploymentError,
        "Governance.minDelay is 0 on chain 1: a timelock without a delay protects no one; 0 is accepted on development chains only",
      );
    });
  });

  describe("HashShare (production)", function () {
    it("deploys with payout and payment tokens taken from parameters", async function () {
      const wbtc = await ethers.deployContract("MockWBTC");
      const usdc = await ethers.deployContract("MockUSDC");
      const local = await readHashShareParameters(LOCAL_JSON);
      const parameters: HashShareParameters = {
        ...local,
        pool: { ...local.pool, wbtc: await wbtc.getAddress(), usdc: await usdc.getAddress() },
        sale: { ...local.sale, usdc: await usdc.getAddress() },
      };
      const deployed = await deployHashShare(connection, parameters);
      expect(Object.keys(deployed).sort()).to.deep.equal([
        FUTURE_IDS.oracle,
        FUTURE_IDS.pool,
        FUTURE_IDS.sale,
        FUTURE_IDS.timelock,
      ]);

      const addresses = resolveHashShareAddresses(deployed, parameters);
      expect(addresses.mockTokens).to.equal(false);
      const pool = await ethers.getContractAt("MiningPoolShare", addresses.pool);
      expect(await pool.payoutTokens()).to.deep.equal([await wbtc.getAddress(), await usdc.getAddress()]);
      const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
      expect(report.checks.filter((c) => !c.ok)).to.deep.equal([]);
    });

    it("refuses parameters without token addresses, before sending anything", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      const before = await blockNumber();
      const error = await deployHashShare(connection, parameters).then(
        () => expect.fail("expected a DeploymentError"),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DeploymentError);
      expect((error as Error).message).to.equal(
        "a production deployment needs token addresses: set Pool.wbtc, Pool.usdc, Sale.usdc (or $global)",
      );
      expect(await blockNumber()).to.equal(before);
    });
  });

  describe("resuming a journaled deployment", function () {
    let deploymentDir: string;

    beforeEach(async function () {
      deploymentDir = await mkdtemp(path.join(tmpdir(), "hashshare-ignition-"));
    });

    afterEach(async function () {
      await rm(deploymentDir, { recursive: true, force: true });
    });

    it("a second run deploys nothing new and returns the same addresses", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      const module = localModuleFor(parameters);

      const first = addressesOf(successful(await deployJournaled(deploymentDir, module, parameters)));
      expect(Object.keys(first).sort()).to.deep.equal(Object.values(FUTURE_IDS).sort());
      expect(await readDeployedAddresses(deploymentDir)).to.deep.equal(first);
      const recorded = await readFile(path.join(deploymentDir, "deployed_addresses.json"), "utf8");
      const afterFirst = await blockNumber();

      const second = addressesOf(successful(await deployJournaled(deploymentDir, module, parameters)));
      expect(second).to.deep.equal(first);
      expect(await blockNumber()).to.equal(afterFirst);
      expect(await readFile(path.join(deploymentDir, "deployed_addresses.json"), "utf8")).to.equal(recorded);
    });

    it("a run that stopped after the mocks resumes there: the mocks are kept, the rest is deployed", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      const mocks = addressesOf(successful(await deployJournaled(deploymentDir, MocksModule, parameters)));
      const afterMocks = await blockNumber();

      const full = addressesOf(
        successful(await deployJournaled(deploymentDir, localModuleFor(parameters), parameters)),
      );
      expect(full[FUTURE_IDS.mockWBTC]).to.equal(mocks[FUTURE_IDS.mockWBTC]);
      expect(full[FUTURE_IDS.mockUSDC]).to.equal(mocks[FUTURE_IDS.mockUSDC]);
      // Timelock, then oracle, pool and sale each deployed and set up by a scheduled and executed batch, then the
      // handover batch: one block each.
      expect((await blockNumber()) - afterMocks).to.equal(1 + 3 * 3 + 2);
    });

    it("refuses to resume with changed parameters instead of redeploying", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      const module = localModuleFor(parameters);
      successful(await deployJournaled(deploymentDir, module, parameters));
      const before = await blockNumber();

      const changed = { ...parameters, sale: { ...parameters.sale, pricePerShare: 51n * ONE_USDC } };
      const result = await deployJournaled(deploymentDir, module, changed);
      expect(result.type).to.equal(DeploymentResultType.RECONCILIATION_ERROR);
      if (result.type !== DeploymentResultType.RECONCILIATION_ERROR) return;
      expect(Object.keys(result.errors)).to.deep.equal([FUTURE_IDS.sale]);
      expect(await blockNumber()).to.equal(before);
    });
  });
});
