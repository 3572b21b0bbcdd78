import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { readDeploymentParameters } from "@nomicfoundation/hardhat-ignition/helpers";
import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import { expect } from "chai";

import {
  DeploymentError,
  FUTURE_IDS,
  ParametersError,
  parametersPathFor,
  parseHashShareParameters,
  readDeployedAddresses,
  readHashShareParameters,
  resolveHashShareAddresses,
  toDeploymentParameters,
  type HashShareParameters,
} from "../../src/deployment/index.js";

const PARAMETERS_DIR = path.resolve("ignition", "parameters");
const LOCAL_JSON = path.join(PARAMETERS_DIR, "local.json");
const EXAMPLE_TESTNET_JSON = path.join(PARAMETERS_DIR, "example-testnet.json");

// The Hardhat default accounts (mnemonic "test test … junk").
const ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ACCOUNT_2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const TOKEN_A = "0x1000000000000000000000000000000000000001";
const TOKEN_B = "0x2000000000000000000000000000000000000002";

/** Ignition-style raw parameters for a valid local deployment, to be altered per test. */
function rawLocal(): Record<string, Record<string, unknown>> {
  return {
    Oracle: { admin: ACCOUNT_0, quorum: 1, reporter1: ACCOUNT_1 },
    Pool: {
      name: "HashShare Pool One",
      symbol: "HSP1",
      admin: ACCOUNT_0,
      sharesPerTHs: 10n ** 18n,
      maxReportAge: 172_800,
      maxChangeBps: 1_000,
      minter: ACCOUNT_0,
      distributor: ACCOUNT_0,
      pauser: ACCOUNT_0,
    },
    Sale: {
      admin: ACCOUNT_0,
      pricePerShare: 50_000_000n,
      treasury: ACCOUNT_0,
      startTime: 0,
      endTime: 4_102_444_800,
      maxSharesPerBuyer: 10n ** 24n,
    },
  };
}

function problemsOf(raw: Record<string, Record<string, unknown>>): readonly string[] {
  try {
    parseHashShareParameters(raw as DeploymentParameters);
  } catch (error) {
    expect(error).to.be.instanceOf(ParametersError);
    return (error as ParametersError).problems;
  }
  expect.fail("expected a ParametersError");
}

