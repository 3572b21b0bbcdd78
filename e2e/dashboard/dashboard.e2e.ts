/**
 * The dashboard as a person uses it: a real `hardhat node`, a deployment, a short simulation, `hardhat dashboard`
 * started like from a shell, and headless Chromium (the machine's `chromium`, driven by playwright-core) opening the
 * investor view of several addresses and the operator view. The numbers on the page are compared with the chain's;
 * a deposit made while the page is open must appear without a reload; bad addresses get a clear message.
 * Screenshots go to reports/e2e-dashboard/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { Contract, JsonRpcProvider, ZeroHash, getAddress, id, type InterfaceAbi } from "ethers";
import { chromium, type BrowserContext, type Page } from "playwright-core";

import { formatAmount } from "../../src/cli/amount.js";

/** An amount as the page shows it: with thousands separators. */
const grouped = (value: bigint, decimals: number) => formatAmount(value, decimals, { grouped: true });
import { connectHashShare, readDeployedAddresses, resolveHashShareAddresses } from "../../src/deployment/index.js";
import {
  HashrateOracle__factory,
  MiningPoolShare__factory,
  MockERC20__factory,
  type MiningPoolShare,
} from "../../typechain-types/index.js";
import { E2E_CONFIG, ROOT, freePort, hardhat, removeDeployment, startNode, type RunningNode } from "../harness.js";

const SHOTS = path.join(ROOT, "reports", "e2e-dashboard");
const TIMELOCK_ABI = (
  createRequire(import.meta.url)("@openzeppelin/contracts/build/contracts/TimelockController.json") as {
    abi: InterfaceAbi;
  }
).abi;
const HARDHAT_CLI = path.join(ROOT, "node_modules", ".bin", "hardhat");

/** The machine's Chromium: CHROMIUM_PATH, else the Debian package's binary. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((c) => c !== undefined && c !== "" && existsSync(c));
  if (found === undefined) throw new Error("no Chromium: apt-get install -y chromium (npm test installs it)");
  return found;
}

/** `hardhat dashboard` as a child process; resolves once it prints its URL. */
async function startDashboard(
  env: NodeJS.ProcessEnv,
  args: string[],
): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const child = spawn(
    process.execPath,
    [HARDHAT_CLI, "--config", E2E_CONFIG, "--network", "localhost", "dashboard", ...args],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dashboard did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/operator/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`dashboard exited with ${code}:\n${output}`)));
  });
  return { url, child, log: () => output };
}

