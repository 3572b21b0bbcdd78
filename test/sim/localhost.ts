import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";

import {
  E2E_CONFIG,
  freePort,
  ROOT,
  hardhat,
  removeDeployment,
  startNode,
  startRpcGate,
  type CommandResult,
  type RunningNode,
} from "../../e2e/harness.js";
import { readJournal, type Journal } from "../../src/sim/index.js";

const HARDHAT_CLI = path.join(ROOT, "node_modules", ".bin", "hardhat");
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** This process's environment as a user's shell has it (no `hardhat test` marker), plus `more`. */
function childEnv(more: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...more };
  delete env.HH_TEST;
  return env;
}

/** The journal, or undefined while there is none (or it is being replaced). */
function readJournalSafe(out: string): Journal | undefined {
  try {
    return readJournal(out);
  } catch {
    return undefined;
  }
}

/** The README walkthrough's deployment command, under its own deployment ID (the project's are left alone). */
const walkthroughDeploy = (deploymentId: string): string[] => [
  "ignition",
  "deploy",
  "ignition/modules/HashShareLocal.ts",
  "--network",
  "localhost",
  "--parameters",
  "ignition/parameters/local.json",
  "--deployment-id",
  deploymentId,
];

const simulate = (out: string, ...more: string[]): string[] => [
  "simulate",
  "--network",
  "localhost",
  ...(more.includes("--days") ? [] : ["--days", "3"]),
  "--holders",
  "3",
  "--quiet",
  "--out",
  out,
  ...more,
];

/** The simulator against a real `hardhat node`, run from the command line as a user runs it. */
describe("simulate on localhost", function () {
  this.timeout(900_000);

  let node: RunningNode;
  const outs: string[] = [];
  const deployments: string[] = [];
  const newOut = (label: string): string => {
    const out = mkdtempSync(path.join(os.tmpdir(), `hashshare-sim-${label}-`));
    outs.push(out);
    return out;
  };
  /** `hardhat --config e2e/hardhat.config.ts <args>` against the node; the run's own deployment is removed after. */
  const run = async (args: readonly string[], env: Record<string, string> = {}): Promise<CommandResult> =>
    hardhat(["--config", E2E_CONFIG, ...args], { HASHSHARE_E2E_RPC_URL: node.url, ...env }, 600_000);
  const explain = (result: CommandResult): string => `exit ${result.code}\n${result.stdout}\n${result.stderr}`;
  const simulationDeployment = (out: string): string => {
    const id = readJournal(out)?.chain.deploymentId;
    if (id === undefined) throw new Error(`${out}: the journal names no deployment`);
    deployments.push(id);
    return id;
  };

  before(async function () {
    node = await startNode(await freePort());
  });

  after(async function () {
    await node?.stop();
    for (const out of outs) rmSync(out, { recursive: true, force: true });
    for (const id of deployments) await removeDeployment(id);
  });

  it("runs after the README walkthrough's deployment, in an Ignition deployment of its own", async function () {
    const walkthrough = `sim-test-walkthrough-${node.port}`;
    deployments.push(walkthrough);
    const deployed = await run(walkthroughDeploy(walkthrough));
    expect(deployed.code, explain(deployed)).to.equal(0);

    // The deployment ID that selects the walkthrough's deployment for the other tasks does not make the simulator
    // reuse (and reconcile with) it.
    const out = newOut("after");
    const simulated = await run(simulate(out), { HASHSHARE_DEPLOYMENT_ID: walkthrough });
    expect(simulated.code, explain(simulated)).to.equal(0);
    expect(simulated.stdout).to.match(/on-chain totals match the model: yes/);
    const first = simulationDeployment(out);
    expect(first).to.match(/^simulate-arbitrage-/);
    // It names its deployment and the command that shows it on the dashboard.
    expect(simulated.stdout).to.include(`Ignition deployment: ${first}; watch it with \``);
    expect(simulated.stdout).to.satisfy(
      (text: string) =>
        text.includes(`npx hardhat dashboard --network localhost --deployment ${first}\``) ||
        text.includes(`HASHSHARE_DEPLOYMENT_ID=${first} npx hardhat dashboard --network localhost\``),
    );

    // A clock warning comes before anything is sent.
    expect(simulated.stderr).to.match(
      /^Warning: this run moves the clock of the node of network "localhost" forward by 3 days \(to about \d{4}-\d\d-\d\d\)/m,
    );

    // --fresh starts a new run on new contracts.
    const again = await run(simulate(out, "--fresh"), { HASHSHARE_DEPLOYMENT_ID: walkthrough });
    expect(again.code, explain(again)).to.equal(0);
    expect(simulationDeployment(out)).to.not.equal(first);
  });

  it("stops at Ctrl-C with the day reached and the command that resumes, which finishes the run", async function () {
    const out = newOut("ctrl-c");
    // The run talks to the node through a gate that holds its first transaction once three days are on chain: the
    // Ctrl-C lands while that transaction is in flight, however fast or slow this machine is.
    const gate = await startRpcGate(
      node.url,
      (method) => method === "eth_sendTransaction" && (readJournalSafe(out)?.completedDays ?? 0) >= 3,
    );
    const child = spawn(process.execPath, [HARDHAT_CLI, "--config", E2E_CONFIG, ...simulate(out, "--days", "40")], {
      cwd: ROOT,
      env: childEnv({ FORCE_COLOR: "0", HASHSHARE_E2E_RPC_URL: gate.url }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    try {
      await Promise.race([gate.holding, exited]);
      child.kill("SIGINT");
      // The signal reaches the run while it waits for the held transaction, which then goes through.
      await sleep(1_000);
      gate.open();
    } finally {
      await exited;
      await gate.close();
    }
    expect(await exited, stderr).to.equal(1);
    const match =
      /^Error: interrupted on day (\d+) of 40 \((\d+) days fully on chain\): resume with `(npx hardhat simulate .*)`$/m.exec(
        stderr,
      );
    expect(match, stderr).to.not.equal(null);
    const journal = readJournal(out)!;
    simulationDeployment(out);
    expect(Number(match![2])).to.equal(3);
    expect(journal.completedDays).to.equal(3);
    expect(journal.finished).to.equal(false);

    // The printed command, as a user would paste it (here with the test's config in front).
    const [, , ...words] = match![3]!.split(" ");
    expect(words).to.include.members(["--network", "localhost", "--out"]);
    const resumed = await run(words.filter((word) => word !== "--quiet"));
    expect(resumed.code, explain(resumed)).to.equal(0);
    expect(resumed.stdout).to.include(`(resumed at day ${journal.completedDays})`);
    expect(resumed.stdout).to.match(/on-chain totals match the model: yes/);
  });

  it("leaves the README walkthrough's deployment working when it comes after a simulation", async function () {
    const walkthrough = `sim-test-later-${node.port}`;
    deployments.push(walkthrough);
    const out = newOut("before");
    const simulated = await run(simulate(out), { HASHSHARE_DEPLOYMENT_ID: walkthrough });
    expect(simulated.code, explain(simulated)).to.equal(0);
    simulationDeployment(out);
    const deployed = await run(walkthroughDeploy(walkthrough));
    expect(deployed.code, explain(deployed)).to.equal(0);
    expect(readFileSync(path.join(out, "summary.json"), "utf8")).to.include('"ok": true');
  });
});
