/**
 * End to end through the timelock: HashShare deployed to a real node with a timelock delay of one hour, then an
 * operator schedules a role grant, sees it pending with the time it becomes executable, fails to execute it early
 * (a one-line error naming that time, nothing sent), moves the clock, executes it; and cancels another. Runs against
 * `hardhat node` and Foundry's `anvil`.
 *
 * Run: npx hardhat test mocha e2e/governance.e2e.ts
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { REPORTER_ROLE } from "../ignition/modules/Oracle.js";
import { closeChain, errorLines, json, openChain, runTask, suiteNodes, warp, type Chain } from "./chain.js";

const DELAY = 3_600;

interface Listed {
  minDelay: string;
  operations: Array<{ id: string; state: string; readyAt: string | null; calls: string[] }>;
}

for (const kind of suiteNodes(["hardhat", "anvil"])) {
  describe(`governance through the timelock end to end (${kind} node)`, function () {
    this.timeout(900_000);

    let chain: Chain;
    let dir: string;
    const OPERATOR = 0;
    const NEW_REPORTER = 3;
    const OUTSIDER = 7;
    const address = (index: number) => chain.accounts[index]!;
    const task = (args: readonly string[]) => runTask(chain, args);

    before(async function () {
      dir = await mkdtemp(path.join(tmpdir(), "hashshare-governance-e2e-"));
      const local = JSON.parse(await readFile("ignition/parameters/local.json", "utf8")) as {
        Governance: { minDelay: number };
      };
      local.Governance.minDelay = DELAY;
      const parameters = path.join(dir, "parameters.json");
      await writeFile(parameters, JSON.stringify(local, null, 2));
      chain = await openChain(kind, parameters);
    });

    after(async function () {
      await closeChain(chain);
      await rm(dir, { recursive: true, force: true });
    });

    let id = "";

    it("schedules a reporter grant and lists it as pending with the time it becomes executable", async function () {
      const scheduled = json<{ id: string; readyAt: string; calls: string[]; delay: string }>(
        await task([
          "governance",
          "schedule",
          "grant-role",
          "--role",
          "reporter",
          "--to",
          String(NEW_REPORTER),
          "--json",
        ]),
      );
      id = scheduled.id;
      expect(id).to.match(/^0x[0-9a-f]{64}$/);
      expect(scheduled.delay).to.equal(String(DELAY));
      expect(scheduled.calls).to.deep.equal([`oracle.grantRole(REPORTER_ROLE, ${address(NEW_REPORTER)})`]);
      const scheduledAt = (await chain.provider.getBlock("latest"))!.timestamp;
      expect(Number(scheduled.readyAt)).to.equal(scheduledAt + DELAY);

      const listed = json<Listed>(await task(["governance", "list", "--json"]));
      expect(listed.minDelay).to.equal(String(DELAY));
      expect(listed.operations).to.deep.equal([
        { ...listed.operations[0], id, state: "waiting", readyAt: scheduled.readyAt, calls: scheduled.calls },
      ]);
      const text = await task(["governance", "list"]);
      expect(text.stdout).to.include(`${id}  waiting`);
      expect(text.stdout).to.match(/executable at {2}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in 1h\)/);
      expect(await chain.oracle.hasRole(REPORTER_ROLE, address(NEW_REPORTER))).to.equal(false);
    });

    it("refuses to execute it early with a one-line error naming when it becomes executable, sending nothing", async function () {
      const block = await chain.provider.getBlockNumber();
      const nonce = await chain.provider.getTransactionCount(address(OPERATOR));
      const result = await task(["governance", "execute", "--id", id]);
      expect(result.code).to.equal(1);
      expect(errorLines(result)).to.have.length(1);
      expect(errorLines(result)[0]).to.match(
        new RegExp(
          `^Error: operation ${id} is not executable yet: it becomes executable at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(in (59m \\d+s|1h)\\)$`,
        ),
      );
      expect(await chain.provider.getBlockNumber()).to.equal(block);
      expect(await chain.provider.getTransactionCount(address(OPERATOR))).to.equal(nonce);
    });

    it("refuses an executor without EXECUTOR_ROLE once the delay has passed", async function () {
      await warp(chain, DELAY);
      const result = await task(["governance", "execute", "--id", id, "--account", String(OUTSIDER)]);
      expect(result.code).to.equal(1);
      expect(errorLines(result)).to.deep.equal([
        `Error: account ${address(OUTSIDER)} is not an executor of the timelock ${chain.timelock} (it lacks EXECUTOR_ROLE)`,
      ]);
    });

    it("executes it after the delay: the new reporter holds the role and the list is empty", async function () {
      const executed = json<{ id: string; calls: string[] }>(
        await task(["governance", "execute", "--id", id.slice(0, 12), "--json"]),
      );
      expect(executed.id).to.equal(id);
      expect(await chain.oracle.hasRole(REPORTER_ROLE, address(NEW_REPORTER))).to.equal(true);
      expect(json<Listed>(await task(["governance", "list", "--json"])).operations).to.deep.equal([]);
      const again = await task(["governance", "execute", "--id", id]);
      expect(errorLines(again)).to.deep.equal([`Error: operation ${id} was already executed`]);
    });

    it("decodes a call that would revert before scheduling it", async function () {
      const result = await task(["governance", "schedule", "set-quorum", "--quorum", "0"]);
      expect(errorLines(result)).to.deep.equal(["Error: --quorum must be at least 1"]);
      const bps = await task(["governance", "schedule", "set-max-change-bps", "--bps", "0"]);
      expect(errorLines(bps)).to.deep.equal([
        "Error: --bps 0 would leave the pool's hashrate unbounded: give at least 1",
      ]);
    });

    it("cancels a pending operation, which then cannot be executed", async function () {
      const scheduled = json<{ id: string }>(
        await task(["governance", "schedule", "set-max-change-bps", "--bps", "2500", "--json"]),
      );
      const cancelled = json<{ id: string }>(await task(["governance", "cancel", "--id", scheduled.id, "--json"]));
      expect(cancelled.id).to.equal(scheduled.id);
      await warp(chain, DELAY);
      const result = await task(["governance", "execute", "--id", scheduled.id]);
      expect(errorLines(result)).to.deep.equal([`Error: operation ${scheduled.id} was cancelled: schedule it again`]);
      const all = json<Listed>(await task(["governance", "list", "--all", "--json"]));
      expect(all.operations.find((op) => op.id === scheduled.id)?.state).to.equal("cancelled");
      expect(all.operations.find((op) => op.id === id)?.state).to.equal("done");
      expect(await chain.oracle.maxChangeBps(await chain.pool.getAddress())).to.equal(5_000n);
    });
  });
}
