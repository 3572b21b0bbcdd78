import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import {
  deployHashShareLocal,
  formatChecks,
  TIMELOCK_ARTIFACT,
  connectTimelock,
  readHashShareParameters,
  resolveHashShareAddresses,
  verifyHashShareDeployment,
  type DeploymentCheck,
  type HashShareAddresses,
  type HashShareParameters,
} from "../../src/deployment/index.js";

const LOCAL_JSON = path.resolve("ignition", "parameters", "local.json");

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const [admin, reporter1, reporter2, outsider] = await ethers.getSigners();

async function localDeploymentFixture(): Promise<{
  parameters: HashShareParameters;
  addresses: HashShareAddresses;
}> {
  const parameters = await readHashShareParameters(LOCAL_JSON);
  const addresses = resolveHashShareAddresses(await deployHashShareLocal(connection, parameters), parameters);
  return { parameters, addresses };
}

/** Runs `calls` as the timelock: scheduled and executed at once (local.json's delay is 0, account 0 proposes). */
async function throughTimelock(addresses: HashShareAddresses, calls: ReadonlyArray<[string, string]>): Promise<void> {
  const timelock = connectTimelock(addresses.timelock!, admin!);
  const targets = calls.map(([target]) => target);
  const payloads = calls.map(([, data]) => data);
  const values = calls.map(() => 0n);
  const salt = ethers.id(`test ${Date.now()}`);
  await (await timelock.getFunction("scheduleBatch")(targets, values, payloads, ethers.ZeroHash, salt, 0n)).wait();
  await (await timelock.getFunction("executeBatch")(targets, values, payloads, ethers.ZeroHash, salt)).wait();
}

function failed(checks: readonly DeploymentCheck[]): string[] {
  return formatChecks(checks.filter((c) => !c.ok));
}

