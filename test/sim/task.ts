import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import { loadScenario, POLICY_NAMES } from "../../src/model/index.js";
import { EARLY_AI, removeTempOuts, tempOut } from "./helpers.js";

interface TaskResult {
  success: boolean;
  value?: unknown;
  error?: Error;
}

/** Runs `simulate` with `args`, capturing what it prints. */
async function simulateTask(
  args: Record<string, unknown>,
): Promise<{ result: TaskResult; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => void out.push(parts.join(" "));
  console.error = (...parts: unknown[]) => void err.push(parts.join(" "));
  try {
    const result = (await hre.tasks.getTask("simulate").run({ quiet: true, ...args })) as TaskResult;
    return { result, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

describe("simulate task", function () {
  this.timeout(120_000);
  after(removeTempOuts);

  for (const [label, args, message] of [
    [
      "an unknown policy",
      { policy: "hodl" },
      /^Error: --policy must be one of mining-only, ai-only, arbitrage, got "hodl"$/,
    ],
    ["zero days", { days: 0 }, /^Error: --days must be a whole number of days from 1 to 36500, got 0$/],
    ["zero holders", { holders: 0 }, /^Error: --holders must be a whole number from 1 to 100000, got 0$/],
    [
      "a missing scenario file",
      { scenario: "scenarios/nope.json" },
      /^Error: --scenario .*nope\.json cannot be read \(ENOENT\)$/,
    ],
    ["an invalid scenario", { scenario: "package.json" }, /^Error: --scenario .*package\.json: .*$/],
  ] as const) {
    it(`refuses ${label} with one line and a failed result, before touching the chain`, async function () {
      const { result, stderr, stdout } = await simulateTask({ ...args, out: tempOut("bad") });
      expect(result.success).to.equal(false);
      expect(stderr.split("\n")).to.have.length(1);
      expect(stderr).to.match(message);
      expect(stdout).to.equal("");
    });
  }

  it("runs, writes the three outputs and prints the holdings table", async function () {
    const out = tempOut("task");
    const { result, stdout } = await simulateTask({
      days: 4,
      holders: 5,
      seed: "task",
      out,
      scenario: EARLY_AI,
      policy: "ai-only",
    });
    expect(result.success).to.equal(true);
    for (const file of ["daily.csv", "summary.json", "chart.svg", "report.html", "journal.json"]) {
      expect(existsSync(path.join(out, file)), file).to.equal(true);
    }
    expect(stdout).to.match(/Simulated 4 days of ai-only \(seed "task", 5 investors\) on network "default"/);
    expect(stdout).to.match(/on-chain totals match the model: yes/);
    expect(stdout).to.include("all 5 investors");
    // The policies are also compared in the model over five years on the same price path.
    expect(stdout).to.match(
      /model projection over 5 years on the same price path \(the first 4 days are this run\): mining-only [\d,.]+ · ai-only [\d,.]+ · arbitrage [\d,.]+ → (best: |tie \()/,
    );
    const summary = JSON.parse(readFileSync(path.join(out, "summary.json"), "utf8")) as {
      policies: { best: string | null; tied: string[] };
      policyProjection: { days: number; onChainDays: number; best: string | null; tied: string[] };
    };
    expect(summary.policyProjection).to.include({ days: 1825, onChainDays: 4 });
    for (const leader of [summary.policies, summary.policyProjection]) {
      // Either one best policy and no tie, or no best and two or more tied.
      if (leader.best === null) expect(leader.tied).to.have.length.of.at.least(2);
      else expect(leader.tied).to.deep.equal([]);
    }
    expect(stdout).to.include("treasury");
    expect(readFileSync(path.join(out, "daily.csv"), "utf8").trimEnd().split("\n")).to.have.length(5);
  });

  it("starts a new run when the same in-process simulate runs again (its chain ended with the first)", async function () {
    const out = tempOut("twice");
    const args = { days: 2, holders: 2, seed: "twice", out };
    const first = await simulateTask(args);
    expect(first.result.success).to.equal(true);
    const second = await simulateTask(args);
    expect(second.result.success, second.stderr).to.equal(true);
    expect(second.stdout).to.not.include("resumed");
    expect(second.stderr).to.match(/^Warning: .* holds a run on an earlier in-process chain, .*starting a new run/);
    expect(readFileSync(path.join(out, "summary.json"), "utf8")).to.include('"ok": true');
  });

  it("prints no clock warning in-process (the chain ends with the command)", async function () {
    const { result, stderr } = await simulateTask({ days: 2, holders: 2, out: tempOut("no-warning") });
    expect(result.success).to.equal(true);
    expect(stderr).to.not.include("Warning");
  });

  it("prints the summary as JSON with --json", async function () {
    const out = tempOut("json");
    const { result, stdout } = await simulateTask({ days: 2, holders: 2, out, json: true });
    expect(result.success).to.equal(true);
    const json = JSON.parse(stdout) as { check: { ok: boolean }; arguments: { days: number }; files: { csv: string } };
    expect(json.check.ok).to.equal(true);
    expect(json.arguments.days).to.equal(2);
    expect(json.files.csv).to.equal(path.join(out, "daily.csv"));
  });

  it("--compare runs the three policies on chain and names the one that paid holders most", async function () {
    const out = tempOut("compare");
    const { result, stdout } = await simulateTask({ days: 6, holders: 3, out, compare: true, scenario: EARLY_AI });
    expect(result.success).to.equal(true);
    const compare = JSON.parse(readFileSync(path.join(out, "compare.json"), "utf8")) as {
      best: string;
      tied: string[];
      ranking: string[];
      policies: Record<string, { usd: number; usdPer1000Shares: number; check: boolean }>;
    };
    expect([...compare.ranking].sort()).to.deep.equal([...POLICY_NAMES].sort());
    // Ranked per starting share (1 TH/s of the day-0 fleet), the same shares for every policy, whatever each chain minted.
    const { shares } = loadScenario(EARLY_AI);
    for (const policy of POLICY_NAMES) {
      const { usd, usdPer1000Shares } = compare.policies[policy]!;
      expect(Math.abs(usdPer1000Shares - (usd / shares) * 1000)).to.be.below(0.01);
    }
    expect(compare.best).to.equal(compare.ranking[0]);
    expect(compare.tied).to.deep.equal([]);
    const best = compare.policies[compare.best]!.usdPer1000Shares;
    for (const policy of POLICY_NAMES) {
      expect(compare.policies[policy]!.check).to.equal(true);
      expect(compare.policies[policy]!.usdPer1000Shares).to.be.at.most(best);
      expect(existsSync(path.join(out, policy, "summary.json"))).to.equal(true);
    }
    // AI earns from day 2 in this scenario, so the policies pay differently on the same path.
    expect(compare.policies["ai-only"]!.usdPer1000Shares).to.not.equal(
      compare.policies["mining-only"]!.usdPer1000Shares,
    );
    expect(existsSync(path.join(out, "compare.svg"))).to.equal(true);
    expect(existsSync(path.join(out, "compare.html"))).to.equal(true);
    expect(stdout).to.include(`${compare.best} paid holders most`);
  });

  it("--compare reports a tie, with no best, when the policies paid the same", async function () {
    // No room for AI (maxAiShare 0): no policy can convert, so every policy pays the same.
    const out = tempOut("compare-tie");
    const { result, stdout } = await simulateTask({
      days: 3,
      holders: 2,
      out,
      compare: true,
      scenario: "test/sim/fixtures/no-room.json",
    });
    expect(result.success).to.equal(true);
    const compare = JSON.parse(readFileSync(path.join(out, "compare.json"), "utf8")) as {
      best: string | null;
      tied: string[];
    };
    expect(compare.best).to.equal(null);
    expect(compare.tied).to.deep.equal([...POLICY_NAMES]);
    expect(stdout).to.include("tie (mining-only, ai-only, arbitrage): they paid holders the same");
    expect(stdout).to.not.include("paid holders most");
    const html = readFileSync(path.join(out, "compare.html"), "utf8");
    expect(html).to.not.include("★");
    expect(html).to.include("Over the run the policies tie");
  });
});
