import { createRequire } from "node:module";

import { expect } from "chai";
import { Contract, ZeroHash, getAddress, id, type InterfaceAbi } from "ethers";

import { formatAmount } from "../../src/cli/amount.js";
import type { InvestorView } from "../../src/dashboard/investor.js";
import type { OperatorView } from "../../src/dashboard/operator.js";
import { createApp } from "../../src/dashboard/server.js";
import type { DashboardService } from "../../src/dashboard/service.js";
import { HashrateOracle__factory, MiningPoolShare__factory, MockERC20__factory } from "../../typechain-types/index.js";
import { cleanUp, simulatedPool, sqliteIndex, type SimulatedPool } from "../indexer/fixture.js";
import { dashboardServiceOf } from "./fixture.js";

const timelockAbi = (
  createRequire(import.meta.url)("@openzeppelin/contracts/build/contracts/TimelockController.json") as {
    abi: InterfaceAbi;
  }
).abi;

const iso = (seconds: bigint | number) => new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");

/**
 * The operator's actions that the trust-minimized ledger added (claimers, skims, bounded pauses, timelock operations)
 * as the dashboard's API reports them, each figure compared with the chain's own view of it.
 */
describe("Dashboard governance figures", function () {
  this.timeout(600_000);
  let pool: SimulatedPool;
  let service: DashboardService;
  let app: ReturnType<typeof createApp>;
  let share: ReturnType<typeof MiningPoolShare__factory.connect>;
  let timelock: Contract;
  let treasury: string;

  /** Indexes what the chain has now and returns the operator view. */
  async function operator(): Promise<OperatorView> {
    await service.indexer.syncOnce();
    await service.settled();
    return (await (await app.request("/api/operator")).json()) as OperatorView;
  }

  async function latest(): Promise<number> {
    return (await pool.connection.ethers.provider.getBlock("latest"))!.timestamp;
  }

  /** Schedules `data` on `target` through the timelock with `delay` seconds; returns the operation's id. */
  async function schedule(target: string, data: string, delay: number, salt: string): Promise<string> {
    await (await timelock.getFunction("schedule")(target, 0n, data, ZeroHash, salt, delay)).wait();
    return (await timelock.getFunction("hashOperation")(target, 0n, data, ZeroHash, salt)) as string;
  }

  before(async () => {
    pool = await simulatedPool();
    const [signer] = await pool.connection.ethers.getSigners();
    treasury = await signer!.getAddress();
    share = MiningPoolShare__factory.connect(pool.contracts.pool, signer!);
    service = await dashboardServiceOf(pool, await sqliteIndex("governance"), Number(await share.MAX_PAUSE_DURATION()));
    await service.open();
    app = createApp(service);
    await operator();
    const timelocks = service.indexer.followed.filter(
      (a) => ![pool.contracts.oracle, pool.contracts.pool, pool.contracts.sale].map(getAddress).includes(a),
    );
    expect(timelocks, "the local deployment's timelock").to.have.lengthOf(1);
    timelock = new Contract(timelocks[0]!, timelockAbi, signer!);
  });
  after(async () => {
    await service.stop();
    await pool.connection.close();
    cleanUp();
  });

  describe("ClaimerSet", () => {
    it("shows the claimer a holder named, as claimerOf returns it", async () => {
      const claimer = getAddress(`0x${"c1".repeat(20)}`);
      await (await share.setClaimer(claimer)).wait();
      await operator();
      const view = (await (await app.request(`/api/investor/${treasury}`)).json()) as InvestorView;
      expect(view.claimer).to.equal(await share.claimerOf(treasury));
      expect(view.claimer).to.equal(claimer);
    });
  });

  describe("Skimmed", () => {
    it("shows a skim through the timelock with the amount the recipient received", async () => {
      const wbtc = MockERC20__factory.connect(pool.contracts.wbtc, share.runner);
      await (await wbtc.mint(pool.contracts.pool, 123_456n)).wait(); // sent to the pool, owed to no one
      const to = getAddress(`0x${"5e".repeat(20)}`);
      const data = share.interface.encodeFunctionData("skim", [pool.contracts.wbtc, to]);
      await schedule(pool.contracts.pool, data, 0, id("skim"));
      await (await timelock.getFunction("execute")(pool.contracts.pool, 0n, data, ZeroHash, id("skim"))).wait();
      const view = await operator();
      expect(view.skims).to.have.lengthOf(1);
      expect(view.skims[0]).to.include({ token: "WBTC", to, amount: formatAmount(await wbtc.balanceOf(to), 8) });
      expect(view.skims[0]!.amount).to.equal("0.00123456");
    });
  });

  describe("pause and unpause", () => {
    it("shows a bounded pause until the time pausedUntil returns", async () => {
      await (await share.pause()).wait();
      const view = await operator();
      expect(await share.paused()).to.equal(true);
      expect(view.pause.paused).to.equal(true);
      expect(view.pause.pausedUntil).to.equal(iso(await share.pausedUntil()));
      expect(view.pause.lastChange?.event).to.equal("Paused");
    });

    it("shows the pool unpaused once unpause is called", async () => {
      await (await share.unpause()).wait();
      const view = await operator();
      expect(await share.paused()).to.equal(false);
      expect(view.pause).to.deep.include({ paused: false, pausedUntil: null });
      expect(view.pause.lastChange?.event).to.equal("Unpaused");
    });
    it("shows a pause as over once its bound has passed, as paused() does", async () => {
      await pool.connection.provider.request({ method: "evm_increaseTime", params: [86_400] }); // the cooldown
      await (await share.pause()).wait();
      await pool.connection.provider.request({
        method: "evm_increaseTime",
        params: [Number(await share.MAX_PAUSE_DURATION())],
      });
      await pool.connection.provider.request({ method: "evm_mine", params: [] });
      const view = await operator();
      expect(await share.paused()).to.equal(false);
      expect(view.pause.paused).to.equal(false);
      expect(view.pause.pausedUntil).to.equal(iso(await share.pausedUntil()));
    });
  });

  describe("timelock operations", () => {
    const oracleCall = () => HashrateOracle__factory.createInterface().encodeFunctionData("setQuorum", [1]);
    let executed: string;
    let cancelled: string;

    it("names the timelock among the role holders, holding the pool's admin role", async () => {
      const view = await operator();
      const timelockAddress = await timelock.getAddress();
      const admins = view.roles.find((r) => r.contract === "pool" && r.role === "DEFAULT_ADMIN_ROLE");
      expect(admins?.holders).to.deep.equal([{ address: timelockAddress, label: "timelock" }]);
      expect(await share.defaultAdmin()).to.equal(timelockAddress);
      expect(view.roles.some((r) => r.contract === "timelock" && r.address === timelockAddress)).to.equal(true);
    });

    it("shows a scheduled operation as pending until the time getTimestamp returns", async () => {
      executed = await schedule(pool.contracts.oracle, oracleCall(), 3_600, id("executed"));
      cancelled = await schedule(pool.contracts.oracle, oracleCall(), 7_200, id("cancelled"));
      const view = await operator();
      for (const operation of [executed, cancelled]) {
        const row = view.timelock.find((t) => t.id === operation);
        expect(row, operation).to.not.equal(undefined);
        expect(row!.state).to.equal("pending");
        expect(row!.executableAt).to.equal(iso(await timelock.getFunction("getTimestamp")(operation)));
        expect(row!.ready).to.equal(await timelock.getFunction("isOperationReady")(operation));
      }
    });

    it("shows an operation as ready once its time has come, as isOperationReady says", async () => {
      await pool.connection.provider.request({ method: "evm_increaseTime", params: [3_600] });
      await pool.connection.provider.request({ method: "evm_mine", params: [] });
      const view = await operator();
      expect(await timelock.getFunction("isOperationReady")(executed)).to.equal(true);
      expect(view.timelock.find((t) => t.id === executed)!.ready).to.equal(true);
      expect(view.timelock.find((t) => t.id === cancelled)!.ready).to.equal(false);
      expect(view.timestamp).to.equal(await latest());
    });

    it("shows an executed operation as executed (CallExecuted)", async () => {
      await (
        await timelock.getFunction("execute")(pool.contracts.oracle, 0n, oracleCall(), ZeroHash, id("executed"))
      ).wait();
      const view = await operator();
      expect(await timelock.getFunction("isOperationDone")(executed)).to.equal(true);
      expect(view.timelock.find((t) => t.id === executed)).to.include({ state: "executed", ready: false });
    });

    it("shows a cancelled operation as cancelled (Cancelled)", async () => {
      await (await timelock.getFunction("cancel")(cancelled)).wait();
      const view = await operator();
      expect(await timelock.getFunction("isOperation")(cancelled)).to.equal(false);
      expect(view.timelock.find((t) => t.id === cancelled)).to.include({ state: "cancelled", ready: false });
    });
  });
});