describe("verifyHashShareDeployment", function () {
  it("passes every check on a fresh local deployment", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
    expect(failed(report.checks)).to.deep.equal([]);
    expect(report.ok).to.equal(true);
    // 6 code checks, 2 decimals, quorum, maxChangeBps, 6 pool values, 7 sale values, 7 role holder sets of the
    // contracts, the timelock's delay and 4 role holder sets, 3 "no externally owned admin" checks, and each
    // contract's defaultAdmin() and pendingDefaultAdmin() (AccessControlDefaultAdminRules).
    expect(report.checks).to.have.length(6 + 2 + 1 + 1 + 6 + 7 + 7 + 1 + 4 + 3 + 3 * 2);
    expect(formatChecks(report.checks)).to.include.members([
      `✓ Pool MINTER_ROLE holders = ${[addresses.sale, admin!.address].sort().map(describe).join(", ")}`,
      `✓ Oracle REPORTER_ROLE holders = ${reporter1!.address} (reporter1)`,
      `✓ Oracle DEFAULT_ADMIN_ROLE holders = ${addresses.timelock} (timelock)`,
      "✓ Oracle DEFAULT_ADMIN_ROLE held by no externally owned account = only the timelock",
      "✓ Timelock minDelay (seconds) = 0",
      "✓ Oracle maxChangeBps of the pool = 5000 bps",
      `✓ Pool defaultAdmin() = ${addresses.timelock}`,
      `✓ Sale pendingDefaultAdmin() = ${"0x" + "0".repeat(40)}`,
    ]);

    function describe(address: string): string {
      return address === addresses.sale
        ? `${address} (sale)`
        : `${address} (minter, distributor, pauser, proposer, executor)`;
    }
  });

  it("detects a deployment checked against altered parameters, one failed check per difference", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const altered: HashShareParameters = {
      oracle: { ...parameters.oracle, reporters: [reporter1!.address, reporter2!.address], quorum: 2 },
      pool: { ...parameters.pool, symbol: "HSP2", maxReportAge: 86_400n, maxChangeBps: 1_000 },
      sale: { ...parameters.sale, pricePerShare: 51_000_000n, endTime: parameters.sale.endTime - 1n },
      governance: { ...parameters.governance!, minDelay: 3_600n },
    };
    const report = await verifyHashShareDeployment(ethers.provider, addresses, altered);
    expect(report.ok).to.equal(false);
    expect(failed(report.checks)).to.deep.equal([
      "✗ Oracle quorum: expected 2, got 1",
      "✗ Oracle maxChangeBps of the pool: expected 1000, got 5000",
      "✗ Pool symbol: expected HSP2, got HSP1",
      "✗ Pool maxReportAge: expected 86400, got 172800",
      "✗ Sale pricePerShare: expected 51000000, got 50000000",
      `✗ Sale endTime: expected ${parameters.sale.endTime - 1n}, got ${parameters.sale.endTime}`,
      `✗ Oracle REPORTER_ROLE holders: expected ${[`${reporter1!.address} (reporter1)`, `${reporter2!.address} (reporter2)`].sort().join(", ")}, got ${reporter1!.address} (reporter1)`,
      "✗ Timelock minDelay (seconds): expected 3600, got 0",
    ]);
  });

  it("finds every holder of a role, named or not, and a pool left unbounded", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const pool = await ethers.getContractAt("MiningPoolShare", addresses.pool);
    const oracle = await ethers.getContractAt("HashrateOracle", addresses.oracle);
    await throughTimelock(addresses, [
      [addresses.pool, pool.interface.encodeFunctionData("revokeRole", [await pool.MINTER_ROLE(), addresses.sale])],
      [addresses.pool, pool.interface.encodeFunctionData("grantRole", [await pool.PAUSER_ROLE(), outsider!.address])],
      [addresses.oracle, oracle.interface.encodeFunctionData("setMaxChangeBps", [addresses.pool, 0])],
    ]);

    const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
    const operator = `${admin!.address} (minter, distributor, pauser, proposer, executor)`;
    expect(failed(report.checks)).to.deep.equal([
      "✗ Oracle maxChangeBps of the pool: 0: the pool's hashrate change is unbounded",
      `✗ Pool MINTER_ROLE holders: expected ${[`${addresses.sale} (sale)`, operator].sort().join(", ")}, got ${operator}`,
      `✗ Pool PAUSER_ROLE holders: expected ${operator}, got ${[operator, outsider!.address].sort().join(", ")}`,
    ]);
  });

  it("fails where an externally owned account is the admin although the parameters configure a timelock", async function () {
    const local = await readHashShareParameters(LOCAL_JSON);
    const { governance, ...direct } = local;
    const withAdmin = (section: object) => ({ ...section, admin: admin!.address });
    const directParameters = {
      oracle: withAdmin(direct.oracle) as HashShareParameters["oracle"],
      pool: withAdmin(direct.pool) as HashShareParameters["pool"],
      sale: withAdmin(direct.sale) as HashShareParameters["sale"],
    };
    const deployed = resolveHashShareAddresses(await deployHashShareLocal(connection, directParameters), local);
    const factory = new ethers.ContractFactory(TIMELOCK_ARTIFACT.abi, TIMELOCK_ARTIFACT.bytecode, admin!);
    const timelock = await factory.deploy(0n, [admin!.address], [admin!.address], ethers.ZeroAddress);
    const addresses = { ...deployed, timelock: await timelock.getAddress() };

    const report = await verifyHashShareDeployment(ethers.provider, addresses, { ...directParameters, governance });
    const failures = failed(report.checks);
    for (const contract of ["Oracle", "Pool", "Sale"]) {
      expect(failures).to.include(
        `✗ ${contract} DEFAULT_ADMIN_ROLE held by no externally owned account: ${admin!.address} has no code`,
      );
    }
    expect(failures).to.include(
      `✗ Oracle DEFAULT_ADMIN_ROLE holders: expected ${addresses.timelock} (timelock), got ${admin!.address} (minter, distributor, pauser, proposer, executor, admin)`,
    );
  });

  it("reports addresses that hold the wrong contract, or none, as failed checks instead of throwing", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const swapped: HashShareAddresses = { ...addresses, oracle: addresses.wbtc, sale: outsider!.address };
    const report = await verifyHashShareDeployment(ethers.provider, swapped, parameters);
    const failures = failed(report.checks);
    expect(failures).to.include(
      `✗ Sale (ShareSale) deployed at ${outsider!.address}: no contract code at this address`,
    );
    expect(failures).to.include(`✗ Pool oracle: expected ${addresses.wbtc}, got ${addresses.oracle}`);
    expect(failures.some((line) => line.startsWith("✗ Oracle quorum: cannot read:"))).to.equal(true);
    // Nothing is read from an address without code: no Sale value or role checks.
    expect(report.checks.some((c) => c.label.startsWith("Sale ") && !c.label.startsWith("Sale (ShareSale)"))).to.equal(
      false,
    );
  });

  it("checks the payout tokens' decimals", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters, {
      decimals: { wbtc: 18, usdc: 6 },
    });
    expect(failed(report.checks)).to.deep.equal(["✗ WBTC decimals: expected 18, got 8"]);
  });
});

describe("formatChecks", function () {
  it("prints ✓ with the value read, or ✗ with what was expected and found", function () {
    expect(
      formatChecks([
        { label: "Pool symbol", ok: true, detail: "HSP1" },
        { label: "Timelock deployed at 0xabc", ok: true, detail: "" },
        { label: "Oracle quorum", ok: false, detail: "expected 2, got 1" },
      ]),
    ).to.deep.equal(["✓ Pool symbol = HSP1", "✓ Timelock deployed at 0xabc", "✗ Oracle quorum: expected 2, got 1"]);
  });
});
