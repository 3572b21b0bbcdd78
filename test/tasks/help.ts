import { spawn } from "node:child_process";
import path from "node:path";

import { expect } from "chai";
import hre from "hardhat";
import { ArgumentType } from "hardhat/types/arguments";
import type { Task } from "hardhat/types/tasks";

import { REQUIRED } from "../../tasks/options.js";

/** The task groups whose options follow tasks/options.ts. */
const GROUPS = ["pool", "sale", "shares", "governance", "analyze", "dashboard", "simulate", "fit-network"];

/** Every runnable task under `task`, depth first. */
function runnable(task: Task): Task[] {
  const below = [...task.subtasks.values()].flatMap(runnable);
  return task.isEmpty ? below : [task, ...below];
}

const tasks = GROUPS.flatMap((group) => runnable(hre.tasks.getTask(group)));

/** How many defaults `--help` shows for an option: Hardhat's `(default: <value>)` and any in the description. */
function defaultsShown(option: { description: string; defaultValue?: unknown }): number {
  const inDescription = option.description.match(/\(default: /g)?.length ?? 0;
  return inDescription + (option.defaultValue === undefined ? 0 : 1);
}

/** `hardhat <args>` run as a user would, with what it printed. */
function hardhat(args: readonly string[]): Promise<{ code: number | null; stdout: string }> {
  const cli = path.join(hre.config.paths.root, "node_modules", ".bin", "hardhat");
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  delete env.HH_TEST;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: hre.config.paths.root, env, stdio: "pipe" });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

/** The line of `--help` output that describes `--<option>`. */
function optionLine(help: string, option: string): string {
  const line = help.split("\n").find((l) => l.trimStart().startsWith(`${option} `));
  return line ?? expect.fail(`no line for ${option} in:\n${help}`);
}

describe("task options", function () {
  describe("definitions", function () {
    it("finds the HashShare tasks", function () {
      expect(tasks.map((t) => t.id.join(" "))).to.include.members([
        "pool mint",
        "shares transfer",
        "governance cancel",
      ]);
    });

    for (const task of tasks) {
      it(`${task.id.join(" ")}: every option is required or shows exactly one default`, function () {
        for (const [name, option] of task.options) {
          if (option.type === ArgumentType.FLAG) continue;
          expect(option.defaultValue, `--${name} would show "(default: )"`).not.to.equal("");
          const required = option.description.endsWith(REQUIRED);
          if (required) {
            expect(option.defaultValue, `--${name}`).to.equal(undefined);
            expect(defaultsShown(option), `--${name}`).to.equal(0);
          } else {
            expect(defaultsShown(option), `--${name}: ${option.description}`).to.equal(1);
          }
        }
      });
    }
  });

  describe("--help", function () {
    this.timeout(120_000);

    const cases: Array<[string[], { required: string[]; optional: string[] }]> = [
      [["pool", "mint"], { required: ["--to", "--amount"], optional: ["--account"] }],
      [["pool", "report"], { required: ["--hashrate"], optional: ["--epoch", "--account"] }],
      [["shares", "buy"], { required: ["--amount"], optional: ["--max-cost", "--account"] }],
      [["governance", "schedule", "grant-role"], { required: ["--role", "--to"], optional: ["--delay", "--account"] }],
    ];

    for (const [id, { required, optional }] of cases) {
      it(`${id.join(" ")} --help marks ${required.join(", ")} required and shows one default for the rest`, async function () {
        const { code, stdout } = await hardhat([...id, "--help"]);
        expect(code).to.equal(0);
        for (const option of required) {
          const line = optionLine(stdout, option);
          expect(line, line).to.match(/\(required\)$/);
          expect(line, line).not.to.include("(default:");
        }
        for (const option of optional) {
          const line = optionLine(stdout, option);
          expect(line.match(/\(default: /g), line).to.have.length(1);
          expect(line, line).not.to.match(/\(default: \)/);
          expect(line, line).not.to.include("(required)");
        }
      });
    }
  });
});
