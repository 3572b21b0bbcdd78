import { readFileSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";
import fc from "fast-check";
import { network } from "hardhat";

import { UserError } from "../../src/cli/errors.js";
import {
  modelPath,
  policyPath,
  readJournal,
  SimulationInterrupted,
  writeJournal,
  type RunResult,
} from "../../src/sim/index.js";
import { outputs, removeTempOuts, simulate, smallRun, tempOut } from "./helpers.js";

class InjectedCrash extends Error {}

/** Hooks that crash the run at its `crashAt`-th transaction (0-based), before sending it or right after. */
function crashAt(crashAt: number, when: "before" | "after") {
  let count = 0;
  const hit = (): void => {
    if (count++ === crashAt) throw new InjectedCrash(`injected crash at transaction ${crashAt} (${when} sending)`);
  };
  return when === "before"
    ? { beforeSend: () => hit() }
    : {
        afterSend: () => {
          hit();
        },
      };
}

describe("simulate: resumable on-chain run", function () {
  this.timeout(120_000);
  after(removeTempOuts);

  let baselineOut: string;
  let baseline: RunResult;

  before(async function () {
    baselineOut = tempOut("baseline");
    const connection = await network.create();
    baseline = await simulate(connection, smallRun(baselineOut));
    await connection.close();
  });

  it("deposits exactly the model's totals, in WBTC (source 0) and USDC (source 1), and reads them back", function () {
    const s = baseline.summary;
    expect(s.check.ok, s.check.mismatches.join("; ")).to.equal(true);
    expect(s.check.accountsChecked).to.equal(13); // the treasury and 12 investors
    expect(BigInt(s.model.wbtc.total)).to.be.greaterThan(0n);
    expect(BigInt(s.model.usdc.total)).to.be.greaterThan(0n);
    expect(s.onChain.wbtc.totalDeposited).to.equal(s.model.wbtc.total);
    expect(s.onChain.wbtc.revenueBySource).to.deep.equal({ mining: s.model.wbtc.total, ai: "0" });
    expect(s.onChain.usdc.totalDeposited).to.equal(s.model.usdc.total);
    expect(s.onChain.usdc.revenueBySource).to.deep.equal({ mining: "0", ai: s.model.usdc.total });
    expect(s.activity.claims).to.be.greaterThan(0);
    expect(BigInt(s.onChain.wbtc.totalClaimed)).to.be.greaterThan(0n);
    // The model's holders' columns, rounded down to base units once over the run (nothing stranded).
    const { columns } = modelPath(smallRun("").scenario, "ai-only", "resume-test", 16);
    const total = (column: Float64Array, units: number) =>
      BigInt(Math.floor(column.reduce((a, b) => a + b, 0) * units));
    expect(s.onChain.wbtc.totalDeposited).to.equal(total(columns.holdersMiningBtc, 1e8).toString());
    expect(s.onChain.usdc.totalDeposited).to.equal(total(columns.holdersAiUsd, 1e6).toString());
  });

  it("keeps the supply at the highest backing reported, as the pure model predicts", function () {
    const path0 = policyPath(smallRun("").scenario, "ai-only", "resume-test", 16, 10n ** 18n);
    expect(baseline.rows.map((row) => row.supplyShares)).to.deep.equal(
      path0.map((point) => (point.supply / 10n ** 18n).toString()),
    );
    expect(baseline.supply).to.equal(path0.at(-1)!.supply);
  });

  it("reproduces daily.csv and summary.json byte for byte from the same seed on a fresh chain", async function () {
    const out = tempOut("same-seed");
    const connection = await network.create();
    await simulate(connection, smallRun(out));
    await connection.close();
    expect(outputs(out)).to.deep.equal(outputs(baselineOut));
  });

  it("gives another run for another seed", async function () {
    const out = tempOut("other-seed");
    const connection = await network.create();
    const other = await simulate(connection, smallRun(out, { seed: "another seed" }));
    await connection.close();
    const prices = (result: RunResult): string[] => result.rows.slice(1).map((row) => row.btcPriceUsd);
    expect(prices(other)).to.have.length(15);
    expect(prices(other)).to.not.deep.equal(prices(baseline));
    expect(other.summary.onChain.wbtc.totalDeposited).to.not.equal(baseline.summary.onChain.wbtc.totalDeposited);
  });

  it("resumes a run crashed at a random transaction to exactly the totals of an uninterrupted run", async function () {
    const transactions = baseline.stats.transactions;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: transactions - 1 }),
        fc.constantFrom("before" as const, "after" as const),
        async (point, when) => {
          const out = tempOut("crash");
          const connection = await network.create();
          try {
            let crashed: unknown;
            try {
              await simulate(connection, smallRun(out, { hooks: crashAt(point, when) }));
            } catch (error) {
              crashed = error;
            }
            expect(crashed).to.be.instanceOf(InjectedCrash);
            const resumed = await simulate(connection, smallRun(out));
            expect(resumed.resumedFromDay).to.be.a("number");
            // Nothing sent twice, nothing missed: the crashed and the resumed invocations sent exactly the baseline.
            const sentBeforeCrash = when === "before" ? point : point + 1;
            expect(sentBeforeCrash + resumed.stats.transactions).to.equal(transactions);
            expect(resumed.summary.check.ok).to.equal(true);
            expect(outputs(out)).to.deep.equal(outputs(baselineOut));
            // The chain holds what an uninterrupted run leaves: every account's shares, claims and claimables.
            expect(resumed.investors).to.deep.equal(baseline.investors);
            expect(resumed.treasury).to.deep.equal(baseline.treasury);
            expect(resumed.supply).to.equal(baseline.supply);
          } finally {
            await connection.close();
          }
        },
      ),
      { numRuns: 3 },
    );
  });

  it("resumes a crash between the WBTC and the USDC deposit of a day without paying either twice", async function () {
    const out = tempOut("between-deposits");
    const connection = await network.create();
    try {
      let crashed: unknown;
      try {
        await simulate(
          connection,
          smallRun(out, {
            hooks: {
              beforeSend: ({ op }) => {
                if (op.kind === "deposit" && op.token === "usdc" && op.epoch === 5)
                  throw new InjectedCrash("between deposits");
              },
            },
          }),
        );
      } catch (error) {
        crashed = error;
      }
      expect(crashed).to.be.instanceOf(InjectedCrash);
      const journal = readJournal(out)!;
      expect(journal.completedDays).to.equal(5);
      expect(journal.checkpoint?.day).to.equal(5);

      const sent: string[] = [];
      const resumed = await simulate(
        connection,
        smallRun(out, {
          hooks: {
            beforeSend: ({ day, op }) => {
              if (op.kind === "deposit") sent.push(`${day}:${op.token}`);
            },
          },
        }),
      );
      expect(sent[0]).to.equal("5:usdc"); // the WBTC deposit of day 5 is on chain already: it is not sent again
      expect(sent.filter((s) => s.startsWith("5:"))).to.deep.equal(["5:usdc"]);
      expect(resumed.summary.onChain).to.deep.equal(baseline.summary.onChain);
      expect(outputs(out)).to.deep.equal(outputs(baselineOut));
    } finally {
      await connection.close();
    }
  });

  it("sends nothing when a finished run is run again on its chain, and rewrites the same files", async function () {
    const out = tempOut("rerun");
    const connection = await network.create();
    try {
      await simulate(connection, smallRun(out, { days: 3 }));
      const first = outputs(out);
      const again = await simulate(connection, smallRun(out, { days: 3 }));
      expect(again.stats.transactions).to.equal(0);
      expect(outputs(out)).to.deep.equal(first);

      // Other arguments on the same chain: refused, with the difference named.
      let refused: unknown;
      try {
        await simulate(connection, smallRun(out, { days: 4 }));
      } catch (error) {
        refused = error;
      }
      expect(refused).to.be.instanceOf(UserError);
      expect((refused as Error).message).to.match(/other arguments \(--days 3 → 4\).*--fresh/);
    } finally {
      await connection.close();
    }
  });

  it("refuses to resume a node's run on a chain that is not the journal's, and starts over with --fresh", async function () {
    const out = tempOut("node-run");
    const first = await network.create();
    try {
      await simulate(first, smallRun(out, { days: 2 }));
    } finally {
      await first.close();
    }
    // The journal of a run on a node (which outlives the command): make the finished run look like one.
    const journal = readJournal(out)!;
    writeJournal(out, { ...journal, chain: { ...journal.chain, network: "localhost", inProcess: false } });

    const connection = await network.create(); // not that node
    try {
      let refused: unknown;
      try {
        await simulate(connection, smallRun(out, { days: 2 }));
      } catch (error) {
        refused = error;
      }
      expect(refused).to.be.instanceOf(UserError);
      expect((refused as Error).message).to.match(/holds a run on another chain.*pass --fresh.*another --out/);
      expect((refused as Error).message).to.not.include("\n");

      const restarted = await simulate(connection, smallRun(out, { days: 2, fresh: true }));
      expect(restarted.resumedFromDay).to.equal(undefined);
      expect(readJournal(out)!.finished).to.equal(true);
      expect(readFileSync(path.join(out, "summary.json"), "utf8")).to.include('"ok": true');
    } finally {
      await connection.close();
    }
  });

  it("starts a new run, with a warning, over a run on an earlier in-process chain (it cannot be resumed)", async function () {
    const connection = await network.create(); // a fresh in-process chain: not the baseline's
    const warnings: string[] = [];
    const before = outputs(baselineOut);
    try {
      const again = await simulate(connection, { ...smallRun(baselineOut), warn: (message) => warnings.push(message) });
      expect(again.resumedFromDay).to.equal(undefined);
      expect(again.stats.transactions).to.equal(baseline.stats.transactions);
      expect(outputs(baselineOut)).to.deep.equal(before);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/holds a run on an earlier in-process chain.*starting a new run/);
    } finally {
      await connection.close();
    }
  });

  it("stops at Ctrl-C after the transaction in flight, names the day reached, and resumes from there", async function () {
    const out = tempOut("interrupt");
    const connection = await network.create();
    const listeners = process.listenerCount("SIGINT");
    try {
      let sent = 0;
      let interrupted: unknown;
      try {
        await simulate(connection, {
          ...smallRun(out),
          hooks: {
            afterSend: () => {
              if (++sent === 40) process.emit("SIGINT");
            },
          },
        });
      } catch (error) {
        interrupted = error;
      }
      expect(interrupted).to.be.instanceOf(SimulationInterrupted);
      const { day, days } = interrupted as SimulationInterrupted;
      expect(days).to.equal(16);
      expect(day).to.be.within(1, 15);
      expect(process.listenerCount("SIGINT")).to.equal(listeners);
      const journal = readJournal(out)!;
      expect(journal.completedDays).to.equal(day);
      expect(journal.finished).to.equal(false);

      const resumed = await simulate(connection, smallRun(out));
      expect(resumed.resumedFromDay).to.equal(day);
      expect(resumed.stats.transactions + sent).to.equal(baseline.stats.transactions);
      expect(outputs(out)).to.deep.equal(outputs(baselineOut));
    } finally {
      await connection.close();
    }
  });

  it("stops at Ctrl-C once every day is on chain, before the read-back; the same command then writes the report", async function () {
    const out = tempOut("interrupt-after-days");
    const connection = await network.create();
    const listeners = process.listenerCount("SIGINT");
    try {
      let interrupted: unknown;
      try {
        await simulate(connection, { ...smallRun(out), hooks: { beforeReadBack: () => void process.emit("SIGINT") } });
      } catch (error) {
        interrupted = error;
      }
      expect(interrupted).to.be.instanceOf(SimulationInterrupted);
      expect((interrupted as SimulationInterrupted).day).to.equal(16);
      expect((interrupted as SimulationInterrupted).days).to.equal(16);
      expect(process.listenerCount("SIGINT")).to.equal(listeners);
      const journal = readJournal(out)!;
      expect(journal.completedDays).to.equal(16);
      expect(journal.finished).to.equal(true);

      const resumed = await simulate(connection, smallRun(out));
      expect(resumed.resumedFromDay).to.equal(16);
      expect(resumed.stats.transactions).to.equal(0);
      expect(outputs(out)).to.deep.equal(outputs(baselineOut));
    } finally {
      await connection.close();
    }
  });
});
