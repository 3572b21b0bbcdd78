import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import {
  deployHashShareLocal,
  formatChecks,
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

function failed(checks: readonly DeploymentCheck[]): string[] {
  return formatChecks(checks.filter((c) => !c.ok));
}

describe("verifyHashShareDeployment", function () {
  it("passes every check on a fresh local deployment", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
    expect(failed(report.checks)).to.deep.equal([]);
    expect(report.ok).to.equal(true);
    // 5 code checks, 2 decimals, quorum, 6 pool values, 7 sale values, and 7 roles × 5 known addresses
    // (admin/operators/treasury, reporter1, oracle, pool, sale).
    expect(report.checks).to.have.length(5 + 2 + 1 + 6 + 7 + 7 * 5);
    const labels = report.checks.map((c) => c.label);
    expect(labels).to.include(`Pool MINTER_ROLE granted to ${addresses.sale} (sale)`);
    expect(labels).to.include(`Oracle REPORTER_ROLE granted to ${reporter1!.address} (reporter1)`);
    expect(labels).to.include(
      `Oracle REPORTER_ROLE not granted to ${admin!.address} (admin, minter, distributor, pauser, treasury)`,
    );
    expect(labels).to.include(`Pool MINTER_ROLE not granted to ${reporter1!.address} (reporter1)`);
  });

  it("detects a deployment checked against altered parameters, one failed check per difference", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const altered: HashShareParameters = {
      oracle: { ...parameters.oracle, reporters: [reporter1!.address, reporter2!.address], quorum: 2 },
      pool: { ...parameters.pool, symbol: "HSP2", maxReportAge: 86_400n },
      sale: { ...parameters.sale, pricePerShare: 51_000_000n, endTime: parameters.sale.endTime - 1n },
    };
    const report = await verifyHashShareDeployment(ethers.provider, addresses, altered);
    expect(report.ok).to.equal(false);
    expect(failed(report.checks)).to.deep.equal([
      "✗ Oracle quorum: expected 2, got 1",
      "✗ Pool symbol: expected HSP2, got HSP1",
      "✗ Pool maxReportAge: expected 86400, got 172800",
      "✗ Sale pricePerShare: expected 51000000, got 50000000",
      `✗ Sale endTime: expected ${parameters.sale.endTime - 1n}, got ${parameters.sale.endTime}`,
      `✗ Oracle REPORTER_ROLE granted to ${reporter2!.address} (reporter2): not granted on chain`,
    ]);
  });

  it("detects a role granted or revoked after deployment", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const pool = await ethers.getContractAt("MiningPoolShare", addresses.pool);
    const oracle = await ethers.getContractAt("HashrateOracle", addresses.oracle);
    await pool.revokeRole(await pool.MINTER_ROLE(), addresses.sale);
    await oracle.grantRole(await oracle.REPORTER_ROLE(), admin!.address);

    const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
    expect(failed(report.checks)).to.deep.equal([
      `✗ Oracle REPORTER_ROLE not granted to ${admin!.address} (admin, minter, distributor, pauser, treasury): granted on chain`,
      `✗ Pool MINTER_ROLE granted to ${addresses.sale} (sale): not granted on chain`,
    ]);
  });

  it("checks extra accounts: a role held by one of them is a failure", async function () {
    const { parameters, addresses } = await networkHelpers.loadFixture(localDeploymentFixture);
    const pool = await ethers.getContractAt("MiningPoolShare", addresses.pool);
    await pool.grantRole(await pool.PAUSER_ROLE(), outsider!.address);

    const clean = await verifyHashShareDeployment(ethers.provider, addresses, parameters);
    expect(clean.ok).to.equal(true);
    const report = await verifyHashShareDeployment(ethers.provider, addresses, parameters, {
      otherAccounts: { outsider: outsider!.address },
    });
    expect(failed(report.checks)).to.deep.equal([
      `✗ Pool PAUSER_ROLE not granted to ${outsider!.address} (outsider): granted on chain`,
    ]);
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
        { label: "Pool MINTER_ROLE granted to 0xabc (sale)", ok: true, detail: "" },
        { label: "Oracle quorum", ok: false, detail: "expected 2, got 1" },
      ]),
    ).to.deep.equal([
      "✓ Pool symbol = HSP1",
      "✓ Pool MINTER_ROLE granted to 0xabc (sale)",
      "✗ Oracle quorum: expected 2, got 1",
    ]);
  });
});