describe("deployment parameters", function () {
  describe("readHashShareParameters", function () {
    it("reads ignition/parameters/local.json into typed values", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      const expected: HashShareParameters = {
        oracle: { quorum: 1, reporters: [ACCOUNT_1] },
        pool: {
          name: "HashShare Pool One",
          symbol: "HSP1",
          sharesPerTHs: 10n ** 18n,
          maxReportAge: 2n * 24n * 60n * 60n,
          maxChangeBps: 5_000,
          minter: ACCOUNT_0,
          distributor: ACCOUNT_0,
          pauser: ACCOUNT_0,
        },
        sale: {
          pricePerShare: 50n * 10n ** 6n,
          treasury: ACCOUNT_0,
          startTime: 0n,
          endTime: 4_102_444_800n,
          maxSharesPerBuyer: 1_000_000n * 10n ** 18n,
        },
        governance: { minDelay: 0n, proposer: ACCOUNT_0, executor: ACCOUNT_0 },
      };
      expect(parameters).to.deep.equal(expected);
    });

    it("rejects example-testnet.json, naming every placeholder left in it", async function () {
      const error = await readHashShareParameters(EXAMPLE_TESTNET_JSON).then(
        () => expect.fail("expected a ParametersError"),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ParametersError);
      const problems = (error as ParametersError).problems;
      expect(problems).to.include("Governance.proposer is still the placeholder <PROPOSER_MULTISIG_ADDRESS>");
      expect(problems).to.include("Oracle.reporter3 is still the placeholder <REPORTER_3_ADDRESS>");
      expect(problems).to.include("Pool.wbtc is still the placeholder <WBTC_TOKEN_ADDRESS>");
      expect(problems).to.include("Sale.startTime is still the placeholder <SALE_START_UNIX_SECONDS>");
      expect(problems.every((problem) => problem.includes("is still the placeholder"))).to.equal(true);
    });

    it("reads example-testnet.json once its placeholders are filled in, with the tokens from $global", async function () {
      const dir = await mkdtemp(path.join(tmpdir(), "hashshare-params-"));
      try {
        const { readFile } = await import("node:fs/promises");
        const filled = (await readFile(EXAMPLE_TESTNET_JSON, "utf8"))
          .replaceAll("<WBTC_TOKEN_ADDRESS>", TOKEN_A)
          .replaceAll("<USDC_TOKEN_ADDRESS>", TOKEN_B)
          .replaceAll("<PROPOSER_MULTISIG_ADDRESS>", ACCOUNT_0)
          .replaceAll("<EXECUTOR_ADDRESS>", ACCOUNT_2)
          .replaceAll("<OPERATOR_ADDRESS>", ACCOUNT_0)
          .replaceAll("<TREASURY_ADDRESS>", ACCOUNT_2)
          .replaceAll("<REPORTER_1_ADDRESS>", ACCOUNT_1)
          .replaceAll("<REPORTER_2_ADDRESS>", ACCOUNT_2)
          .replaceAll("<REPORTER_3_ADDRESS>", "0x90F79bf6EB2c4f870365E785982E1f101E93b906")
          .replaceAll('"<SALE_START_UNIX_SECONDS>"', "1800000000")
          .replaceAll('"<SALE_END_UNIX_SECONDS>"', "1802592000");
        const file = path.join(dir, "testnet.json");
        await writeFile(file, filled);
        const parameters = await readHashShareParameters(file);
        expect(parameters.pool.wbtc).to.equal(TOKEN_A);
        expect(parameters.pool.usdc).to.equal(TOKEN_B);
        expect(parameters.sale.usdc).to.equal(TOKEN_B);
        expect(parameters.oracle.quorum).to.equal(2);
        expect(parameters.oracle.reporters).to.have.length(3);
        expect(parameters.sale.startTime).to.equal(1_800_000_000n);
        expect(parameters.governance).to.deep.equal({ minDelay: 172_800n, proposer: ACCOUNT_0, executor: ACCOUNT_2 });
        expect(parameters.pool.maxChangeBps).to.equal(1_000);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("reports a file that does not exist as a ParametersError naming it", async function () {
      const missing = path.join(PARAMETERS_DIR, "no-such-network.json");
      const error = await readHashShareParameters(missing).then(
        () => expect.fail("expected a ParametersError"),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ParametersError);
      expect((error as Error).message).to.contain(missing);
    });
  });

  describe("toDeploymentParameters", function () {
    // Ignition compares each future's arguments with its journal, type included (5000 is not 5000n): the scripts and
    // `ignition deploy --parameters` must hand it the same values, or a script run after the README's CLI deploy (or
    // the reverse) fails with "Argument at index 1 has been changed".
    it("gives Ignition every value of local.json in the type its own CLI reads from the file", async function () {
      const cli = (await readDeploymentParameters(LOCAL_JSON)) as DeploymentParameters;
      const scripts = toDeploymentParameters(await readHashShareParameters(LOCAL_JSON));
      for (const [moduleId, values] of Object.entries(scripts)) {
        for (const [name, value] of Object.entries(values)) {
          const fromFile = cli[moduleId]?.[name] ?? cli["$global"]?.[name];
          expect(typeof value, `${moduleId}.${name}`).to.equal(typeof fromFile);
          if (typeof value !== "string") expect(value, `${moduleId}.${name}`).to.equal(fromFile);
        }
      }
    });
  });

  describe("parametersPathFor", function () {
    it("maps the in-process network and localhost to local.json, other networks to <name>.json", function () {
      expect(parametersPathFor("default", "/x/ignition")).to.equal("/x/ignition/parameters/local.json");
      expect(parametersPathFor("localhost", "/x/ignition")).to.equal("/x/ignition/parameters/local.json");
      expect(parametersPathFor("sepolia", "/x/ignition")).to.equal("/x/ignition/parameters/sepolia.json");
    });
  });

  describe("parseHashShareParameters", function () {
    it("checksums addresses and collects reporter1 … reporterN in order", function () {
      const raw = rawLocal();
      raw.Oracle = { ...raw.Oracle, reporter2: ACCOUNT_2.toLowerCase(), reporter1: ACCOUNT_1.toLowerCase() };
      const parameters = parseHashShareParameters(raw as DeploymentParameters);
      expect(parameters.oracle.reporters).to.deep.equal([ACCOUNT_1, ACCOUNT_2]);
    });

    it("resolves a parameter from the module's section first, then from $global, as Ignition does", function () {
      const raw = rawLocal();
      raw.$global = { wbtc: TOKEN_A, usdc: TOKEN_B };
      raw.Sale = { ...raw.Sale, usdc: TOKEN_A };
      const parameters = parseHashShareParameters(raw as DeploymentParameters);
      expect(parameters.pool.wbtc).to.equal(TOKEN_A);
      expect(parameters.pool.usdc).to.equal(TOKEN_B);
      expect(parameters.sale.usdc).to.equal(TOKEN_A);
    });

    it("round-trips through toDeploymentParameters", async function () {
      const parameters = await readHashShareParameters(LOCAL_JSON);
      expect(parseHashShareParameters(toDeploymentParameters(parameters))).to.deep.equal(parameters);
    });

    it("reports a missing parameter", function () {
      const raw = rawLocal();
      delete raw.Pool!.minter;
      expect(problemsOf(raw)).to.deep.equal([`Pool.minter is missing (set it in "Pool" or "$global")`]);
    });

    it("reports a malformed and a zero address", function () {
      const raw = rawLocal();
      raw.Sale!.treasury = "0x1234";
      raw.Pool!.pauser = "0x0000000000000000000000000000000000000000";
      expect(problemsOf(raw)).to.deep.equal([
        `Pool.pauser is the zero address`,
        `Sale.treasury must be an address (0x and 40 hex digits), got "0x1234"`,
      ]);
    });

    it("reports a quorum larger than the number of reporters", function () {
      const raw = rawLocal();
      raw.Oracle!.quorum = 2;
      expect(problemsOf(raw)).to.deep.equal(["Oracle.quorum 2 exceeds the 1 reporter(s): no epoch could finalize"]);
    });

    it("reports a quorum of 0 and one above 255", function () {
      const zero = rawLocal();
      zero.Oracle!.quorum = 0;
      expect(problemsOf(zero)).to.deep.equal(["Oracle.quorum must be between 1 and 255, got 0"]);
      const big = rawLocal();
      big.Oracle!.quorum = 256;
      expect(problemsOf(big)).to.deep.equal(["Oracle.quorum must be between 1 and 255, got 256"]);
    });

    it("reports a gap in the reporter numbering and a repeated reporter", function () {
      const gap = rawLocal();
      gap.Oracle = { admin: ACCOUNT_0, quorum: 1, reporter1: ACCOUNT_1, reporter3: ACCOUNT_2 };
      expect(problemsOf(gap)).to.deep.equal([
        "Oracle.reporter2 is missing: reporters must be numbered 1, 2, … without gaps",
      ]);
      const repeated = rawLocal();
      repeated.Oracle = { admin: ACCOUNT_0, quorum: 1, reporter1: ACCOUNT_1, reporter2: ACCOUNT_1 };
      expect(problemsOf(repeated)).to.deep.equal([`Oracle.reporter2 repeats Oracle.reporter1 (${ACCOUNT_1})`]);
    });

    it("reports an Oracle section without reporters", function () {
      const raw = rawLocal();
      raw.Oracle = { admin: ACCOUNT_0, quorum: 1 };
      expect(problemsOf(raw)).to.deep.equal([
        `Oracle.reporter1 is missing (reporters are "reporter1", "reporter2", …)`,
      ]);
    });

    it("reports a sale window that ends before it starts", function () {
      const raw = rawLocal();
      raw.Sale = { ...raw.Sale, startTime: 200, endTime: 100 };
      expect(problemsOf(raw)).to.deep.equal(["Sale.endTime 100 is before Sale.startTime 200"]);
    });

    it("reports integers given as plain strings, unsafe numbers, and values out of range", function () {
      const raw = rawLocal();
      raw.Sale!.pricePerShare = "50000000";
      raw.Pool!.sharesPerTHs = 1e18;
      raw.Pool!.maxReportAge = 2n ** 64n;
      raw.Sale!.maxSharesPerBuyer = 0n;
      expect(problemsOf(raw)).to.deep.equal([
        `Pool.sharesPerTHs must be an integer (a number, or a "123n" string for big values), got 1000000000000000000`,
        `Pool.maxReportAge must be between 0 and ${2n ** 64n - 1n}, got ${2n ** 64n}`,
        `Sale.pricePerShare must be an integer (a number, or a "123n" string for big values), got "50000000"`,
        `Sale.maxSharesPerBuyer must be between 1 and ${2n ** 256n - 1n}, got 0`,
      ]);
    });

    it("reports a maxChangeBps of 0 (an unbounded pool) or above 2^32-1", function () {
      const raw = rawLocal();
      raw.Pool!.maxChangeBps = 0;
      expect(problemsOf(raw)).to.deep.equal([`Pool.maxChangeBps must be between 1 and ${2n ** 32n - 1n}, got 0`]);
      raw.Pool!.maxChangeBps = 2 ** 32;
      expect(problemsOf(raw)).to.deep.equal([
        `Pool.maxChangeBps must be between 1 and ${2n ** 32n - 1n}, got ${2n ** 32n}`,
      ]);
    });

    it("reads a Governance section as a timelock, which needs no admin parameters", function () {
      const raw = rawLocal();
      for (const section of ["Oracle", "Pool", "Sale"]) delete raw[section]!.admin;
      raw.Governance = { minDelay: 172_800, proposer: ACCOUNT_1.toLowerCase(), executor: ACCOUNT_2 };
      const parameters = parseHashShareParameters(raw as DeploymentParameters);
      expect(parameters.governance).to.deep.equal({ minDelay: 172_800n, proposer: ACCOUNT_1, executor: ACCOUNT_2 });
      expect(parameters.oracle.admin).to.equal(undefined);
      expect(parseHashShareParameters(toDeploymentParameters(parameters))).to.deep.equal(parameters);
    });

    it("reports admin parameters next to a timelock, and a Governance section with bad values", function () {
      const raw = rawLocal();
      raw.Governance = { minDelay: 366 * 86_400, proposer: "0x1234", executor: undefined };
      expect(problemsOf(raw)).to.deep.equal([
        `Governance.minDelay must be between 0 and 31536000, got 31622400`,
        `Governance.proposer must be an address (0x and 40 hex digits), got "0x1234"`,
        `Governance.executor is missing (set it in "Governance" or "$global")`,
        `Oracle.admin is set but "Governance" configures a timelock, which is the admin: remove Oracle.admin`,
        `Pool.admin is set but "Governance" configures a timelock, which is the admin: remove Pool.admin`,
        `Sale.admin is set but "Governance" configures a timelock, which is the admin: remove Sale.admin`,
      ]);
    });

    it("reports identical payout tokens", function () {
      const raw = rawLocal();
      raw.$global = { wbtc: TOKEN_A, usdc: TOKEN_A };
      expect(problemsOf(raw)).to.deep.equal([
        "Pool.wbtc and Pool.usdc are the same address: the payout tokens must be distinct",
      ]);
    });
  });
});

describe("deployed addresses", function () {
  let dir: string;

  beforeEach(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "hashshare-deployment-"));
  });

  afterEach(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  const localDeployment = {
    [FUTURE_IDS.mockWBTC]: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
    [FUTURE_IDS.mockUSDC]: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
    [FUTURE_IDS.oracle]: "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
    [FUTURE_IDS.pool]: "0xdc64a140aa3e981100a9beca4e685f962f0cf6c9",
    [FUTURE_IDS.sale]: "0x2279b7a0a67db372996a5fab50d91eaa73d2ebe6",
    [FUTURE_IDS.timelock]: "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
  };

  describe("readDeployedAddresses", function () {
    it("reads deployed_addresses.json, checksumming every address", async function () {
      await writeFile(path.join(dir, "deployed_addresses.json"), JSON.stringify(localDeployment));
      const addresses = await readDeployedAddresses(dir);
      expect(addresses[FUTURE_IDS.pool]).to.equal("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9");
      expect(Object.keys(addresses)).to.have.members(Object.values(FUTURE_IDS));
    });

    it("reports a deployment that was never made", async function () {
      const error = await readDeployedAddresses(path.join(dir, "chain-1")).then(
        () => expect.fail("expected a DeploymentError"),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DeploymentError);
      expect((error as Error).message).to.match(/^no deployment recorded at .*chain-1\/deployed_addresses\.json/);
    });

    it("reports an entry that is not an address", async function () {
      await writeFile(path.join(dir, "deployed_addresses.json"), JSON.stringify({ [FUTURE_IDS.pool]: "0x12" }));
      const error = await readDeployedAddresses(dir).then(
        () => expect.fail("expected a DeploymentError"),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DeploymentError);
      expect((error as Error).message).to.contain(`"${FUTURE_IDS.pool}" is not an address`);
    });
  });

  describe("resolveHashShareAddresses", function () {
    it("takes the payout tokens from the mocks on a local deployment", function () {
      const addresses = resolveHashShareAddresses(localDeployment);
      expect(addresses.mockTokens).to.equal(true);
      expect(addresses.wbtc).to.equal("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
      expect(addresses.usdc).to.equal("0x5FbDB2315678afecb367f032d93F642f64180aa3");
      expect(addresses.timelock).to.equal("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9");
    });

    it("takes the payout tokens from the parameters on a production deployment", function () {
      const raw = rawLocal();
      raw.$global = { wbtc: TOKEN_A, usdc: TOKEN_B };
      const parameters = parseHashShareParameters(raw as DeploymentParameters);
      const { [FUTURE_IDS.mockWBTC]: _wbtc, [FUTURE_IDS.mockUSDC]: _usdc, ...production } = localDeployment;
      const addresses = resolveHashShareAddresses(production, parameters);
      expect(addresses).to.include({ wbtc: TOKEN_A, usdc: TOKEN_B, mockTokens: false });
    });

    it("reports a missing contract and missing token addresses", function () {
      const { [FUTURE_IDS.sale]: _sale, ...noSale } = localDeployment;
      expect(() => resolveHashShareAddresses(noSale)).to.throw(
        DeploymentError,
        `the deployment has no "Sale#ShareSale"`,
      );
      const { [FUTURE_IDS.mockWBTC]: _wbtc, ...noMock } = localDeployment;
      expect(() => resolveHashShareAddresses(noMock)).to.throw(DeploymentError, "the parameters set no wbtc / usdc");
    });
  });
});