describe("Dashboard end to end (hardhat node, simulation, headless Chromium)", function () {
  this.timeout(1_200_000);

  let node: RunningNode;
  let deploymentId: string;
  let provider: JsonRpcProvider;
  let pool: MiningPoolShare;
  let tokens: Array<{ address: string; symbol: string; decimals: number }>;
  let dashboard: Awaited<ReturnType<typeof startDashboard>>;
  let browser: BrowserContext;
  let page: Page;
  let work: string;
  let env: Record<string, string | undefined>;
  let timelockAddress: string | undefined;
  let oracleAddress: string;

  const task = (args: string[]) => hardhat(["--config", E2E_CONFIG, "--network", "localhost", ...args], env, 400_000);

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    work = await mkdtemp(path.join(tmpdir(), "hashshare-dash-e2e-"));
    node = await startNode(await freePort());
    env = { HASHSHARE_E2E_RPC_URL: node.url };
    // The simulator deploys the contracts itself, under a fresh Ignition deployment ID of its own that its journal
    // records; the dashboard is pointed at it with --deployment, as docs/DASHBOARD.md says (the terminal tasks, which
    // have no such option, with HASHSHARE_DEPLOYMENT_ID).
    const out = path.join(work, "sim");
    const simulated = await task([
      "simulate",
      "--days",
      "6",
      "--holders",
      "8",
      "--scenario",
      "test/sim/fixtures/early-ai.json",
      "--out",
      out,
      "--quiet",
    ]);
    expect(simulated.code, simulated.stderr).to.equal(0);
    const journal = JSON.parse(await readFile(path.join(out, "journal.json"), "utf8")) as {
      chain: { deploymentId?: string };
    };
    expect(journal.chain.deploymentId, "the simulator's journal names its deployment").to.be.a("string");
    deploymentId = journal.chain.deploymentId as string;
    env = { ...env, HASHSHARE_DEPLOYMENT_ID: deploymentId };

    const addresses = resolveHashShareAddresses(
      await readDeployedAddresses(path.join(ROOT, "ignition", "deployments", deploymentId)),
    );
    timelockAddress = addresses.timelock;
    oracleAddress = addresses.oracle;
    provider = new JsonRpcProvider(node.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
    pool = connectHashShare(addresses, provider).pool;
    tokens = [
      { address: addresses.wbtc, symbol: "WBTC", decimals: 8 },
      { address: addresses.usdc, symbol: "USDC", decimals: 6 },
    ];

    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, FORCE_COLOR: "0", NO_COLOR: "1" };
    delete childEnv.HH_TEST;
    delete childEnv.DATABASE_URL;
    delete childEnv.HASHSHARE_DEPLOYMENT_ID;
    dashboard = await startDashboard(childEnv, [
      "--deployment",
      deploymentId,
      "--port",
      "0",
      "--prices",
      path.join(out, "daily.csv"),
      "--poll-ms",
      "200",
    ]);
    browser = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (dashboard?.child.pid !== undefined) {
      try {
        process.kill(-dashboard.child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    provider?.destroy();
    await node?.stop();
    if (deploymentId !== undefined) {
      await removeDeployment(deploymentId);
      await rm(path.join(ROOT, "cache", "dashboard", `${deploymentId}-31337.sqlite`), { force: true });
      await rm(path.join(ROOT, "cache", "dashboard", `${deploymentId}-31337.sqlite-wal`), { force: true });
      await rm(path.join(ROOT, "cache", "dashboard", `${deploymentId}-31337.sqlite-shm`), { force: true });
    }
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  /** Holders with shares, from the chain's Transfer events. */
  async function holders(): Promise<string[]> {
    const logs = await pool.queryFilter(pool.filters.Transfer(), 0, "latest");
    const seen = new Set<string>();
    for (const log of logs) if (log.args.to !== "0x0000000000000000000000000000000000000000") seen.add(log.args.to);
    const result: string[] = [];
    for (const holder of seen) if ((await pool.balanceOf(holder)) > 0n) result.push(holder);
    return result;
  }

  const text = async (testid: string) => (await page.getByTestId(testid).first().textContent())?.trim() ?? "";
  const byTestId = (testid: string) => `[data-testid="${testid}"]`;
  /** The tick labels of every chart's y axis (vega's SVG names each axis in its aria-label). */
  const Y_AXIS_LABELS = 'g.role-axis[aria-label^="Y-axis"] .role-axis-label text';

  /** Every number shown by the elements `selectors` match has its thousands grouped ("1,234.5", never "1234.5"). */
  async function expectThousandsGrouped(selectors: string[]): Promise<void> {
    let numbers = 0;
    for (const selector of selectors) {
      const texts = await page.locator(selector).allTextContents();
      expect(texts.length, `nothing matches ${selector}`).to.be.greaterThan(0);
      for (const shown of texts) {
        for (const [number] of shown.matchAll(/\d[\d,]*(\.\d+)?/g)) {
          numbers += 1;
          expect(number.split(".")[0], `${selector}: "${shown}"`).to.match(/^\d{1,3}(,\d{3})*$/);
        }
      }
    }
    expect(numbers).to.be.greaterThan(0);
  }

  describe("investor view", () => {
    it("shows each holder's shares and claimable revenue as the chain does", async () => {
      const all = await holders();
      expect(all.length).to.be.at.least(3);
      for (const [i, holder] of all.slice(0, 4).entries()) {
        await page.goto(`${dashboard.url}/investor/${holder}`);
        await page.getByTestId("shares").waitFor();
        expect(await text("shares")).to.equal(`${grouped(await pool.balanceOf(holder), 18)} HSP1`);
        for (const token of tokens) {
          expect(await text(`claimable-${token.symbol}-amount`), `${holder} ${token.symbol}`).to.equal(
            grouped(await pool.claimable(holder, token.address), token.decimals),
          );
        }
        await page.getByTestId("received-chart").locator("svg").first().waitFor();
        await expectThousandsGrouped([
          ...["shares", "share-percent", "claimable-usd", "received-btc", "received-usd"].map(byTestId),
          ...["sale-shares", "sale-cost", "sale-return", "sale-annual"].map(byTestId),
          "td.num",
          Y_AXIS_LABELS,
        ]);
        await page.screenshot({ path: path.join(SHOTS, `investor-${i}.png`), fullPage: true });
      }
    });

    it("tells a malformed address apart, in one line", async () => {
      for (const bad of ["0x1234", "not-an-address", "0xZZ64a140Aa3E981100a9becA4E685f962f0cF6C9"]) {
        await page.goto(`${dashboard.url}/investor/${encodeURIComponent(bad)}`);
        await page.getByTestId("error").waitFor();
        expect(await text("error")).to.match(/is not an address/);
      }
      await page.screenshot({ path: path.join(SHOTS, "investor-bad-address.png") });
    });
  });

  describe("dashboard --deployment", () => {
    it("refuses a deployment that does not exist in one line, before serving anything", async () => {
      const result = await hardhat(
        ["--config", E2E_CONFIG, "--network", "localhost", "dashboard", "--deployment", "no-such-run", "--port", "0"],
        { HASHSHARE_E2E_RPC_URL: node.url, HASHSHARE_DEPLOYMENT_ID: undefined, DATABASE_URL: undefined },
      );
      expect(result.code).to.equal(1);
      expect(result.stderr.trim()).to.match(
        /^Error: --deployment no-such-run: no such Ignition deployment in ignition\/deployments \(newest first: [^\n]*\)$/,
      );
      expect(result.stdout).not.to.match(/dashboard of/);
    });
  });

  describe("operator view", () => {
    it("shows the supply and the holders count as the chain does", async () => {
      await page.goto(`${dashboard.url}/operator`);
      await page.getByTestId("supply").waitFor();
      expect(await text("supply")).to.equal(`${grouped(await pool.totalSupply(), 18)} HSP1`);
      expect(await text("holders-count")).to.equal(grouped(BigInt((await holders()).length), 0));
      await page.getByTestId("supply-chart").locator("svg").first().waitFor();
      expect(await text("supply")).to.match(/^\d{1,3}(,\d{3})+(\.\d+)? HSP1$/, "a supply over 1,000 shares, grouped");
      await expectThousandsGrouped([
        ...["supply", "backing", "holders-count", "top10"].map(byTestId),
        ...["sale-sold", "sale-proceeds", "sale-buyers", "sale-price"].map(byTestId),
        "td.num",
        Y_AXIS_LABELS,
      ]);
      await page.screenshot({ path: path.join(SHOTS, "operator.png"), fullPage: true });
    });

    it("shows a new deposit live, without a reload", async () => {
      await page.goto(`${dashboard.url}/operator`);
      await page.getByTestId("supply").waitFor();
      await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 1));
      const [operator] = (await provider.send("eth_accounts", [])) as string[];
      const faucet = await task(["pool", "faucet", "--token", "wbtc", "--to", operator!, "--amount", "1"]);
      expect(faucet.code, faucet.stderr).to.equal(0);
      const deposit = await task([
        "pool",
        "deposit",
        "--token",
        "wbtc",
        "--amount",
        "0.5",
        "--source",
        "mining",
        "--epoch",
        "999",
      ]);
      expect(deposit.code, deposit.stderr).to.equal(0);
      const started = Date.now();
      await page.getByTestId("deposit-WBTC-999").waitFor({ timeout: 5_000 });
      const seconds = (Date.now() - started) / 1000;
      expect(seconds).to.be.below(5);
      expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).to.equal(1);
      await page.screenshot({ path: path.join(SHOTS, "operator-live-deposit.png"), fullPage: true });
    });
  });

  describe("operator view of governance", () => {
    /** Waits (live, no reload) until the element `testid` shows `expected`. */
    async function shows(testid: string, expected: string): Promise<void> {
      const deadline = Date.now() + 10_000;
      while ((await page.getByTestId(testid).count()) === 0 || (await text(testid)) !== expected) {
        if (Date.now() > deadline) throw new Error(`${testid} shows "${await text(testid)}", not "${expected}"`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const iso = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");

    it("shows a bounded pause, a skim and timelock operations as the chain does", async () => {
      expect(timelockAddress, "the local deployment has a timelock").to.be.a("string");
      await page.goto(`${dashboard.url}/operator`);
      await page.getByTestId("supply").waitFor();
      const signer = await provider.getSigner(0);
      const admin = MiningPoolShare__factory.connect(await pool.getAddress(), signer);
      const timelock = new Contract(timelockAddress!, TIMELOCK_ABI, signer);
      const schedule = async (target: string, data: string, delay: number, salt: string) => {
        await (await timelock.getFunction("schedule")(target, 0n, data, ZeroHash, salt, delay)).wait();
        return (await timelock.getFunction("hashOperation")(target, 0n, data, ZeroHash, salt)) as string;
      };

      await (await admin.pause()).wait();
      await shows("paused", `yes until ${iso(await pool.pausedUntil())}`);

      const quorum = HashrateOracle__factory.createInterface().encodeFunctionData("setQuorum", [1]);
      const operation = await schedule(oracleAddress, quorum, 3_600, id("e2e pending"));
      await shows(`timelock-${operation}-executable`, iso(await timelock.getFunction("getTimestamp")(operation)));
      await shows(`timelock-${operation}-state`, "pending");

      const wbtc = MockERC20__factory.connect(tokens[0]!.address, signer);
      await (await wbtc.mint(await pool.getAddress(), 250_000_000_000n)).wait(); // 2,500 WBTC owed to no one
      const to = getAddress(`0x${"5e".repeat(20)}`);
      const skim = admin.interface.encodeFunctionData("skim", [tokens[0]!.address, to]);
      await schedule(await pool.getAddress(), skim, 0, id("e2e skim"));
      await (await timelock.getFunction("execute")(await pool.getAddress(), 0n, skim, ZeroHash, id("e2e skim"))).wait();
      await shows("skim-0-amount", grouped(await wbtc.balanceOf(to), 8));
      expect(await text("skim-0-amount")).to.equal("2,500");

      await (await timelock.getFunction("cancel")(operation)).wait();
      await shows(`timelock-${operation}-state`, "cancelled");
      await page.screenshot({ path: path.join(SHOTS, "operator-governance.png"), fullPage: true });

      await (await admin.unpause()).wait();
      await shows("paused", "no");
      expect(await pool.paused()).to.equal(false);
    });
  });

  describe("terminal tasks over the index", () => {
    /** Runs `args` with the index and with HASHSHARE_INDEX=off; both must print the same JSON. */
    async function sameFromIndexAndChain(args: string[]): Promise<void> {
      const viaIndex = await task([...args, "--json"]);
      expect(viaIndex.code, viaIndex.stderr).to.equal(0);
      expect(viaIndex.stderr).to.match(/events read from the dashboard's index/);
      const viaChain = await hardhat(["--config", E2E_CONFIG, "--network", "localhost", ...args, "--json"], {
        ...env,
        HASHSHARE_INDEX: "off",
      });
      expect(viaChain.code, viaChain.stderr).to.equal(0);
      expect(viaChain.stderr).not.to.match(/dashboard's index/);
      expect(JSON.parse(viaIndex.stdout)).to.deep.equal(JSON.parse(viaChain.stdout));
    }

    for (const command of [
      ["shares", "portfolio"],
      ["shares", "statement"],
    ]) {
      it(`${command.join(" ")} reads the index and prints what it prints from the chain`, async () => {
        for (const holder of (await holders()).slice(0, 3))
          await sameFromIndexAndChain([...command, "--account", holder]);
      });
    }

    it("pool status reads the index and prints what it prints from the chain", async () => {
      await sameFromIndexAndChain(["pool", "status"]);
    });
  });
});
